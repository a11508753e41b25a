import type { MikroORM } from '@mikro-orm/postgresql';
import type { EventPayload, EventType } from './event-types.ts';
import { InFlight } from './in-flight.ts';
import { scopeSql, type Condition } from './outbox-scope.ts';

/** One committed outbox event as readers see it (of some event types: all, by default). */
export interface OutboxRecord<K extends EventType = EventType> {
  seq: number;
  type: K;
  entityId: string;
  companyId: string | null;
  programYearId: string | null;
  taskId: string | null;
  recipientId: string | null;
  payload: EventPayload<K>;
  createdAt: Date;
  /**
   * Records its committing transaction read for rendering, by name (carried-record.ts): only on
   * events delivered from their batch, never on events read from the outbox.
   */
  carried?: Readonly<Record<string, unknown>>;
}

/** The record, typed by its event type when it is one of `types` (its payload then too), else null. */
export function eventOf<K extends EventType>(record: OutboxRecord, types: readonly K[]): OutboxRecord<K> | null {
  return (types as readonly EventType[]).includes(record.type) ? (record as unknown as OutboxRecord<K>) : null;
}


/** An outbox row as PostgreSQL returns it: from a read, or as JSON in a committed batch (outbox.ts). */
export interface OutboxRow {
  seq: string | number;
  type: EventType;
  entity_id: string;
  company_id: string | null;
  program_year_id: string | null;
  task_id: string | null;
  recipient_id: string | null;
  payload: EventPayload;
  /** A string when the row travelled as JSON. */
  created_at: Date | string;
  /** In a committed batch: the records it carries (absent from reads). */
  carried?: Record<string, unknown> | null;
}

export const OUTBOX_COLUMNS = 'seq, type, entity_id, company_id, program_year_id, task_id, recipient_id, payload, created_at';

/**
 * The last committed position: the highest seq, or how far retention pruned when it removed every
 * row. Only exact inside the advisory lock's order (outbox.ts) or read after a commit.
 */
export const LAST_POSITION_SQL = `greatest(coalesce((select max(seq) from outbox_event), 0),
                coalesce((select pruned_through from outbox_retention where id = 1), 0))`;

/**
 * Reads of the outbox. Positions are final in commit order (see outbox.ts), so "everything after
 * N" read now never gains an earlier row later: a reader only has to remember its last seq.
 */
export class OutboxStore {
  constructor(
    private readonly orm: MikroORM,
    private readonly inFlight = new InFlight(),
  ) {}

  private execute<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.inFlight.track(this.orm.em.getConnection().execute<T[]>(sql, params));
  }

  /** The last committed position (0 for an empty outbox that was never pruned). */
  async position(): Promise<number> {
    const rows = await this.execute<{ position: string }>(`select ${LAST_POSITION_SQL} as position`);
    return Number(rows[0]?.position ?? 0);
  }

  /** Events after `after` up to `upTo` (inclusive, when given), oldest first. */
  async readAfter(after: number, limit: number, options: { upTo?: number; filter?: Condition } = {}): Promise<OutboxRecord[]> {
    const { sql, params } = this.selectAfter(after, limit, options);
    return (await this.execute<OutboxRow>(sql, params)).map(recordFromRow);
  }

  /**
   * `readAfter`, and in the same statement (one snapshot) how far the outbox had been pruned:
   * `prunedThrough > after` means rows after `after` may be gone.
   */
  async readPage(after: number, limit: number, options: { upTo?: number; filter?: Condition } = {}): Promise<{ records: OutboxRecord[]; prunedThrough: number }> {
    const { sql, params } = this.selectAfter(after, limit, options);
    const rows = await this.execute<OutboxRow & { pruned_through: string }>(
      `select r.pruned_through, e.*
         from (select coalesce((select pruned_through from outbox_retention where id = 1), 0) as pruned_through) r
         left join lateral (${sql}) e on true`,
      params,
    );
    const prunedThrough = Number(rows[0]?.pruned_through ?? 0);
    return { records: rows.filter((row) => row.seq !== null).map(recordFromRow), prunedThrough };
  }

  /** Whether the database answers at all (a failed read while it does is the reader's own). */
  async answers(): Promise<boolean> {
    try {
      await this.execute('select 1');
      return true;
    } catch {
      return false;
    }
  }

  private selectAfter(after: number, limit: number, options: { upTo?: number; filter?: Condition }): { sql: string; params: unknown[] } {
    const conditions = ['seq > ?'];
    const params: unknown[] = [after];
    if (options.upTo !== undefined) {
      conditions.push('seq <= ?');
      params.push(options.upTo);
    }
    if (options.filter) {
      // Rendered at each read: a scope's set of values may have grown since the last page.
      const filter = scopeSql(options.filter);
      conditions.push(filter.sql);
      params.push(...filter.params);
    }
    params.push(limit);
    return { sql: `select ${OUTBOX_COLUMNS} from outbox_event where ${conditions.join(' and ')} order by seq limit ?`, params };
  }

  /** Positions below this mark were pruned: a reader resuming below it may have missed events. */
  async prunedThrough(): Promise<number> {
    const rows = await this.execute<{ pruned_through: string }>('select pruned_through from outbox_retention where id = 1');
    return Number(rows[0]?.pruned_through ?? 0);
  }

  /**
   * Deletes events older than the retention window. Deletes a prefix by position (not by
   * timestamp: a long transaction can commit a later position with an earlier `created_at`), so
   * "pruned through N" stays exact. Returns how many rows were deleted.
   */
  async prune(retentionHours: number): Promise<number> {
    const rows = await this.execute<{ deleted: string }>(
      `with cutoff as (
         select max(seq) as seq from outbox_event where created_at < now() - make_interval(hours => ?::int)
       ), deleted as (
         delete from outbox_event where seq <= (select seq from cutoff) returning seq
       ), marked as (
         update outbox_retention set pruned_through = greatest(pruned_through, (select max(seq) from deleted))
          where id = 1 and exists (select 1 from deleted)
       )
       select count(*) as deleted from deleted`,
      [retentionHours],
    );
    return Number(rows[0]?.deleted ?? 0);
  }
}

export function recordFromRow(row: OutboxRow): OutboxRecord {
  const record: OutboxRecord = {
    seq: Number(row.seq),
    type: row.type,
    entityId: row.entity_id,
    companyId: row.company_id,
    programYearId: row.program_year_id,
    taskId: row.task_id,
    recipientId: row.recipient_id,
    payload: row.payload,
    createdAt: new Date(row.created_at),
  };
  if (row.carried) record.carried = row.carried;
  return record;
}
