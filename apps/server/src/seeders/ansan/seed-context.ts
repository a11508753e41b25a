import type { EntityManager } from '@mikro-orm/postgresql';

/** What every seeding step shares: the transaction's entity manager and one notion of "now". */
export interface SeedContext {
  em: EntityManager;
  /** The seeding instant; open work is dated relative to it so live boards show due marks. */
  now: Date;
  /** `now` as a Seoul calendar date. */
  today: string;
}
