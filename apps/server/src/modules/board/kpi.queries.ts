import { PARTICIPATING_STATUSES, type FundingSource, type MeasureCategory, type ParticipationStatus } from '@ecohub/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Access } from '../../core/auth/access.ts';
import { preparedRead } from '../../core/database/prepared-read.ts';
import { ghgFactorJoins } from '../measure/index.ts';
import { stagesLiteral } from './board.queries.ts';
import type { BoardFilter, BudgetSourceKpi, CategoryKpi, CompanyKpi, KpiTotals } from './board.types.ts';
import { figuresOf, measureAggregatesSql, type MeasureAggregateRow } from './measure-aggregates.sql.ts';

const PARTICIPANTS = stagesLiteral(PARTICIPATING_STATUSES);

/** Participations a KPI covers, as SQL over the alias `p` (participation). */
export interface Participants {
  sql: string;
  params: unknown[];
  /** Default: every participating stage (selected to completed). */
  stages?: readonly ParticipationStatus[];
  category?: MeasureCategory | null;
}

const EVERY_PARTICIPANT: Participants = { sql: 'true', params: [] };

/**
 * Totals and the breakdown by category in one statement (GROUPING SETS), over the year's
 * participants that `over` selects — every one for the program-wide figures, or the board's
 * filter within the viewer's scope. One definition for the board, its live events and the report.
 */
async function kpisOver(em: EntityManager, programYearId: string, over: Participants): Promise<{ totals: KpiTotals; byCategory: CategoryKpi[] }> {
  const stages = over.stages ? stagesLiteral(over.stages) : PARTICIPANTS;
  const category = over.category ? ' and m.category = ?' : '';
  const categoryParams = over.category ? [over.category] : [];
  // With a category, a participant counts when it has a measure of that category (as on the board).
  const companiesSql = `select count(*) from participation p
     where p.program_year_id = ? and p.status = any(?::text[]) and ${over.sql}
     ${over.category ? 'and exists (select 1 from measure m where m.participation_id = p.id and m.archived_at is null and m.category = ?)' : ''}`;
  const companiesParams = [programYearId, stages, ...over.params, ...categoryParams];
  // Prepared: asked by every board page and, once per event, by the board's live rows.
  const rows = await preparedRead<MeasureAggregateRow & { category: MeasureCategory | null; is_total: number; companies: string }>(
    em,
    `select m.category, grouping(m.category) as is_total,
            (${companiesSql}) as companies,
            ${measureAggregatesSql('m')}
       from measure m
       join participation p on p.id = m.participation_id
       ${ghgFactorJoins('m')}
      where p.program_year_id = ? and p.status = any(?::text[]) and ${over.sql} and m.archived_at is null${category}
      group by grouping sets ((), (m.category))
      order by m.category nulls first`,
    [...companiesParams, programYearId, stages, ...over.params, ...categoryParams],
  );
  const total = rows.find((row) => Number(row.is_total) === 1);
  const [{ count }] = total ? [{ count: total.companies }] : ((await em.execute<{ count: string }[]>(companiesSql, companiesParams)) as [{ count: string }]);
  return {
    totals: { ...figuresOf(total), companies: Number(count) },
    byCategory: rows.filter((row) => Number(row.is_total) === 0).map((row) => ({ ...figuresOf(row), category: row.category as MeasureCategory })),
  };
}

/** Program-wide totals and categories: aggregates over every participant and public, like the budget. */
export function totalsAndCategories(em: EntityManager, programYearId: string): Promise<{ totals: KpiTotals; byCategory: CategoryKpi[] }> {
  return kpisOver(em, programYearId, EVERY_PARTICIPANT);
}

/**
 * The totals of what a board shows: the participants the viewer may see ('program-results')
 * under the board's filter (team, stage, category), so the cards above a filtered or scoped board
 * add up its rows.
 */
export async function boardTotals(
  em: EntityManager,
  access: Access,
  programYearId: string,
  filter: BoardFilter | null,
): Promise<{ totals: KpiTotals; byCategory: CategoryKpi[] }> {
  return kpisOver(em, programYearId, await boardParticipants(access, filter));
}

/** The participations a board shows (over alias `p`): the viewer's scope ('program-results') and the filter. */
export async function boardParticipants(access: Access, filter: BoardFilter | null): Promise<Participants> {
  const scope = await access.sqlCompanyCondition('program-results', 'p.company_id');
  let sql = scope.sql;
  const params = [...scope.params];
  if (filter?.teamId) {
    sql += ' and p.team_id = ?';
    params.push(filter.teamId);
  }
  return { sql, params, stages: filter?.status ? [filter.status] : undefined, category: filter?.category ?? null };
}

/** Per participant, within the viewer's scope ('program-results'): staff see their own company, anonymous none. */
export async function byCompany(em: EntityManager, access: Access, programYearId: string): Promise<CompanyKpi[]> {
  const scope = await access.sqlCompanyCondition('program-results', 'p.company_id');
  const rows = await em.execute<(MeasureAggregateRow & { company_id: string })[]>(
    `select p.company_id, ${measureAggregatesSql('m')}
       from participation p
       join company c on c.id = p.company_id
       left join measure m on m.participation_id = p.id and m.archived_at is null
       ${ghgFactorJoins('m')}
      where p.program_year_id = ? and p.status = any(?::text[]) and ${scope.sql}
      group by p.company_id, c.name_ko
      order by c.name_ko, p.company_id`,
    [programYearId, PARTICIPANTS, ...scope.params],
  );
  return rows.map((row) => ({ ...figuresOf(row), companyId: row.company_id }));
}

/** Planned and spent per funding source (public, like the budget lines themselves). */
export async function budgetBySource(em: EntityManager, programYearId: string): Promise<BudgetSourceKpi[]> {
  const rows = await em.execute<{ source: FundingSource; planned: string; spent: string }[]>(
    `select source, sum(planned_krw) as planned, sum(spent_krw) as spent
       from budget_line where program_year_id = ? group by source order by source`,
    [programYearId],
  );
  return rows.map((row) => {
    const plannedKrw = Number(row.planned);
    const spentKrw = Number(row.spent);
    return { source: row.source, plannedKrw, spentKrw, spentRate: plannedKrw === 0 ? 0 : Math.round((spentKrw / plannedKrw) * 10_000) / 10_000 };
  });
}
