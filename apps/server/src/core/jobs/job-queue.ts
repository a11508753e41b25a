import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A job to run after the change that asked for it commits. Jobs are rows in graphile-worker's
 * queue, added with its `add_job` SQL function on the caller's connection: inside a
 * transaction they commit with the change or vanish with its rollback.
 */
export interface JobRequest {
  task: string;
  payload: Record<string, unknown>;
  /** Run no earlier than this many seconds after the commit. */
  delaySeconds?: number;
  /**
   * At most one pending job per key. `preserve_run_at` keeps the first job's time (a batch
   * window that does not move); `replace` moves it.
   */
  jobKey?: string;
  jobKeyMode?: 'replace' | 'preserve_run_at';
  maxAttempts?: number;
}

export async function enqueueJobs(em: EntityManager, jobs: readonly JobRequest[]): Promise<void> {
  for (const job of jobs) {
    await em.execute(
      `select graphile_worker.add_job(?::text, ?::json,
         run_at => now() + make_interval(secs => ?::double precision),
         max_attempts => coalesce(?::int, 25),
         job_key => ?::text,
         job_key_mode => coalesce(?::text, 'replace'))`,
      [job.task, JSON.stringify(job.payload), job.delaySeconds ?? 0, job.maxAttempts ?? null, job.jobKey ?? null, job.jobKeyMode ?? null],
    );
  }
}
