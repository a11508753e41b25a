import { roundTo } from '@ecohub/domain';
import { containsPattern, findRecord } from '../../core/database/records.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { assertFilterIds } from '../../core/graphql/id-filter.ts';
import type { Selection } from '../../core/graphql/look-ahead.ts';
import type { ConnectionShape, PageArgs } from '../../core/graphql/pagination.ts';
import { selectedPage, type PagePlanSpec } from '../../core/graphql/planned-read.ts';
import { Company } from '../company/company.entity.ts';
import { Person } from '../people/person.entity.ts';
import { Measure } from './measure.entity.ts';
import type { MeasureFilter } from './measure.inputs.ts';
import { ghgFactorJoins, ghgTco2eSql } from './measure-ghg.sql.ts';

async function measureWhere(ctx: UnitOfWork, filter: MeasureFilter | null | undefined): Promise<Record<string, unknown>> {
  assertFilterIds(filter, ['programYearId', 'companyId', 'ownerId']);
  const f = filter ?? {};
  return {
    // The viewer's scope stays its own condition: a companyId filter must narrow it, never replace it.
    $and: [await ctx.access.companyFilter('program-results')],
    ...(f.includeArchived ? {} : { archivedAt: null }),
    ...(f.programYearId ? { participation: { programYear: f.programYearId } } : {}),
    ...(f.companyId ? { company: f.companyId } : {}),
    ...(f.category ? { category: f.category } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.ownerId ? { owner: f.ownerId } : {}),
    ...(f.search?.trim() ? { title: { $ilike: containsPattern(f.search) } } : {}),
  };
}

/** Oldest first: the order in which the experts proposed them. */
/** What a measures page may read without entities: the resolvers of these fields honour planned rows. */
export const MEASURE_PAGE: PagePlanSpec = {
  relations: { company: Company, owner: Person, lastEditedBy: Person },
  rowFields: { paybackYears: ['investmentKrw', 'expectedAnnualSavingsKrw'], allowedNextStatuses: ['archivedAt', 'status'] },
};

/** `selection`: what the operation selects on the connection; a page it covers is read in one statement. */
export async function listMeasures(
  ctx: UnitOfWork,
  filter: MeasureFilter | null | undefined,
  page: PageArgs,
  selection?: Selection,
): Promise<ConnectionShape<Measure>> {
  return selectedPage(ctx.em, Measure, await measureWhere(ctx, filter), page, 'createdAt', selection, MEASURE_PAGE);
}

export async function getMeasure(ctx: UnitOfWork, id: string): Promise<Measure> {
  const measure = await findRecord(ctx.em, Measure, id, 'Measure');
  await ctx.access.assertCanSeeCompany('program-results', measure.company.id, 'Measure', id);
  return measure;
}

export interface MeasureTotalsRow {
  count: number;
  droppedCount: number;
  includesDropped: boolean;
  investmentKrw: number;
  expectedAnnualSavingsKrw: number;
  verifiedAnnualSavingsKrw: number;
  ghgReductionTco2e: number;
}

/**
 * Sums over the measures a filter selects, in one aggregate query. Dropped measures add no money
 * or tCO2e (as on the board) unless `includeDropped`; how many were left out is part of the
 * answer, so a total can say what it includes. The ORM builds the filtered id set as a subquery,
 * so the filter means exactly what it means for the list.
 */
export async function measureTotals(ctx: UnitOfWork, filter: MeasureFilter | null | undefined, includeDropped = false): Promise<MeasureTotalsRow> {
  const where = await measureWhere(ctx, filter);
  const ids = ctx.em.createQueryBuilder(Measure, 'f').select('f.id').where(where as never).toQuery();
  const counted = includeDropped ? 'true' : "m.status <> 'DROPPED'";
  const [row] = await ctx.em.execute<Record<string, string | null>[]>(
    `select count(*) as count,
            count(*) filter (where m.status = 'DROPPED') as dropped,
            sum(m.investment_krw) filter (where ${counted}) as investment,
            sum(m.expected_annual_savings_krw) filter (where ${counted}) as expected,
            sum(m.verified_annual_savings_krw) filter (where ${counted}) as verified,
            sum(${ghgTco2eSql('m')}) filter (where ${counted}) as tco2e
       from measure m ${ghgFactorJoins('m')}
      where m.id in (${ids.sql})`,
    [...ids.params],
  );
  return {
    count: Number(row?.count ?? 0),
    droppedCount: Number(row?.dropped ?? 0),
    includesDropped: includeDropped,
    investmentKrw: Number(row?.investment ?? 0),
    expectedAnnualSavingsKrw: Number(row?.expected ?? 0),
    verifiedAnnualSavingsKrw: Number(row?.verified ?? 0),
    ghgReductionTco2e: roundTo(Number(row?.tco2e ?? 0), 3),
  };
}
