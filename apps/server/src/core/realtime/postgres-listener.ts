import pg from 'pg';
import type { Logger } from '../logger.ts';
import { backoffMs } from './backoff.ts';

export interface PostgresListenerOptions {
  url: string;
  channel: string;
  /** The connection's `application_name` (what pg_stat_activity shows). */
  applicationName: string;
  logger: Logger;
  /** Each notification's payload ('' when it was sent without one). */
  onNotification(payload: string): void;
  /** After every (re)connect, once listening: notifications sent while disconnected were missed. */
  onListening?(): void;
}

/**
 * A dedicated connection that LISTENs on one channel. When it drops (database restart, network)
 * it reconnects with backoff and listens again; `onListening` lets its owner catch up on what it
 * missed in between. `start` never fails for a database that does not answer yet: it keeps trying.
 */
export class PostgresListener {
  private client: pg.Client | null = null;
  private closed = false;
  private attempt = 0;
  private retry: NodeJS.Timeout | null = null;
  private sending: Promise<void> = Promise.resolve();
  /** True while the connection is up and listening. */
  connected = false;

  constructor(private readonly options: PostgresListenerOptions) {}

  start(): Promise<void> {
    return this.connect();
  }

  /** Sends a NOTIFY on this channel from this connection; dropped while it is down. */
  notify(payload: string): void {
    const client = this.client;
    if (!client) return;
    // One query at a time on the listening connection (pg deprecates overlapping queries).
    this.sending = this.sending
      .then(() => client.query('select pg_notify($1, $2)', [this.options.channel, payload]))
      .then(
        () => {},
        (error: unknown) => this.options.logger.warn({ err: error, channel: this.options.channel }, 'could not send a notification'),
      );
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const { channel, logger } = this.options;
    const client = new pg.Client({ connectionString: this.options.url, keepAlive: true, application_name: this.options.applicationName });
    this.client = client;
    client.on('notification', (message) => {
      if (message.channel === channel) this.options.onNotification(message.payload ?? '');
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    try {
      await client.connect();
      await client.query(`listen ${channel}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.client !== client) return;
    this.connected = true;
    if (this.attempt > 0) logger.info({ channel }, 'listening again after reconnecting');
    this.attempt = 0;
    this.options.onListening?.();
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client || this.closed) return;
    this.client = null;
    this.connected = false;
    client.removeAllListeners('notification');
    client.end().catch(() => {});
    const delay = backoffMs(this.attempt++);
    this.options.logger.warn({ err: error, channel: this.options.channel, retryInMs: delay }, 'LISTEN connection lost its database; reconnecting');
    this.retry = setTimeout(() => void this.connect(), delay);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.connected = false;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }
}
