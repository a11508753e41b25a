import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventPayload, EventType } from './event-types.ts';

/** What a mutation says happened; turned into an outbox row when its transaction commits. */
export interface ChangeEvent {
  type: EventType;
  entityId: string;
  companyId?: string | null;
  programYearId?: string | null;
  taskId?: string | null;
  recipientId?: string | null;
  /** Typed per event type by the module that owns it (`EventPayloads`). */
  payload?: EventPayload;
}

export const OUTBOX_CHANNEL = 'ecohub_outbox';
/** Arbitrary but fixed key of the advisory lock that orders outbox positions by commit. */
const OUTBOX_LOCK_KEY = 7_349_001;

/**
 * Appends events as the last statements of the caller's transaction.
 *
 * Sequence numbers taken early by concurrent transactions would become visible out of order
 * (11 commits before 10) and a reader resuming after 11 would skip 10 forever. Taking a
 * transaction-scoped advisory lock first means no other writer can take a number until this
 * transaction has committed or rolled back, so positions are final in commit order. The lock
 * is held only for the insert and the commit itself. The NOTIFY is sent by PostgreSQL at
 * commit and dropped on rollback, and carries no payload, so the 8 kB limit never applies.
 */
export async function appendToOutbox(em: EntityManager, events: ChangeEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((event) => ({
    type: event.type,
    entity_id: event.entityId,
    company_id: event.companyId ?? null,
    program_year_id: event.programYearId ?? null,
    task_id: event.taskId ?? null,
    recipient_id: event.recipientId ?? null,
    payload: event.payload ?? {},
  }));
  await em.execute('select pg_advisory_xact_lock(?)', [OUTBOX_LOCK_KEY]);
  await em.execute(
    `insert into outbox_event (seq, type, entity_id, company_id, program_year_id, task_id, recipient_id, payload)
     select nextval('outbox_event_seq'), e.value->>'type', (e.value->>'entity_id')::uuid, (e.value->>'company_id')::uuid,
            (e.value->>'program_year_id')::uuid, (e.value->>'task_id')::uuid, (e.value->>'recipient_id')::uuid, e.value->'payload'
       from jsonb_array_elements(?::jsonb) with ordinality as e(value, ord)
      order by e.ord`,
    [JSON.stringify(rows)],
  );
  await em.execute(`select pg_notify('${OUTBOX_CHANNEL}', '')`);
}
