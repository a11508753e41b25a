import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Config } from '../../config/config.ts';
import { migrateJobQueue } from '../jobs/job-runner.ts';
import type { Logger } from '../logger.ts';
import type { StartupError } from '../startup-error.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.ts';
import { ormConfig } from './orm.config.ts';

export const EMBEDDED_DATABASE = 'ecohub';

export interface Database {
  url: string;
  embedded: EmbeddedPostgres | null;
  stop(): Promise<void>;
}

export async function ensureDatabaseExists(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * DATABASE_URL when given; otherwise the embedded cluster in DATA_DIR, started (and supervised)
 * here. `onFailure`: the embedded server died and could not be restarted.
 */
export async function openDatabase(config: Config, logger: Logger, onFailure?: (error: StartupError) => void): Promise<Database> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: null, stop: async () => {} };
  const embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPostgresPort ?? undefined,
    logger,
    onFailure,
  });
  try {
    await ensureDatabaseExists(embedded.url(), EMBEDDED_DATABASE);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url: embedded.url(EMBEDDED_DATABASE), embedded, stop: () => embedded.stop() };
}

export async function connectOrm(url: string, logger: Logger, extra: { poolMax?: number; onQuery?: (sql: string) => void } = {}): Promise<MikroORM> {
  return MikroORM.init(ormConfig({ clientUrl: url, logger, ...extra }));
}

/** Arbitrary but fixed key of the advisory lock that lets one hub at a time migrate a database. */
const MIGRATION_LOCK_KEY = 7_349_002;

/**
 * Replicas starting together would both create the schema and one would fail (duplicate key in
 * pg_type). Each waits for a session advisory lock, held on its own connection while the migrator
 * runs, and then finds nothing left to apply. Ending that session releases the lock.
 * `thenUnderLock` (the seed) runs under the same lock, so replicas do not seed twice either.
 * The job queue's tables (graphile-worker's own migrations) are created under it too.
 */
export async function migrate(orm: MikroORM, logger: Logger, thenUnderLock?: () => Promise<unknown>): Promise<void> {
  const lock = new pg.Client({ connectionString: orm.config.get('clientUrl') });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await orm.migrator.up();
    if (applied.length > 0) logger.info({ migrations: applied.map((m) => m.name) }, 'database migrated');
    await migrateJobQueue(orm.config.get('clientUrl')!, logger);
    await thenUnderLock?.();
  } finally {
    await lock.end();
  }
}
