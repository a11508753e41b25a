import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createTestDatabase } from '../../testing/index.ts';
import { createLogger } from '../logger.ts';
import { PostgresListener } from './postgres-listener.ts';

const CHANNEL = 'listener_test';
const APPLICATION = 'ecohub-listener-test';

describe('a LISTEN connection', () => {
  let database: { url: string; drop(): Promise<void> };
  let admin: pg.Client;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDatabaseAdminUrl'), false);
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await database.drop();
  });

  it('listens again after its connection is killed, tells its owner to catch up, and stops for good when closed', async () => {
    const received: string[] = [];
    let listening = 0;
    const listener = new PostgresListener({
      url: database.url,
      channel: CHANNEL,
      applicationName: APPLICATION,
      logger: createLogger({ logLevel: 'silent' }),
      onNotification: (payload) => received.push(payload),
      onListening: () => listening++,
    });
    const kill = () => admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [APPLICATION]);
    try {
      await listener.start();
      expect(listener.connected).toBe(true);
      expect(listening).toBe(1);
      await admin.query('select pg_notify($1, $2)', [CHANNEL, 'from another connection']);
      listener.notify('from its own connection');
      await vi.waitFor(() => expect(received).toEqual(['from another connection', 'from its own connection']));

      await kill();
      await vi.waitFor(() => expect(listening).toBe(2), { timeout: 5_000 });
      expect(listener.connected).toBe(true);
      await admin.query('select pg_notify($1, $2)', [CHANNEL, 'after the reconnect']);
      await vi.waitFor(() => expect(received.at(-1)).toBe('after the reconnect'));
    } finally {
      await listener.close();
    }
    expect(listener.connected).toBe(false);
    const { rows } = await admin.query('select count(*)::int as open from pg_stat_activity where application_name = $1', [APPLICATION]);
    expect(rows[0].open).toBe(0);
  });
});
