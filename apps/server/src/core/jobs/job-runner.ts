import { Logger as WorkerLogger, run, runMigrations, type Runner, type TaskList } from 'graphile-worker';
import type { Logger } from '../logger.ts';

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

/** Creates or upgrades the queue's tables (graphile-worker's own migrations; safe to repeat). */
export async function migrateJobQueue(databaseUrl: string, logger: Logger): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, logger: workerLogger(logger) });
}

export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const runner: Runner = await run({
    connectionString: options.databaseUrl,
    maxPoolSize: (options.concurrency ?? 2) + 2,
    concurrency: options.concurrency ?? 2,
    pollInterval: options.pollIntervalMs ?? 2000,
    noHandleSignals: true,
    // A job cut off by shutdown fails and is retried (by this or another instance) with backoff.
    gracefulShutdownAbortTimeout: 3000,
    taskList: options.tasks,
    crontab: options.crontab,
    logger: workerLogger(options.logger),
  });
  let stopping: Promise<void> | null = null;
  return {
    stop() {
      stopping ??= runner.stop().catch((error: unknown) => options.logger.warn({ err: error }, 'job runner stop failed'));
      return stopping;
    },
  };
}
