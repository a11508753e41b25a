import type { EntityManager } from '@mikro-orm/postgresql';
import { EventType } from '../../core/realtime/event-types.ts';
import type { OutboxRecord } from '../../core/realtime/outbox-store.ts';

/**
 * Which outbox events a subscription's arguments select, as SQL for the replay and as a
 * predicate for live events: the two must always agree.
 */
export interface Scope {
  sql: string;
  params: unknown[];
  matches(record: OutboxRecord): boolean;
}

export const TASK_EVENTS = [EventType.TASK_CREATED, EventType.TASK_UPDATED, EventType.TASK_MOVED, EventType.TASK_DELETED] as const;
export const COMMENT_EVENTS = [EventType.COMMENT_ADDED, EventType.COMMENT_EDITED, EventType.COMMENT_DELETED] as const;
export const MEASURE_EVENTS = [EventType.MEASURE_CREATED, EventType.MEASURE_UPDATED, EventType.MEASURE_DELETED] as const;
export const PARTICIPATION_EVENTS = [EventType.PARTICIPATION_CREATED, EventType.PARTICIPATION_UPDATED] as const;
/** Everything that writes a history entry; notifications and access changes do not. */
export const ACTIVITY_EVENTS = Object.values(EventType).filter(
  (type) => type !== EventType.NOTIFICATION_ADDED && type !== EventType.ACCESS_CHANGED,
);

export function companyScope(companyId: string): Scope {
  return { sql: 'company_id = ?', params: [companyId], matches: (record) => record.companyId === companyId };
}

export function taskScope(taskId: string): Scope {
  return { sql: 'task_id = ?', params: [taskId], matches: (record) => record.taskId === taskId };
}

export function recipientScope(personId: string): Scope {
  return { sql: 'recipient_id = ?', params: [personId], matches: (record) => record.recipientId === personId };
}

export const everywhere: Scope = { sql: 'true', params: [], matches: () => true };

/**
 * Events of one program year: those that name it, and company events that do not name a year
 * (a task knows its company, not always the year) of the companies taking part in it. The set
 * of companies follows `participation.created` events as they pass, so a company joining the
 * year is included from that event on.
 */
export async function programYearScope(em: EntityManager, programYearId: string): Promise<Scope> {
  const rows: { company_id: string }[] = await em.execute('select company_id from participation where program_year_id = ?', [programYearId]);
  const companies = new Set(rows.map((row) => row.company_id));
  return {
    sql: `(program_year_id = ? or (program_year_id is null
            and company_id in (select company_id from participation where program_year_id = ?)))`,
    params: [programYearId, programYearId],
    matches(record) {
      if (record.type === EventType.PARTICIPATION_CREATED && record.programYearId === programYearId && record.companyId) {
        companies.add(record.companyId);
      }
      if (record.programYearId !== null) return record.programYearId === programYearId;
      return record.companyId !== null && companies.has(record.companyId);
    },
  };
}
