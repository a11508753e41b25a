import type { EntityManager } from '@mikro-orm/postgresql';
import type { OutboxRecord } from './outbox-store.ts';

/**
 * A record subscribers render an event from (its history entry with the actor and company, say),
 * read by the committing transaction into its batch (outbox.ts), so that no instance loads it
 * again between the wake-up and the frames. Where the batch did not carry it (an event replayed
 * from the outbox, a batch too large for a NOTIFY) it is loaded as before: the same entities
 * either way.
 */
export interface CarriedRecord<T> {
  /** Its name in the batch and in the per-event cache (`EventRecords`). */
  readonly what: string;
  /** A SQL expression over the inserted outbox row `i`: the record's rows as JSON, or null. */
  sql(em: EntityManager): string;
  /** The record from what the batch carried, merged into `em` as `load` would leave it. */
  hydrate(em: EntityManager, carried: unknown): T;
  /** The record read from the database. */
  load(em: EntityManager, record: OutboxRecord): Promise<T>;
}
