import { Arg, Args, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { loader } from '../../core/graphql/loaders.ts';
import { PageArgs } from '../../core/graphql/pagination.ts';
import { Company } from '../company/index.ts';
import { ProgramYear } from '../program/index.ts';
import { ExpertTeam } from '../team/index.ts';
import { Participation } from './participation.entity.ts';
import { ParticipationFilter } from './participation.inputs.ts';
import { ParticipationConnection } from './participation.resolver.ts';
import { listParticipations } from './participation.service.ts';

/** Groups rows by a key, in the order of `keys`. */
function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/** A company's participations, one query for every company on the page. */
@Resolver(() => Company)
export class CompanyParticipationsResolver {
  @FieldResolver(() => [Participation], { description: 'Every program year the company applied to, oldest first' })
  participations(@Root() company: Company, @Ctx() ctx: GraphQLContext): Promise<Participation[]> {
    return loader(ctx.loaders, 'participationsByCompany', async (companyIds: readonly string[]) => {
      const rows = await ctx.em.find(Participation, { company: { $in: [...companyIds] } }, { orderBy: { appliedOn: 'asc', id: 'asc' } });
      return groupBy(companyIds, rows, (row) => row.company.id);
    }).load(company.id);
  }

  @FieldResolver(() => Participation, { nullable: true, description: "The company's participation in that program year, if any" })
  async currentParticipation(
    @Root() company: Company,
    @Arg('programYearId', () => ID) programYearId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Participation | null> {
    return loader(ctx.loaders, 'participationByCompanyAndYear', async (keys: readonly string[]) => {
      const pairs = keys.map((key) => key.split(':') as [string, string]);
      const rows = await ctx.em.find(Participation, {
        company: { $in: pairs.map(([companyId]) => companyId) },
        programYear: { $in: pairs.map(([, yearId]) => yearId) },
      });
      const byKey = new Map(rows.map((row) => [`${row.company.id}:${row.programYear.id}`, row]));
      return keys.map((key) => byKey.get(key) ?? null);
    }).load(`${company.id}:${programYearId}`);
  }
}

@Resolver(() => ProgramYear)
export class ProgramYearParticipationsResolver {
  @FieldResolver(() => ParticipationConnection, { description: "The year's participations the viewer may see" })
  participations(
    @Root() year: ProgramYear,
    @Arg('filter', () => ParticipationFilter, { nullable: true }) filter: ParticipationFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    return listParticipations(ctx, year.id, filter ?? {}, page);
  }
}

@Resolver(() => ExpertTeam)
export class ExpertTeamCompaniesResolver {
  @FieldResolver(() => [Company], { description: 'Companies whose participation is assigned to this team (those the viewer may see)' })
  async companies(@Root() team: ExpertTeam, @Ctx() ctx: GraphQLContext): Promise<Company[]> {
    const scope = await ctx.access.companyFilter('program-results');
    return loader(ctx.loaders, 'companiesByTeam', async (teamIds: readonly string[]) => {
      const rows = await ctx.em.find(Participation, { team: { $in: [...teamIds] }, ...scope }, { populate: ['company'] });
      const groups = groupBy(teamIds, rows, (row) => row.team!.id);
      return groups.map((group) => group.map((row) => row.company.getEntity()).sort((a, b) => a.nameKo.localeCompare(b.nameKo, 'ko')));
    }).load(team.id);
  }
}
