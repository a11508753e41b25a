import type { EntityManager } from '@mikro-orm/postgresql';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { sqlUuidArray } from '../../core/auth/access.ts';
import { findRecord } from '../../core/database/records.ts';
import { assertFilterIds } from '../../core/graphql/id-filter.ts';
import { Measure } from '../measure/index.ts';
import { FollowUpAnswer, FollowUpRequest } from './follow-up.entity.ts';

export interface FollowUpFilterShape {
  programYearId?: string | null;
  companyId?: string | null;
  /** true: not yet answered; false: answered. */
  open?: boolean | null;
}

/**
 * Follow-up requests the viewer may see: like the consulting work itself ('work' scope), a
 * company's own staff, its team's experts, managers and admins. Newest due date first.
 */
export async function listFollowUpRequests(uow: UnitOfWork, filter: FollowUpFilterShape | null | undefined): Promise<FollowUpRequest[]> {
  assertFilterIds(filter, ['programYearId', 'companyId']);
  const f = filter ?? {};
  return uow.em.find(
    FollowUpRequest,
    {
      $and: [await uow.access.companyFilter('work')],
      ...(f.programYearId ? { programYear: f.programYearId } : {}),
      ...(f.companyId ? { company: f.companyId } : {}),
      ...(f.open === true ? { submittedAt: null } : f.open === false ? { submittedAt: { $ne: null } } : {}),
    },
    { orderBy: { dueOn: 'desc', createdAt: 'asc', id: 'asc' }, limit: 1000 },
  );
}

export async function getFollowUpRequest(uow: UnitOfWork, id: string): Promise<FollowUpRequest> {
  const request = await findRecord(uow.em, FollowUpRequest, id, 'FollowUpRequest');
  await uow.access.assertCanSeeCompany('work', request.company.id, 'FollowUpRequest', id);
  return request;
}

/** The measures a request asks about (not archived, not dropped), in the order they were proposed. */
export function requestMeasures(uow: UnitOfWork, request: FollowUpRequest): Promise<Measure[]> {
  return uow.em.find(Measure, { participation: request.participation.id, archivedAt: null, status: { $ne: 'DROPPED' } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
}

export function requestAnswers(uow: UnitOfWork, request: FollowUpRequest): Promise<FollowUpAnswer[]> {
  return uow.em.find(FollowUpAnswer, { request: request.id });
}

/** Which round of follow-up a notification is about: the company, the program year and the months after its end. */
export interface FollowUpRound {
  companyKo: string;
  companyEn: string | null;
  /** The calendar year the program year starts in and its number ("2012 1차년도"). */
  startYear: number;
  yearNumber: number;
  monthsAfter: number;
}

/**
 * The round of each follow-up notification that names no measure (FOLLOW_UP_DUE / _REMINDER
 * written by openDueFollowUps / remindFollowUps). The request is opened (or reminded) in the
 * transaction that writes the notification, so it is the company's latest one at or before it.
 */
export async function followUpRoundsOf(em: EntityManager, notificationIds: readonly string[]): Promise<Map<string, FollowUpRound>> {
  const rounds = new Map<string, FollowUpRound>();
  if (notificationIds.length === 0) return rounds;
  const rows = await em.execute<{ id: string; name_ko: string; name_en: string | null; start_year: number; number: number; months_after: number }[]>(
    `select n.id, c.name_ko, c.name_en, extract(year from y.starts_on)::int as start_year, y.number, r.months_after
       from notification n
       join company c on c.id = n.company_id
       join lateral (
         select r.program_year_id, r.months_after
           from follow_up_request r
          where r.company_id = n.company_id
            and (case when n.kind = 'FOLLOW_UP_REMINDER' then r.reminded_at else r.created_at end) <= n.created_at
          order by (case when n.kind = 'FOLLOW_UP_REMINDER' then r.reminded_at else r.created_at end) desc, r.months_after desc
          limit 1
       ) r on true
       join program_year y on y.id = r.program_year_id
      where n.id = any(?::uuid[]) and n.measure_id is null and n.kind in ('FOLLOW_UP_DUE', 'FOLLOW_UP_REMINDER')`,
    [sqlUuidArray([...notificationIds])],
  );
  for (const row of rows) {
    rounds.set(row.id, { companyKo: row.name_ko, companyEn: row.name_en, startYear: row.start_year, yearNumber: row.number, monthsAfter: row.months_after });
  }
  return rounds;
}
