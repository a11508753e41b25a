import type { AppServices } from './core/app-services.ts';
import { startJobRunner, type JobRunner } from './core/jobs/job-runner.ts';
import { attachmentJobs } from './modules/attachment/index.ts';
import { followUpJobs } from './modules/follow-up/index.ts';
import { mailJobs } from './modules/mail/index.ts';

export interface JobOptions {
  /** How often idle workers look for jobs that became due (retries, batch windows); default 2 s. */
  pollIntervalMs?: number;
  concurrency?: number;
}

/**
 * Every module's jobs on one graphile-worker runner: inside the hub (default) or in
 * `npm run worker` (src/worker.ts). Both register the same tasks and schedule.
 */
export async function startJobs(services: AppServices, databaseUrl: string, options: JobOptions = {}): Promise<JobRunner> {
  const mail = mailJobs(services);
  const followUps = followUpJobs(services);
  const attachments = attachmentJobs(services);
  const runner = await startJobRunner({
    databaseUrl,
    logger: services.logger,
    tasks: { ...mail.tasks, ...followUps.tasks, ...attachments.tasks },
    crontab: [mail.crontab, followUps.crontab, attachments.crontab].join('\n'),
    pollIntervalMs: options.pollIntervalMs,
    concurrency: options.concurrency,
  });
  return {
    async stop() {
      await runner.stop();
      mail.close();
    },
  };
}
