import type { AppServices } from '../../core/app-services.ts';
import { createUnitOfWork } from '../../core/actor/unit-of-work.ts';
import { openDueFollowUps, remindFollowUps } from './follow-up.service.ts';

/**
 * Opens due follow-ups and sends reminders at start and then every `everyMs`. Safe with several
 * replicas: opening inserts with `on conflict do nothing` and reminding is one UPDATE … RETURNING,
 * so each company is asked and reminded once whoever runs first.
 */
export function startFollowUpScheduler(services: AppServices, everyMs: number): { stop(): Promise<void> } {
  const logger = services.logger.child({ job: 'follow-up' });
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = (async () => {
      try {
        const uow = createUnitOfWork({ services, viewer: null, logger });
        const opened = await openDueFollowUps(uow);
        const reminded = await remindFollowUps(uow);
        if (opened + reminded > 0) logger.info({ opened, reminded }, 'follow-up requests opened and reminded');
      } catch (error) {
        logger.error({ err: error }, 'follow-up check failed');
      } finally {
        running = null;
      }
    })();
  };
  const first = setTimeout(tick, 1_000);
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
