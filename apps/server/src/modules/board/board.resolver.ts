import type { EntityClass, Ref } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { mayRead } from '../../core/auth/policy.ts';
import { DateTime } from '../../core/graphql/scalars.ts';
import { assertFilterIds } from '../../core/graphql/id-filter.ts';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { loader } from '../../core/graphql/loaders.ts';
import { lookAhead } from '../../core/graphql/look-ahead.ts';
import { preloaded } from '../../core/graphql/planned-read.ts';
import { Company } from '../company/company.entity.ts';
import { Participation } from '../participation/participation.entity.ts';
import { ProgramYear } from '../program/program-year.entity.ts';
import { ExpertTeam } from '../team/expert-team.entity.ts';
import { boardTrend } from './board-trend.queries.ts';
import { boardRelations, boardRows } from './board.queries.ts';
import { BoardFilter, BoardKpis, BoardRow, BoardTrendMonth, BudgetSourceKpi, CategoryKpi, CompanyKpi, KpiTotals, ProgramKpis, TaskCounts } from './board.types.ts';
import { boardTotals, budgetBySource, byCompany, totalsAndCategories } from './kpi.queries.ts';

@Resolver(() => ProgramYear)
export class ProgramYearBoardResolver {
  @FieldResolver(() => [BoardRow], {
    description: "One row per participating company the viewer may see (staff: their own; anonymous: none). Bounded by the year's participants, so a plain list",
  })
  async board(
    @Root() year: ProgramYear,
    @Arg('filter', () => BoardFilter, { nullable: true }) filter: BoardFilter | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<BoardRow[]> {
    assertFilterIds(filter, ['teamId']);
    const selection = lookAhead(info);
    const relations = boardRelations(ctx.em, selection);
    const withCategories = selection.has('byCategory');
    if (relations) return boardRows(ctx.em, ctx.access, year.id, { filter, relations, withCategories });
    return withCompanies(ctx, await boardRows(ctx.em, ctx.access, year.id, { filter, withCategories }));
  }

  @FieldResolver(() => BoardKpis, {
    description: "Totals and categories of the rows `board(filter)` returns to this viewer (an expert: their team's companies); `kpis` stays program-wide",
  })
  boardKpis(
    @Root() year: ProgramYear,
    @Arg('filter', () => BoardFilter, { nullable: true }) filter: BoardFilter | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BoardKpis> {
    assertFilterIds(filter, ['teamId']);
    return boardTotals(ctx.em, ctx.access, year.id, filter);
  }

  @FieldResolver(() => [BoardTrendMonth], {
    description: 'The year month by month from the history (tasks done, measures implemented and what they bring), for what `board(filter)` shows this viewer',
  })
  boardTrend(
    @Root() year: ProgramYear,
    @Arg('filter', () => BoardFilter, { nullable: true }) filter: BoardFilter | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BoardTrendMonth[]> {
    assertFilterIds(filter, ['teamId']);
    return boardTrend(ctx.em, ctx.access, year.id, filter);
  }

  @FieldResolver(() => ProgramKpis)
  kpis(@Root() year: ProgramYear): ProgramKpis {
    return { programYearId: year.id };
  }
}

/**
 * Loads the companies of a list in one query up front. The board and the per-company KPIs both
 * show companies; left to the ORM's batching, whether their two lists share one batch would
 * depend on timing, and the statement count with it.
 */
async function withCompanies<T extends { companyId: string }>(ctx: GraphQLContext, rows: T[]): Promise<T[]> {
  if (rows.length > 0) await ctx.em.find(Company, { id: { $in: rows.map((row) => row.companyId) } });
  return rows;
}

/** Reads go through the ORM's batching (or find what withCompanies loaded): one query per kind, not per row. */
const byId = <T extends object>(ctx: GraphQLContext, entity: EntityClass<T>, id: string): Promise<T> =>
  (ctx.em.getReference(entity, id as never, { wrapped: true }) as Ref<T>).load({ dataloader: true }) as Promise<T>;

@Resolver(() => BoardRow)
export class BoardRowResolver {
  @FieldResolver(() => Company)
  company(@Root() row: BoardRow, @Ctx() ctx: GraphQLContext): Company | Promise<Company> {
    return preloaded<Company>(row, 'company') ?? byId(ctx, Company, row.companyId);
  }

  @FieldResolver(() => Participation)
  participation(@Root() row: BoardRow, @Ctx() ctx: GraphQLContext): Participation | Promise<Participation> {
    return preloaded<Participation>(row, 'participation') ?? byId(ctx, Participation, row.participationId);
  }

  @FieldResolver(() => TaskCounts, {
    nullable: true,
    description: "The company's open tasks by status; null for viewers who may not see tasks (observers: hidden, not zero)",
  })
  taskCounts(@Root() row: BoardRow, @Ctx() ctx: GraphQLContext): TaskCounts | null {
    return mayRead(ctx.viewer, 'work') ? row.taskCounts : null;
  }

  @FieldResolver(() => DateTime, {
    nullable: true,
    description: "The latest change to the company's records; null for viewers who may not see its history (observers: hidden, not idle)",
  })
  lastActivityAt(@Root() row: BoardRow, @Ctx() ctx: GraphQLContext): Date | null {
    // When the work last moved is part of the work: the same rule as the history itself.
    return mayRead(ctx.viewer, 'work') ? row.lastActivityAt : null;
  }

  @FieldResolver(() => ExpertTeam, { nullable: true })
  team(@Root() row: BoardRow, @Ctx() ctx: GraphQLContext): ExpertTeam | Promise<ExpertTeam> | null {
    return row.teamId ? (preloaded<ExpertTeam>(row, 'team') ?? byId(ctx, ExpertTeam, row.teamId)) : null;
  }
}

@Resolver(() => CompanyKpi)
export class CompanyKpiResolver {
  @FieldResolver(() => Company)
  company(@Root() row: CompanyKpi, @Ctx() ctx: GraphQLContext): Promise<Company> {
    return byId(ctx, Company, row.companyId);
  }
}

/**
 * Each part of the KPIs is its own query, run only when asked for. Totals and categories are
 * public aggregates; byCompany follows the viewer's scope.
 */
@Resolver(() => ProgramKpis)
export class ProgramKpisResolver {
  private totalsOf(kpis: ProgramKpis, ctx: GraphQLContext) {
    return loader(ctx.loaders, 'kpis.totals', (ids) => Promise.all(ids.map((id) => totalsAndCategories(ctx.em, id)))).load(kpis.programYearId);
  }

  @FieldResolver(() => KpiTotals)
  async totals(@Root() kpis: ProgramKpis, @Ctx() ctx: GraphQLContext): Promise<KpiTotals> {
    return (await this.totalsOf(kpis, ctx)).totals;
  }

  @FieldResolver(() => [CategoryKpi], { description: 'Categories with at least one measure' })
  async byCategory(@Root() kpis: ProgramKpis, @Ctx() ctx: GraphQLContext): Promise<CategoryKpi[]> {
    return (await this.totalsOf(kpis, ctx)).byCategory;
  }

  @FieldResolver(() => [CompanyKpi], { description: "Participants within the viewer's scope (staff: their own company; anonymous: none)" })
  async byCompany(@Root() kpis: ProgramKpis, @Ctx() ctx: GraphQLContext): Promise<CompanyKpi[]> {
    return withCompanies(ctx, await byCompany(ctx.em, ctx.access, kpis.programYearId));
  }

  @FieldResolver(() => [BudgetSourceKpi], { description: 'Planned vs spent per funding source' })
  budget(@Root() kpis: ProgramKpis, @Ctx() ctx: GraphQLContext): Promise<BudgetSourceKpi[]> {
    return budgetBySource(ctx.em, kpis.programYearId);
  }
}
