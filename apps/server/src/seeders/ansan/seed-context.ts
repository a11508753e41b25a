import type { EntityManager } from '@mikro-orm/postgresql';

/** What every seeding step shares: the transaction's entity manager and one notion of "now". */
export interface SeedContext {
  em: EntityManager;
  /**
   * The instant the seeded year is recorded as of (program.data.ts YEAR_ONE_AS_OF), not the real
   * clock: the demo tells one story on its own calendar whichever day it is seeded.
   */
  now: Date;
  /** `now` as a Seoul calendar date: the "today" of the seeded year. */
  today: string;
  /** The real instant of seeding (only the import's own history entry carries it). */
  importedAt: Date;
}
