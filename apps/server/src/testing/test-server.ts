import { inject } from 'vitest';
import { loadConfig, type ConfigInput } from '../config/config.ts';
import { createLogger } from '../core/logger.ts';
import type { Clock } from '../core/jobs/clock.ts';
import type { RealtimeOptions } from '../core/realtime/realtime.ts';
import type { JobOptions } from '../jobs.ts';
import { createServer, type EcoHubServer } from '../server.ts';
import { createTestDatabase } from './test-database.ts';

export interface TestServer {
  server: EcoHubServer;
  url: string;
  databaseUrl: string;
  close(): Promise<void>;
}

/**
 * A real hub on a free port over its own copy of the test database: seeded with the Ansan
 * program by default. Close it in afterAll.
 */
export async function startTestServer(
  options: {
    seeded?: boolean;
    env?: ConfigInput;
    onQuery?: (sql: string) => void;
    databaseUrl?: string;
    realtime?: RealtimeOptions;
    clock?: Clock;
    jobs?: JobOptions;
  } = {},
): Promise<TestServer> {
  const database = options.databaseUrl
    ? { url: options.databaseUrl, drop: async () => {} }
    : await createTestDatabase(inject('testDatabaseAdminUrl'), options.seeded ?? true);
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: database.url,
    SEED_ON_START: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...options.env,
  });
  const server = await createServer(config, {
    logger: createLogger(config),
    onQuery: options.onQuery,
    realtime: options.realtime,
    clock: options.clock,
    jobs: options.jobs,
  });
  return {
    server,
    url: server.url,
    databaseUrl: database.url,
    async close() {
      await server.close();
      await database.drop();
    },
  };
}
