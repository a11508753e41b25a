import pg from 'pg';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';
import { backoffMs } from './backoff.ts';

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
  private client: pg.Client | null = null;
  private closed = false;
  private attempt = 0;
  private retry: NodeJS.Timeout | null = null;
  private onMessage: (payload: string) => void = () => {};
  private sending: Promise<void> = Promise.resolve();

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {}

  async start(onMessage: (payload: string) => void): Promise<void> {
    this.onMessage = onMessage;
    await this.connect();
  }

  publish(payload: string): void {
    const client = this.client;
    if (!client) return;
    // One query at a time on the listening connection (pg deprecates overlapping queries).
    this.sending = this.sending
      .then(() => client.query('select pg_notify($1, $2)', [PRESENCE_CHANNEL, payload]))
      .then(
        () => {},
        (error: unknown) => this.logger.warn({ err: error }, 'could not publish presence on postgres'),
      );
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.url, keepAlive: true, application_name: 'ecohub-presence' });
    this.client = client;
    client.on('notification', (message) => {
      if (message.channel === PRESENCE_CHANNEL && message.payload) this.onMessage(message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    try {
      await client.connect();
      await client.query(`listen ${PRESENCE_CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    this.attempt = 0;
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client || this.closed) return;
    this.client = null;
    client.removeAllListeners('notification');
    client.end().catch(() => {});
    const delay = backoffMs(this.attempt++);
    this.logger.warn({ err: error, retryInMs: delay }, 'presence channel lost its database connection');
    this.retry = setTimeout(() => void this.connect(), delay);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
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
