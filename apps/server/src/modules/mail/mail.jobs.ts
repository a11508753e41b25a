import type { JobHelpers, TaskList } from 'graphile-worker';
import type { AppServices } from '../../core/app-services.ts';
import { NOTIFICATION_MAIL_JOB } from '../notification/index.ts';
import { digestJob } from './digest.job.ts';
import { MAIL_SEND_JOB } from './mail.service.ts';
import { sendMailJob } from './mail-send.job.ts';
import { smtpTransport, type MailTransport } from './mail-transport.ts';
import { notificationMailJob } from './notification-mail.job.ts';
import { dailyRemindersJob } from './reminders.job.ts';

export const REMINDERS_JOB = 'reminders:daily';
export const DAILY_DIGEST_JOB = 'digest:daily';
export const WEEKLY_DIGEST_JOB = 'digest:weekly';

/**
 * The schedule, in UTC as graphile-worker reads it: 23:00 UTC is 08:00 in Seoul (KST has no
 * daylight saving), Sunday 23:00 UTC is Monday 08:00. `fill=1d` runs a slot missed while no
 * instance was up, once, when one starts within the day.
 */
export const MAIL_CRONTAB = [
  `0 23 * * * ${REMINDERS_JOB} ?fill=1d`,
  `0 23 * * * ${DAILY_DIGEST_JOB} ?fill=1d`,
  `0 23 * * 0 ${WEEKLY_DIGEST_JOB} ?fill=1d`,
].join('\n');

function payloadId(payload: unknown, key: string): string {
  const value = (payload as Record<string, unknown> | null)?.[key];
  if (typeof value !== 'string') throw new Error(`job payload lacks ${key}`);
  return value;
}

/** The mail module's jobs, bound to one hub's (or worker's) services. */
export function mailJobs(services: AppServices): { tasks: TaskList; crontab: string; close(): void } {
  const transport: MailTransport | null = services.config.smtpUrl ? smtpTransport(services.config.smtpUrl) : null;
  return {
    tasks: {
      [MAIL_SEND_JOB]: (payload: unknown, helpers: JobHelpers) => sendMailJob(services, transport, payloadId(payload, 'messageId'), helpers.job.attempts, helpers.abortSignal),
      [NOTIFICATION_MAIL_JOB]: (payload: unknown) => notificationMailJob(services, payloadId(payload, 'personId')),
      [REMINDERS_JOB]: async () => {
        await dailyRemindersJob(services);
      },
      [DAILY_DIGEST_JOB]: async () => {
        await digestJob(services, 'daily');
      },
      [WEEKLY_DIGEST_JOB]: async () => {
        await digestJob(services, 'weekly');
      },
    },
    crontab: MAIL_CRONTAB,
    close: () => transport?.close(),
  };
}
