import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connectOrm, ensureDatabaseExists, migrate } from '../core/database/database.ts';
import { startEmbeddedPostgres } from '../core/database/embedded-postgres.ts';
import { createLogger } from '../core/logger.ts';
import { seedAnsanProgram } from '../seeders/ansan.seeder.ts';

/**
 * The PostgreSQL every test run uses: TEST_DATABASE_URL when set (CI also runs the suite against
 * the machine's PostgreSQL 15 this way), otherwise a throwaway embedded cluster. Two template
 * databases are prepared once: migrated, and migrated + seeded. Each test file then copies one
 * (CREATE DATABASE … TEMPLATE), so files are isolated and run in parallel.
 */
export interface TestDatabaseCluster {
  adminUrl: string;
  stop(): Promise<void>;
}

export const TEMPLATE_EMPTY = 'ecohub_test_template_empty';
export const TEMPLATE_SEEDED = 'ecohub_test_template_seeded';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function startTestCluster(): Promise<TestDatabaseCluster> {
  const given = process.env.TEST_DATABASE_URL;
  const logger = createLogger({ logLevel: 'warn' });
  let cluster: TestDatabaseCluster;
  if (given) {
    cluster = { adminUrl: given, stop: async () => {} };
  } else {
    // On its Unix socket only: no port to find, none to collide with a hub or another run.
    // Enterable (0755) so that, as root, the cluster stays inside it rather than being relocated.
    const dataDir = mkdtempSync(join(tmpdir(), 'ecohub-test-'));
    chmodSync(dataDir, 0o755);
    const embedded = await startEmbeddedPostgres({ dataDir, logger, ephemeral: true });
    cluster = {
      adminUrl: embedded.url('postgres'),
      stop: async () => {
        await embedded.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  await prepareTemplates(cluster.adminUrl, logger);
  return cluster;
}

async function prepareTemplates(adminUrl: string, logger: ReturnType<typeof createLogger>): Promise<void> {
  await dropDatabase(adminUrl, TEMPLATE_EMPTY);
  await dropDatabase(adminUrl, TEMPLATE_SEEDED);
  await ensureDatabaseExists(adminUrl, TEMPLATE_EMPTY);
  const orm = await connectOrm(databaseUrl(adminUrl, TEMPLATE_EMPTY), logger);
  await migrate(orm, logger);
  await orm.close();
  await admin(adminUrl, `create database "${TEMPLATE_SEEDED}" template "${TEMPLATE_EMPTY}"`);
  const seededOrm = await connectOrm(databaseUrl(adminUrl, TEMPLATE_SEEDED), logger);
  await seedAnsanProgram(seededOrm.em.fork(), logger);
  await seededOrm.close();
}

export async function admin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await admin(adminUrl, `drop database if exists "${name}" with (force)`);
}

/** A fresh database for one test file, copied from a template. */
export async function createTestDatabase(adminUrl: string, seeded: boolean): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `ecohub_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await admin(adminUrl, `create database "${name}" template "${seeded ? TEMPLATE_SEEDED : TEMPLATE_EMPTY}"`);
  return { url: databaseUrl(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}
