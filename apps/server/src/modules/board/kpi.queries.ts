import { PARTICIPATING_STATUSES, type FundingSource, type MeasureCategory } from '@ecohub/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Access } from '../../core/auth/access.ts';
import { ghgFactorJoins } from '../measure/index.ts';
import { stagesLiteral } from './board.queries.ts';
import type { BudgetSourceKpi, CategoryKpi, CompanyKpi, KpiTotals } from './board.types.ts';
import { figuresOf, measureAggregatesSql, type MeasureAggregateRow } from './measure-aggregates.sql.ts';

const PARTICIPANTS = stagesLiteral(PARTICIPATING_STATUSES);

/**
 * Program-wide totals and the breakdown by category in one statement (GROUPING SETS). These are
 * aggregates over every participant and public, like the budget: no per-company figure leaks.
 */
export async function totalsAndCategories(em: EntityManager, programYearId: string): Promise<{ totals: KpiTotals; byCategory: CategoryKpi[] }> {
  const rows = await em.execute<(MeasureAggregateRow & { category: MeasureCategory | null; is_total: number; companies: string })[]>(
    `select m.category, grouping(m.category) as is_total,
            (select count(*) from participation where program_year_id = ? and status = any(?::text[])) as companies,
            ${measureAggregatesSql('m')}
       from measure m
       join participation p on p.id = m.participation_id
       ${ghgFactorJoins('m')}
      where p.program_year_id = ? and p.status = any(?::text[]) and m.archived_at is null
      group by grouping sets ((), (m.category))
      order by m.category nulls first`,
    [programYearId, PARTICIPANTS, programYearId, PARTICIPANTS],
  );
  const total = rows.find((row) => Number(row.is_total) === 1);
  const [{ count }] = total ? [{ count: total.companies }] : await em.execute<{ count: string }[]>(
    `select count(*) as count from participation where program_year_id = ? and status = any(?::text[])`,
    [programYearId, PARTICIPANTS],
  ) as [{ count: string }];
  return {
    totals: { ...figuresOf(total), companies: Number(count) },
    byCategory: rows.filter((row) => Number(row.is_total) === 0).map((row) => ({ ...figuresOf(row), category: row.category as MeasureCategory })),
  };
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
