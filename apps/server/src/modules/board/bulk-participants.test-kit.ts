import type { Fixtures } from '../../testing/index.ts';

/**
 * Adds participants numbered `from`..`to` to a program year in one SQL statement (the statement
 * -count test needs 200 companies fast): each with a staff member, an ACTIVE participation in
 * `teamId`, three measures (proposed, implemented, dropped), five tasks across the columns (one
 * overdue, two under measures) assigned to the staff member and the expert, two comments per
 * task (one shared, one internal) and a history entry.
 */
export async function addBulkParticipants(
  fx: Fixtures,
  input: { programYearId: string; teamId: string; expertId: string; factorId: string; from: number; to: number },
): Promise<void> {
  await fx.rows(
    `with n as (select g from generate_series(?::int, ?::int) g),
     companies as (
       insert into company (id, name_ko, business_number, industry_code, industry_label)
       select gen_random_uuid(), '대량기업 ' || lpad(g::text, 4, '0'), 'BULK' || lpad(g::text, 8, '0'), '25921', '도금업' from n
       returning id, business_number
     ),
     numbered as (select id as company_id, substr(business_number, 5)::int as g from companies),
     staff as (
       insert into person (id, email, name, role, company_id)
       select gen_random_uuid(), 'bulk-staff-' || g || '@bulk.test', '담당자 ' || g, 'COMPANY_STAFF', company_id from numbered
       returning id, company_id
     ),
     participations as (
       insert into participation (id, program_year_id, company_id, status, team_id, applied_on)
       select gen_random_uuid(), ?, company_id, 'ACTIVE', ?, '2012-09-03' from numbered
       returning id, company_id
     ),
     measures as (
       insert into measure (id, participation_id, company_id, category, title, status, investment_krw, expected_annual_savings_krw,
                            electricity_kwh_per_year, electricity_factor_id)
       select gen_random_uuid(), p.id, p.company_id, (array['OPERATING_CONDITIONS', 'ON_SITE_REUSE', 'PROCESS_CHANGE'])[k],
              '조치 ' || k, (array['PROPOSED', 'IMPLEMENTED', 'DROPPED'])[k], 1000000 * k, 500000 * k, 10000 * k, ?
         from participations p cross join generate_series(1, 3) k
       returning id, company_id, status
     ),
     tasks as (
       insert into task (id, company_id, measure_id, title, status, due_on, rank)
       select gen_random_uuid(), p.company_id,
              case when k <= 2 then (select m.id from measures m where m.company_id = p.company_id and m.status = 'PROPOSED') end,
              '일 ' || k, (array['TODO', 'IN_PROGRESS', 'IN_REVIEW', 'DONE', 'BLOCKED'])[k],
              case when k = 1 then date '2000-01-01' end, 'i' || k
         from participations p cross join generate_series(1, 5) k
       returning id, company_id
     ),
     assignees as (
       insert into task_assignee (task_id, person_id)
       select t.id, s.id from tasks t join staff s on s.company_id = t.company_id
       union all select t.id, ?::uuid from tasks t
       returning task_id
     ),
     comments as (
       insert into comment (id, task_id, company_id, author_id, body, visibility)
       select gen_random_uuid(), t.id, t.company_id, ?, '의견 ' || v, v
         from tasks t cross join unnest(array['SHARED', 'INTERNAL']) v
       returning id
     )
     insert into activity_entry (id, action, entity_type, entity_id, company_id, program_year_id, diff)
     select gen_random_uuid(), 'company.created', 'Company', company_id, company_id, ?, '{}'::jsonb from numbered`,
    [input.from, input.to, input.programYearId, input.teamId, input.factorId, input.expertId, input.expertId, input.programYearId],
  );
}
