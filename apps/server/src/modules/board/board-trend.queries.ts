import { MeasureStatus, PARTICIPATING_STATUSES, TaskStatus } from '@ecohub/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Access } from '../../core/auth/access.ts';
import { ghgFactorJoins, ghgTco2eSql } from '../measure/index.ts';
import { stagesLiteral } from './board.queries.ts';
import type { BoardFilter, BoardTrendMonth } from './board.types.ts';
import { boardParticipants } from './kpi.queries.ts';

/**
 * The year month by month, from the history: tasks moved to done, and measures moved to
 * implemented with the savings and tCO2e they bring (their current figures), for the companies a
 * board shows (the viewer's scope and the filter; a category filter counts only its measures).
 * Months follow the program's calendar (Korea time) from the year's first month to its last.
 * One statement; a move back and forth counts each time it reaches the state.
 */
export async function boardTrend(em: EntityManager, access: Access, programYearId: string, filter: BoardFilter | null): Promise<BoardTrendMonth[]> {
  const over = await boardParticipants(access, filter);
  const stages = stagesLiteral(over.stages ?? PARTICIPATING_STATUSES);
  const category = over.category ? ' and m.category = ?' : '';
  const rows = await em.execute<{ month: string; tasks_done: string; measures: string; savings: string; tco2e: string }[]>(
    `with year as (select starts_on, ends_on from program_year where id = ?),
     companies as (
       select p.company_id from participation p
        where p.program_year_id = ? and p.status = any(?::text[]) and ${over.sql}
     ),
     months as (
       select generate_series(date_trunc('month', starts_on), date_trunc('month', ends_on), interval '1 month')::date as month from year
     ),
     entries as (
       select a.action, a.entity_id, date_trunc('month', a.created_at at time zone 'Asia/Seoul')::date as month
         from activity_entry a, year
        where a.company_id in (select company_id from companies)
          and a.action in ('task.moved', 'measure.transitioned')
          and (a.created_at at time zone 'Asia/Seoul')::date between year.starts_on and year.ends_on
          and a.diff -> 'status' ->> 'to' = case a.action when 'task.moved' then '${TaskStatus.DONE}' else '${MeasureStatus.IMPLEMENTED}' end
     ),
     measures as (
       select e.month, count(*) as measures,
              coalesce(sum(m.expected_annual_savings_krw), 0) as savings,
              coalesce(sum(${ghgTco2eSql('m')}), 0) as tco2e
         from entries e join measure m on m.id = e.entity_id ${ghgFactorJoins('m')}
        where e.action = 'measure.transitioned'${category}
        group by e.month
     ),
     tasks as (
       select e.month, count(*) as tasks_done from entries e where e.action = 'task.moved' group by e.month
     )
     select to_char(months.month, 'YYYY-MM-DD') as month, coalesce(tasks.tasks_done, 0) as tasks_done,
            coalesce(measures.measures, 0) as measures, coalesce(measures.savings, 0) as savings, coalesce(measures.tco2e, 0) as tco2e
       from months
       left join tasks on tasks.month = months.month
       left join measures on measures.month = months.month
      order by months.month`,
    [programYearId, programYearId, stages, ...over.params, ...(over.category ? [over.category] : [])],
  );
  return rows.map((row) => ({
    month: row.month,
    tasksCompleted: Number(row.tasks_done),
    measuresImplemented: Number(row.measures),
    savingsImplementedKrw: Number(row.savings),
    ghgImplementedTco2e: Math.round(Number(row.tco2e) * 1000) / 1000,
  }));
}
