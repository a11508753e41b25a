import type { TaskList } from 'graphile-worker';
import type { AppServices } from '../../core/app-services.ts';
import { systemUnitOfWork } from '../../core/actor/job-actor.ts';
import { programToday } from '../../core/calendar.ts';
import { openDueFollowUps, remindFollowUps } from './follow-up.service.ts';

export const FOLLOW_UP_JOB = 'follow-up:daily';

/**
 * 22:00 UTC is 07:00 in Seoul: requests opened and reminders written before the 08:00 mail
 * reminders and digest pick them up. Due dates are days, so once a day is enough; `fill=1d`
 * runs a slot missed while no instance was up.
 */
export const FOLLOW_UP_CRONTAB = `0 22 * * * ${FOLLOW_UP_JOB} ?fill=1d`;

/** Opens due follow-up requests and reminds unanswered companies, for the program's today. */
export async function followUpJob(services: AppServices): Promise<{ opened: number; reminded: number }> {
  const today = programToday(services.clock());
  const logger = services.logger.child({ job: FOLLOW_UP_JOB, today });
  const uow = systemUnitOfWork(services, logger);
  const opened = await openDueFollowUps(uow, today);
  const reminded = await remindFollowUps(uow, today);
  if (opened + reminded > 0) logger.info({ opened, reminded }, 'follow-up requests opened and reminded');
  return { opened, reminded };
}

/** The follow-up module's jobs, bound to one hub's (or worker's) services. */
export function followUpJobs(services: AppServices): { tasks: TaskList; crontab: string } {
  return {
    tasks: {
      [FOLLOW_UP_JOB]: async () => {
        await followUpJob(services);
      },
    },
    crontab: FOLLOW_UP_CRONTAB,
  };
}
