import { sqlUuidArray } from '../../core/auth/access.ts';
import { can } from '../../core/auth/policy.ts';
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
 * staff only those of companies whose people the viewer may see.
 */
export async function eventAttendances(ctx: UnitOfWork, eventId: string): Promise<Attendance[]> {
  if (!can(ctx.viewer, 'personalData.read')) return [];
  const scope = await ctx.access.scope('people');
  return loader(ctx.loaders, 'attendancesByEvent', async (eventIds: readonly string[]) => {
    const companyScope = scope === 'all' ? {} : { $or: [{ company: null }, { company: { $in: [...scope] } }] };
    const rows = await ctx.em.find(Attendance, { event: { $in: [...eventIds] }, ...companyScope }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return eventIds.map((eventId) => rows.filter((row) => row.event.id === eventId));
  }).load(eventId);
}

export interface EventCounts {
  invited: number;
  attended: number;
}

export function eventCounts(ctx: UnitOfWork, eventId: string): Promise<EventCounts> {
  return loader(ctx.loaders, 'eventCounts', async (eventIds: readonly string[]) => {
    const rows: { id: string; invited: string; attended: string }[] = await ctx.em.execute(
      `select e.id,
              (select count(*) from program_event_invitee i where i.program_event_id = e.id) as invited,
              (select count(*) from attendance a where a.event_id = e.id and a.attended) as attended
         from program_event e where e.id = any(?::uuid[])`,
      [sqlUuidArray(eventIds)],
    );
    const byId = new Map(rows.map((row) => [row.id, { invited: Number(row.invited), attended: Number(row.attended) }]));
    return eventIds.map((id) => byId.get(id) ?? { invited: 0, attended: 0 });
  }).load(eventId);
}
