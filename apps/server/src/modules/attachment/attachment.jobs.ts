import type { TaskList } from 'graphile-worker';
import type { AppServices } from '../../core/app-services.ts';
import { discardStaleDrafts } from './attachment.service.ts';

export const ATTACHMENT_DRAFTS_JOB = 'attachment:drafts';

/** Hourly: a draft outlives its day by at most an hour. */
export const ATTACHMENT_CRONTAB = `17 * * * * ${ATTACHMENT_DRAFTS_JOB}`;

/** The attachment module's jobs, bound to one hub's (or worker's) services. */
export function attachmentJobs(services: AppServices): { tasks: TaskList; crontab: string } {
  return {
    tasks: {
      [ATTACHMENT_DRAFTS_JOB]: async () => {
        const discarded = await discardStaleDrafts(services, services.clock());
        if (discarded > 0) services.logger.info({ job: ATTACHMENT_DRAFTS_JOB, discarded }, 'discarded comment drafts nobody posted');
      },
    },
    crontab: ATTACHMENT_CRONTAB,
  };
}
