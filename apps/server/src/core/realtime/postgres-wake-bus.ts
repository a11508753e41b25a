import pg from 'pg';
import type { Logger } from '../logger.ts';
import { OUTBOX_CHANNEL } from './outbox.ts';
import { backoffMs } from './backoff.ts';
import type { WakeBus } from './wake-bus.ts';

/**
 * LISTEN on a dedicated connection. PostgreSQL itself sends the NOTIFY when an outbox write
 * commits (outbox.ts), on any instance, so `announce` has nothing to do. When the connection
 * drops (database restart, network), it reconnects with backoff and wakes the dispatcher, which
 * reads on from its last position: notifications missed in between cost nothing.
 */
export class PostgresWakeBus implements WakeBus {
  private client: pg.Client | null = null;
  private closed = false;
  private attempt = 0;
  private retry: NodeJS.Timeout | null = null;
  private onWake: () => void = () => {};
  connected = false;

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {}

  async start(onWake: () => void): Promise<void> {
    this.onWake = onWake;
    await this.connect();
  }

  announce(): void {}

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.url, keepAlive: true, application_name: 'ecohub-outbox-listener' });
    this.client = client;
    client.on('notification', () => this.onWake());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    try {
      await client.connect();
      await client.query(`listen ${OUTBOX_CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.client !== client) return;
    this.connected = true;
    if (this.attempt > 0) this.logger.info('outbox listener reconnected');
    this.attempt = 0;
    this.onWake();
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client || this.closed) return;
    this.client = null;
    this.connected = false;
    client.removeAllListeners('notification');
    client.end().catch(() => {});
    const delay = backoffMs(this.attempt++);
    this.logger.warn({ err: error, retryInMs: delay }, 'outbox listener lost its database connection');
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
