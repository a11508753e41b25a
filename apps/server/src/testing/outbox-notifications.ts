import { OUTBOX_CHANNEL } from '../core/realtime/outbox.ts';
import { PostgresListener } from '../core/realtime/postgres-listener.ts';
import type { TestServer } from './test-server.ts';

/** The payloads of the outbox's NOTIFYs, as another instance receives them, on a LISTEN connection of its own. */
export async function outboxNotifications(hub: TestServer): Promise<{ payloads: string[]; close(): Promise<void> }> {
  const payloads: string[] = [];
  const listener = new PostgresListener({
    url: hub.databaseUrl,
    channel: OUTBOX_CHANNEL,
    applicationName: 'outbox-notifications-test',
    logger: hub.server.logger,
    onNotification: (payload) => payloads.push(payload),
  });
  await listener.start();
  return { payloads, close: () => listener.close() };
}
