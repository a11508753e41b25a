import type { Role } from '@ecohub/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppServices } from '../app-services.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Logger } from '../logger.ts';
import { createUnitOfWork, type UnitOfWork } from './unit-of-work.ts';

/** Marks the viewer of a job: no browser session stands behind it. */
export const JOB_SESSION = 'job';

/**
 * A person as a job acting on their behalf sees them: their role and company read now, from
 * the database (not when the job was queued), so the same policy applies as to a request.
 * Null when the person is unknown or disabled: a job does nothing for them.
 */
export async function viewerForPerson(em: EntityManager, personId: string): Promise<Viewer | null> {
  const rows: { id: string; role: Role; company_id: string | null }[] = await em.execute(
    'select id, role, company_id from person where id = ? and disabled_at is null',
    [personId],
  );
  const row = rows[0];
  return row ? { personId: row.id, role: row.role, companyId: row.company_id, sessionId: JOB_SESSION } : null;
}

/** A unit of work for a job acting on behalf of a person (null when they may no longer act). */
export async function onBehalfOf(services: AppServices, personId: string, logger: Logger): Promise<UnitOfWork | null> {
  const viewer = await viewerForPerson(services.orm.em.fork({ useContext: false }), personId);
  return viewer ? createUnitOfWork({ services, viewer, logger }) : null;
}

/**
 * A unit of work for the system itself (schedules, reminders): it has no person and so the
 * rights of nobody; what it writes it writes explicitly, and history records no actor.
 */
export function systemUnitOfWork(services: AppServices, logger: Logger): UnitOfWork {
  return createUnitOfWork({ services, viewer: null, logger });
}
