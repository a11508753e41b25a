import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';
import { backoffMs } from './backoff.ts';
import type { WakeBus } from './wake-bus.ts';

const CHANNEL = 'ecohub:outbox';

/**
 * Redis pub/sub for deployments with many instances, where every instance holding a LISTEN
 * connection to PostgreSQL would not scale. After a local commit the instance publishes its id;
 * every other instance wakes its dispatcher. ioredis reconnects by itself; each (re)subscription
 * wakes the dispatcher so it catches up on whatever was announced while disconnected.
 */
export class RedisWakeBus implements WakeBus {
  private readonly instanceId = randomUUID();
  private readonly subscriber: Redis;
  private readonly publisher: Redis;
  private onWake: () => void = () => {};
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

  async start(onWake: () => void): Promise<void> {
    this.onWake = onWake;
    this.subscriber.on('message', (_channel: string, sender: string) => {
      if (sender !== this.instanceId) this.onWake();
    });
    this.subscriber.on('ready', () => {
      this.connected = true;
      this.onWake();
    });
    this.subscriber.on('close', () => {
      this.connected = false;
    });
    await Promise.all([this.subscriber.connect(), this.publisher.connect()]);
    await this.subscriber.subscribe(CHANNEL);
    this.connected = true;
    this.onWake();
  }

  announce(): void {
    this.publisher.publish(CHANNEL, this.instanceId).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'could not announce outbox events on redis');
    });
  }

  async close(): Promise<void> {
    this.connected = false;
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }
}
