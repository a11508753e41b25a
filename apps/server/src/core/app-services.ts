import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config/config.ts';
import type { Clock } from './jobs/clock.ts';
import type { Logger } from './logger.ts';
import type { CommittedBatch } from './realtime/outbox.ts';
import type { Realtime } from './realtime/realtime.ts';

/** Long-lived services shared by every request of one server instance. */
export interface AppServices {
  config: Config;
  logger: Logger;
  orm: MikroORM;
  /** Live subscriptions: outbox dispatcher, wake bus, live rights (core/realtime). */
  realtime: Realtime;
  /**
   * Called after a transaction that wrote outbox events commits, with its batch: delivers it here
   * and announces it; its access changes apply on this instance before the mutation answers.
   */
  outboxCommitted(batch: CommittedBatch): void;
  /** The time scheduled work sees (reminders, digests); tests move it. */
  clock: Clock;
}
