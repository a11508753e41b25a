import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { InFlight } from './in-flight.ts';

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
}
