import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';
import { backoffMs } from './backoff.ts';
import { parseCommittedBatch, type CommittedBatch } from './outbox.ts';
import type { WakeBus, WakeListener } from './wake-bus.ts';

const CHANNEL = 'ecohub:outbox';

/**
 * Redis pub/sub for deployments with many instances, where every instance holding a LISTEN
 * connection to PostgreSQL would not scale. After a local commit the instance publishes its id
 * and the batch; every other instance offers the batch to its dispatcher. ioredis reconnects by
 * itself; each (re)subscription wakes the dispatcher so it catches up on whatever was announced
 * while disconnected.
 */
export class RedisWakeBus implements WakeBus {
  private readonly instanceId = randomUUID();
  private readonly subscriber: Redis;
  private readonly publisher: Redis;
  private onWake: WakeListener = () => {};
  connected = false;

  constructor(
    url: string,
    private readonly logger: Logger,
  ) {
    const options = {
      lazyConnect: true,
      retryStrategy: (times: number) => backoffMs(times),
      // A publish while Redis is down fails at once instead of queueing: the poll covers it.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    };
    this.subscriber = new Redis(url, { ...options, enableOfflineQueue: true });
    this.publisher = new Redis(url, options);
    for (const connection of [this.subscriber, this.publisher]) {
      connection.on('error', (error: Error) => this.logger.warn({ err: error }, 'redis wake bus error'));
    }
  }

  async start(onWake: WakeListener): Promise<void> {
    this.onWake = onWake;
    // `<sender id> <batch>`: an instance's own announcements are skipped.
    this.subscriber.on('message', (_channel: string, message: string) => {
      const space = message.indexOf(' ');
      if (message.slice(0, space) !== this.instanceId) this.onWake(parseCommittedBatch(message.slice(space + 1)));
    });
    this.subscriber.on('ready', () => {
      this.connected = true;
      this.onWake(null);
    });
    this.subscriber.on('close', () => {
      this.connected = false;
    });
    await Promise.all([this.subscriber.connect(), this.publisher.connect()]);
    await this.subscriber.subscribe(CHANNEL);
    this.connected = true;
    this.onWake(null);
  }

  announce(batch: CommittedBatch): void {
    this.publisher.publish(CHANNEL, `${this.instanceId} ${batch.message}`).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'could not announce outbox events on redis');
    });
  }

  async close(): Promise<void> {
    this.connected = false;
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }
}
