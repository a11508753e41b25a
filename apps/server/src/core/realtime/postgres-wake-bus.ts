import type { Logger } from '../logger.ts';
import { OUTBOX_CHANNEL, parseCommittedBatch } from './outbox.ts';
import { PostgresListener } from './postgres-listener.ts';
import type { WakeBus, WakeListener } from './wake-bus.ts';

/**
 * LISTEN on a dedicated connection. PostgreSQL itself sends the NOTIFY, with the batch, when an
 * outbox write commits (outbox.ts), on any instance, so `announce` has nothing to do. After the
 * connection comes back from a drop (database restart, network), the dispatcher reads on from its
 * last position: notifications missed in between cost nothing.
 */
export class PostgresWakeBus implements WakeBus {
  private listener: PostgresListener | null = null;

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {}

  get connected(): boolean {
    return this.listener?.connected ?? false;
  }

  async start(onWake: WakeListener): Promise<void> {
    this.listener = new PostgresListener({
      url: this.url,
      channel: OUTBOX_CHANNEL,
      applicationName: 'ecohub-outbox-listener',
      logger: this.logger,
      onNotification: (payload) => onWake(parseCommittedBatch(payload)),
      onListening: () => onWake(null),
    });
    await this.listener.start();
  }

  announce(): void {}

  async close(): Promise<void> {
    await this.listener?.close();
  }
}
