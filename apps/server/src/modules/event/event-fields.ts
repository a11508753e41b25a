import { sqlUuidArray } from '../../core/auth/access.ts';
import { can } from '../../core/auth/policy.ts';
import { sqlAttendanceCondition } from '../../core/auth/visibility.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { loader } from '../../core/graphql/loaders.ts';
import { Company } from '../company/index.ts';
import { Attendance } from './attendance.entity.ts';

/** Batched reads behind the event's list fields: one query per field for a whole page of events. */

export async function invitedCompanies(ctx: UnitOfWork, eventId: string): Promise<Company[]> {
  const scope = await ctx.access.scope('program-results');
  return loader(ctx.loaders, 'invitedCompaniesByEvent', async (eventIds: readonly string[]) => {
    const rows: { program_event_id: string; company_id: string }[] = await ctx.em.execute(
      'select program_event_id, company_id from program_event_invitee where program_event_id = any(?::uuid[])',
      [sqlUuidArray(eventIds)],
    );
    const visible = rows.filter((row) => scope === 'all' || scope.includes(row.company_id));
    const companies = await ctx.em.find(Company, { id: { $in: visible.map((row) => row.company_id) } }, { orderBy: { nameKo: 'asc', id: 'asc' } });
    return eventIds.map((eventId) => {
      const ids = new Set(visible.filter((row) => row.program_event_id === eventId).map((row) => row.company_id));
      return companies.filter((company) => ids.has(company.id));
    });
  }).load(eventId);
}

/**
 * Attendance names people: only for viewers who may read personal data, and among company
 * staff only those of companies whose people the viewer may see (visibility.ts).
 */
export async function eventAttendances(ctx: UnitOfWork, eventId: string): Promise<Attendance[] | null> {
  if (!can(ctx.viewer, 'personalData.read')) return null;
  return loader(ctx.loaders, 'attendancesByEvent', async (eventIds: readonly string[]) => {
    const visible = await ctx.access.visibilityFilter(sqlAttendanceCondition);
    const rows = await ctx.em.find(Attendance, { $and: [{ event: { $in: [...eventIds] } }, visible] }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return eventIds.map((eventId) => rows.filter((row) => row.event.id === eventId));
  }).load(eventId);
}

export interface EventCounts {
  /** Invited companies the viewer may see. */
  invited: number;
  /** Attendees the viewer may list; null for viewers who may not see attendance at all. */
  attended: number | null;
}

/**
 * Counts never reveal what the lists hide: they count the rows `invitedCompanies` and
 * `attendances` show this viewer, with the same scopes, in one query for a page of events.
 */
export async function eventCounts(ctx: UnitOfWork, eventId: string): Promise<EventCounts> {
  const results = await ctx.access.sqlCompanyCondition('program-results', 'i.company_id');
  const people = sqlAttendanceCondition(ctx.viewer, await ctx.access.scope('work'), 'a');
  const seesAttendance = can(ctx.viewer, 'personalData.read');
  return loader(ctx.loaders, 'eventCounts', async (eventIds: readonly string[]) => {
    const rows: { id: string; invited: string; attended: string }[] = await ctx.em.execute(
      `select e.id,
              (select count(*) from program_event_invitee i where i.program_event_id = e.id and ${results.sql}) as invited,
              (select count(*) from attendance a where a.event_id = e.id and a.attended and ${people.sql}) as attended
         from program_event e where e.id = any(?::uuid[])`,
      [...results.params, ...people.params, sqlUuidArray(eventIds)],
    );
    const byId = new Map(rows.map((row) => [row.id, { invited: Number(row.invited), attended: seesAttendance ? Number(row.attended) : null }]));
    return eventIds.map((id) => byId.get(id) ?? { invited: 0, attended: seesAttendance ? 0 : null });
  }).load(eventId);
}
