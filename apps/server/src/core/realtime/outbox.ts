import type { EntityManager } from '@mikro-orm/postgresql';
import type { CarriedRecord } from './carried-record.ts';
import type { EventPayload, EventType } from './event-types.ts';
import { LAST_POSITION_SQL, OUTBOX_COLUMNS, recordFromRow, type OutboxRecord, type OutboxRow } from './outbox-store.ts';

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
/** PostgreSQL refuses NOTIFY payloads of 8,000 bytes or more (default build). */
const NOTIFY_PAYLOAD_LIMIT = 8_000;

/**
 * The events one transaction committed, with the position committed just before them. A
 * dispatcher that has delivered up to `after` (or further) can deliver these without reading the
 * outbox: nothing else was committed in between (positions are final in commit order).
 */
export interface CommittedBatch {
  /**
   * Null when the writing transaction could not see it: above READ COMMITTED, its snapshot is
   * older than the lock, and readers must read the outbox instead.
   */
  after: number | null;
  records: OutboxRecord[];
  /** The batch as instances send it to each other (JSON of the rows as the outbox stores them). */
  message: string;
}

/** A batch from its message; null for a bare wake-up (empty: too large for a NOTIFY) or a foreign text. */
export function parseCommittedBatch(message: string): CommittedBatch | null {
  if (message === '') return null;
  try {
    const parsed = JSON.parse(message) as { after?: unknown; events?: unknown };
    if ((typeof parsed.after !== 'number' && parsed.after !== null) || !Array.isArray(parsed.events)) return null;
    return { after: parsed.after, records: (parsed.events as OutboxRow[]).map(recordFromRow), message };
  } catch {
    return null;
  }
}

/**
 * Appends events as the last statements of the caller's transaction.
 *
 * Sequence numbers taken early by concurrent transactions would become visible out of order
 * (11 commits before 10) and a reader resuming after 11 would skip 10 forever. Taking a
 * transaction-scoped advisory lock first means no other writer can take a number until this
 * transaction has committed or rolled back, so positions are final in commit order. The lock
 * is held only for the insert and the commit itself.
 *
 * The same statement sends the NOTIFY (PostgreSQL delivers it at commit and drops it on
 * rollback) with the batch as its payload, so other instances deliver the events without
 * reading them back; a batch of 8,000 bytes or more is announced empty and read instead. The
 * batch is also returned, for this instance to deliver once the transaction has committed.
 *
 * `carried`: records the subscribers render from, read in the same statement into each event of
 * the batch (carried-record.ts), so no instance loads them on the delivery path. When they make
 * the NOTIFY too large it goes without them (its readers load them), and only a batch too large
 * even so is announced empty. The returned batch (this instance, Redis) always carries them.
 */
export async function appendToOutbox(em: EntityManager, events: ChangeEvent[], carried: readonly CarriedRecord<unknown>[] = []): Promise<CommittedBatch | null> {
  if (events.length === 0) return null;
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
  // Under the lock, every earlier writer has committed: at READ COMMITTED the statement's
  // snapshot, taken now, sees the last position before this batch (not the rows it inserts).
  const [batch] = await em.execute<{ message: string }[]>(
    `with previous as (
       select case when current_setting('transaction_isolation') = 'read committed' then ${LAST_POSITION_SQL} end as seq
     ), inserted as (
       insert into outbox_event (seq, type, entity_id, company_id, program_year_id, task_id, recipient_id, payload)
       select nextval('outbox_event_seq'), e.value->>'type', (e.value->>'entity_id')::uuid, (e.value->>'company_id')::uuid,
              (e.value->>'program_year_id')::uuid, (e.value->>'task_id')::uuid, (e.value->>'recipient_id')::uuid, e.value->'payload'
         from jsonb_array_elements(?::jsonb) with ordinality as e(value, ord)
        order by e.ord
       returning ${OUTBOX_COLUMNS}
     ), ${renderedCte(em, carried)}, batch as (
       select json_build_object('after', (select seq from previous), 'events', (select json_agg(r order by r.seq) from rendered r))::text as message
     )
     select message, pg_notify('${OUTBOX_CHANNEL}', case
              when octet_length(message) < ${NOTIFY_PAYLOAD_LIMIT} then message
              else (select case when octet_length(bare) < ${NOTIFY_PAYLOAD_LIMIT} then bare else '' end
                      from (select json_build_object('after', (select seq from previous), 'events', (select json_agg(i order by i.seq) from inserted i))::text as bare) b)
            end)
       from batch`,
    [JSON.stringify(rows)],
  );
  const committed = batch ? parseCommittedBatch(batch.message) : null;
  if (!committed) throw new Error('the outbox insert returned no batch');
  return committed;
}

/**
 * `rendered`: the inserted rows, each with `carried`, the records read for it by name (null when
 * none was). Each record is read once per row: in a materialized CTE, as PostgreSQL would
 * otherwise copy the subquery into every place that uses its value (planned and run 3 times).
 */
function renderedCte(em: EntityManager, carried: readonly CarriedRecord<unknown>[]): string {
  if (carried.length === 0) return 'rendered as (select * from inserted)';
  const values = carried.map((record) => `('${record.what}', (${record.sql(em)})::json)`).join(', ');
  return `read_for_rendering as materialized (
       select i.seq, v.what, v.value from inserted i cross join lateral (values ${values}) v(what, value)
     ), carried as (
       select seq, json_object_agg(what, value) as carried from read_for_rendering where value is not null group by seq
     ), rendered as (
       select i.*, c.carried from inserted i left join carried c on c.seq = i.seq
     )`;
}
