import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config/config.ts';
import type { Clock } from './jobs/clock.ts';
import type { Logger } from './logger.ts';
import type { ChangeEvent } from './realtime/outbox.ts';
import type { Realtime } from './realtime/realtime.ts';

/** Long-lived services shared by every request of one server instance. */
export interface AppServices {
  config: Config;
  logger: Logger;
  orm: MikroORM;
  /** Live subscriptions: outbox dispatcher, wake bus, live rights (core/realtime). */
  realtime: Realtime;
  /**
   * Called after a transaction that wrote outbox events commits, with those events (when known):
   * wakes the local dispatcher, and applies access changes on this instance at once.
   */
  outboxCommitted(events?: readonly ChangeEvent[]): void;
  /** The time scheduled work sees (reminders, digests); tests move it. */
  clock: Clock;
}
