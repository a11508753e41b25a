import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { CarriedRecord } from './carried-record.ts';
import { InFlight } from './in-flight.ts';
import type { OutboxRecord } from './outbox-store.ts';

const DEFAULT_CAPACITY = 2_000;

/**
 * What subscribers receive with an event (the moved task, the new comment, the board row) is
 * loaded once per event and instance, however many subscribers receive it: 5,000 people watching
 * one board cost one query per change, not 5,000. Keyed by position, so replays share it too.
 * Each event's records load in their own EntityManager fork, dropped with the cache entry.
 */
export class EventRecords {
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(
    private readonly orm: MikroORM,
    private readonly inFlight = new InFlight(),
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  load<T>(seq: number, what: string, load: (em: EntityManager) => Promise<T>): Promise<T> {
    const key = `${seq}:${what}`;
    const cached = this.cache.get(key);
    if (cached) return cached as Promise<T>;
    const loading = this.inFlight.track(load(this.orm.em.fork({ useContext: false })));
    // A failed load (database restarting) is retried by the next subscriber, not remembered.
    loading.catch(() => this.cache.get(key) === loading && this.cache.delete(key));
    this.cache.set(key, loading);
    if (this.cache.size > this.capacity) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return loading;
  }

  /**
   * A record the event's batch may have carried: built from it without a statement (the usual
   * case for live events, on every instance), else loaded. Cached like `load`, under its name.
   */
  carried<T>(record: OutboxRecord, carried: CarriedRecord<T>): Promise<T> {
    const data = record.carried?.[carried.what];
    return this.load(record.seq, carried.what, data === undefined ? (em) => carried.load(em, record) : async (em) => carried.hydrate(em, data));
  }
}
