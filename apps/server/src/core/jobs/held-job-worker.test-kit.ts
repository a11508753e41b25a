import { createLogger } from '../logger.ts';
import { startJobRunner } from './job-runner.ts';

/**
 * A job worker in a process of its own, for job-runner.test.ts to kill with -9 mid-job: it takes
 * `test:hold` jobs, prints `running <job id> <locked_by>` and never finishes them.
 * Usage: node --import tsx held-job-worker.test-kit.ts <database url>
 */
const databaseUrl = process.argv[2];
if (!databaseUrl) throw new Error('usage: held-job-worker.test-kit.ts <database url>');
await startJobRunner({
  databaseUrl,
  logger: createLogger({ logLevel: 'warn' }),
  concurrency: 1,
  pollIntervalMs: 200,
  crontab: '',
  tasks: {
    'test:hold': (_payload, helpers) => {
      process.stdout.write(`running ${helpers.job.id} ${helpers.job.locked_by}\n`);
      return new Promise<never>(() => {});
    },
  },
});
