import { EventEmitter } from 'node:events';
import { Logger as WorkerLogger, run, runMigrations, type Runner, type TaskList, type WorkerEvents } from 'graphile-worker';
import pg from 'pg';
import type { Logger } from '../logger.ts';
import { releaseGoneWorkers, WorkerOwnership } from './worker-owners.ts';

/**
 * The job queue is graphile-worker on the hub's own PostgreSQL: jobs are rows added by SQL in
 * the transaction of the change that causes them, workers on any number of instances take them
 * with `SKIP LOCKED` (each job runs once), failures retry with exponential backoff, and its cron
 * schedules each crontab line once across instances (it records the last run per line).
 */
export interface JobRunnerOptions {
  databaseUrl: string;
  logger: Logger;
  tasks: TaskList;
  /** graphile-worker crontab lines; times are UTC. */
  crontab: string;
  concurrency?: number;
  pollIntervalMs?: number;
}

export interface JobRunner {
  stop(): Promise<void>;
}

function workerLogger(logger: Logger): WorkerLogger {
  const log = logger.child({ component: 'jobs' });
  return new WorkerLogger((scope) => (level, message, meta) => {
    const fields = { ...scope, ...meta };
    if (level === 'error') log.error(fields, message);
    else if (level === 'warning') log.warn(fields, message);
    else if (level === 'info') log.info(fields, message);
    else log.debug(fields, message);
  });
}

/**
 * The queue's own connection pool. graphile-worker, given only a connection string, removes its
 * pool's error handlers and then ends the pool without waiting: a connection the database closes
 * in that moment (a stopping cluster, a dropped test database) becomes an uncaught exception.
 * Owning the pool keeps a handler on it until it has really ended.
 */
function queuePool(databaseUrl: string, max: number, logger: Logger): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max });
  const log = logger.child({ component: 'jobs' });
  pool.on('error', (error) => log.warn({ err: error }, 'job queue connection lost'));
  // A checked-out connection's error is raised again by its next query; the listener keeps it from being uncaught.
  pool.on('connect', (client) => client.on('error', (error) => log.debug({ err: error }, 'job queue connection error')));
  return pool;
}

/** Creates or upgrades the queue's tables (graphile-worker's own migrations; safe to repeat). */
export async function migrateJobQueue(databaseUrl: string, logger: Logger): Promise<void> {
  const pool = queuePool(databaseUrl, 1, logger);
  try {
    await runMigrations({ pgPool: pool, logger: workerLogger(logger) });
  } finally {
    await pool.end();
  }
}

/** How often a running hub releases the jobs of workers whose process died elsewhere. */
const GONE_WORKER_SWEEP_MS = 30_000;

/**
 * Once this instance's workers have stopped, no job they hold a lock on can still be running:
 * releasing those locks lets another instance (or this one after a restart) take the job now,
 * instead of after graphile-worker's 4-hour stale-lock timeout. (A job interrupted by shutdown
 * can be left locked when the worker's own failure write races the pool closing.)
 */
async function releaseLocks(pool: pg.Pool, lockIds: string[]): Promise<number> {
  if (lockIds.length === 0) return 0;
  const { rows } = await pool.query<{ n: number }>('select count(*)::int as n from graphile_worker._private_jobs where locked_by = any($1::text[])', [lockIds]);
  await pool.query('select graphile_worker.force_unlock_workers($1::text[])', [lockIds]);
  return rows[0]?.n ?? 0;
}

export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const events: WorkerEvents = new EventEmitter();
  const pool = queuePool(options.databaseUrl, (options.concurrency ?? 2) + 2, options.logger);
  const owners = new WorkerOwnership(options.databaseUrl, options.logger.child({ component: 'jobs' }));
  events.on('pool:create', ({ workerPool }) => owners.add(workerPool.id));
  events.on('worker:create', ({ worker }) => owners.add(worker.workerId));
  const sweep = async () => {
    const released = await releaseGoneWorkers(pool);
    if (released.length > 0) options.logger.warn({ workers: released }, 'released the jobs of job workers whose process is gone');
  };
  try {
    await owners.start();
    // Before this runner takes jobs: what a killed process (this hub's last run, say) left locked runs now.
    await sweep();
  } catch (error) {
    await owners.close().catch(() => {});
    await pool.end();
    throw error;
  }
  const runner: Runner = await run({
    events,
    pgPool: pool,
    concurrency: options.concurrency ?? 2,
    pollInterval: options.pollIntervalMs ?? 2000,
    noHandleSignals: true,
    // A job cut off by shutdown fails and is retried (by this or another instance) with backoff.
    gracefulShutdownAbortTimeout: 3000,
    taskList: options.tasks,
    crontab: options.crontab,
    logger: workerLogger(options.logger),
  }).catch(async (error: unknown) => {
    await owners.close().catch(() => {});
    await pool.end();
    throw error;
  });
  const sweeping = setInterval(() => sweep().catch((error: unknown) => options.logger.warn({ err: error }, 'could not release the jobs of gone workers')), GONE_WORKER_SWEEP_MS);
  sweeping.unref();
  let stopping: Promise<void> | null = null;
  return {
    stop() {
      stopping ??= (async () => {
        clearInterval(sweeping);
        await runner.stop().catch((error: unknown) => options.logger.warn({ err: error }, 'job runner stop failed'));
        try {
          const released = await releaseLocks(pool, owners.ids());
          if (released > 0) options.logger.info({ released }, 'released the jobs interrupted by shutdown');
          await owners.close();
        } finally {
          await pool.end();
        }
      })();
      return stopping;
    },
  };
}
