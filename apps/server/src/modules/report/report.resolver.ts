import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { ProgramYear } from '../program/index.ts';
import { programYearReport } from './report.queries.ts';
import { ProgramYearResults } from './report.types.ts';

@Resolver(() => ProgramYear)
export class ProgramYearResultsResolver {
  @FieldResolver(() => ProgramYearResults, { description: 'Year-end results as the PDF/XLSX files have them (admins, managers, observers; others FORBIDDEN)' })
  async results(@Root() year: ProgramYear, @Ctx() ctx: GraphQLContext): Promise<ProgramYearResults> {
    const report = await programYearReport(ctx, year.id);
    return {
      completedCompanies: report.completedCompanies,
      payback: report.payback,
      events: report.events,
      companies: report.companies.map((c) => ({
        companyId: c.companyId,
        nameKo: c.nameKo,
        nameEn: c.nameEn,
        industryCode: c.industryCode,
        stage: c.stage,
        measures: c.measureCounts.total,
        implementationRate: c.implementationRate,
        investmentKrw: c.investmentKrw,
        expectedAnnualSavingsKrw: c.expectedAnnualSavingsKrw,
        ghgReductionTco2e: c.ghgReductionTco2e,
      })),
    };
  }
}
