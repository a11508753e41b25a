import { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';
import { backoffMs } from './backoff.ts';
import { PostgresListener } from './postgres-listener.ts';

/** Presence's own channels, beside the outbox wake-ups (which they never touch). */
export const PRESENCE_CHANNEL = 'ecohub_presence';
const REDIS_PRESENCE_CHANNEL = 'ecohub:presence';

/**
 * A small data channel between instances for ephemeral presence: each message is a JSON string
 * (well under PostgreSQL's 8,000-byte NOTIFY limit). Nothing is stored; a message lost while
 * disconnected is repaired by the next heartbeat.
 */
export interface PresenceBus {
  start(onMessage: (payload: string) => void): Promise<void>;
  publish(payload: string): void;
  close(): Promise<void>;
}

/** LISTEN and NOTIFY (with a payload) on one dedicated connection, reconnecting with backoff. */
export class PostgresPresenceBus implements PresenceBus {
  private listener: PostgresListener | null = null;

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {}

  async start(onMessage: (payload: string) => void): Promise<void> {
    this.listener = new PostgresListener({
      url: this.url,
      channel: PRESENCE_CHANNEL,
      applicationName: 'ecohub-presence',
      logger: this.logger,
      onNotification: (payload) => {
        if (payload) onMessage(payload);
      },
    });
    await this.listener.start();
  }

  publish(payload: string): void {
    this.listener?.notify(payload);
  }

  async close(): Promise<void> {
    await this.listener?.close();
  }
}

/** Redis pub/sub on its own channel, when REDIS_URL is set. */
export class RedisPresenceBus implements PresenceBus {
  private readonly subscriber: Redis;
  private readonly publisher: Redis;

  constructor(
    url: string,
    private readonly logger: Logger,
  ) {
    const options = { lazyConnect: true, retryStrategy: (times: number) => backoffMs(times), maxRetriesPerRequest: 1 };
    this.subscriber = new Redis(url, options);
    this.publisher = new Redis(url, { ...options, enableOfflineQueue: false });
    for (const connection of [this.subscriber, this.publisher]) {
      connection.on('error', (error: Error) => this.logger.warn({ err: error }, 'redis presence channel error'));
    }
  }

  async start(onMessage: (payload: string) => void): Promise<void> {
    this.subscriber.on('message', (channel: string, payload: string) => {
      if (channel === REDIS_PRESENCE_CHANNEL) onMessage(payload);
    });
    await Promise.all([this.subscriber.connect(), this.publisher.connect()]);
    await this.subscriber.subscribe(REDIS_PRESENCE_CHANNEL);
  }

  publish(payload: string): void {
    this.publisher.publish(REDIS_PRESENCE_CHANNEL, payload).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'could not publish presence on redis');
    });
  }

  async close(): Promise<void> {
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }
}
