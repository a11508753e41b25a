import { CommentVisibility } from '@ecohub/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { commentAudience, type Audience } from '../../core/auth/visibility.ts';
import { inTransaction } from '../../core/database/transaction.ts';
import { createContext } from '../../core/graphql/context.ts';
import type { EventType } from '../../core/realtime/event-types.ts';
import { appendToOutbox, type ChangeEvent } from '../../core/realtime/outbox.ts';
import type { EcoHubServer } from '../../server.ts';

/** Test helpers for the realtime layer: events published the way mutations publish them. */

export interface SeedIds {
  programYearId: string;
  /** Two companies of the year, the first with a task (and the expert team serving it). */
  companyId: string;
  otherCompanyId: string;
  taskId: string;
}

export async function seedIds(server: EcoHubServer): Promise<SeedIds> {
  const em = server.orm.em.fork();
  const [row] = await em.execute<{ company_id: string; program_year_id: string; task_id: string }[]>(
    `select t.company_id, p.program_year_id, t.id as task_id
       from task t join participation p on p.company_id = t.company_id
      order by t.company_id, t.id limit 1`,
  );
  if (!row) throw new Error('the seeded database has no task');
  const [other] = await em.execute<{ company_id: string }[]>(
    'select company_id from participation where program_year_id = ? and company_id <> ? order by company_id limit 1',
    [row.program_year_id, row.company_id],
  );
  if (!other) throw new Error('the seeded year has a single company');
  return { programYearId: row.program_year_id, companyId: row.company_id, otherCompanyId: other.company_id, taskId: row.task_id };
}

/**
 * Commits one history entry with its event through `inTransaction`, like a mutation does (with
 * `work`, after running it in the same transaction).
 */
export async function publish(
  server: EcoHubServer,
  event: Omit<ChangeEvent, 'type' | 'entityId'> & { type: EventType; entityId?: string; audience?: Audience },
  work?: (em: EntityManager) => Promise<unknown>,
): Promise<void> {
  const ctx = createContext({ services: server.services, viewer: null, requestId: 'live-test', logger: server.logger });
  const entityId = event.entityId ?? event.taskId ?? event.companyId ?? '00000000-0000-7000-8000-000000000000';
  await inTransaction(ctx, async (em, changes) => {
    await work?.(em);
    // A comment event's history entry has the comment's audience, as comment.service.ts writes it.
    const visibility = event.type.startsWith('comment.') && event.companyId && event.payload && 'visibility' in event.payload ? (event.payload.visibility as CommentVisibility) : undefined;
    changes.record(
      {
        action: event.type,
        entityType: 'Test',
        entityId,
        companyId: event.companyId ?? null,
        programYearId: event.programYearId ?? null,
        ...(visibility && event.companyId ? { audience: commentAudience(event.companyId, visibility) } : {}),
        ...(event.audience ? { audience: event.audience } : {}),
      },
      { type: event.type, companyId: event.companyId, programYearId: event.programYearId, taskId: event.taskId, recipientId: event.recipientId, payload: event.payload, entityId },
    );
  });
}

/** Writes an event to the outbox (and its NOTIFY) in a transaction that then fails, then wakes the dispatcher. */
export async function publishAndRollBack(server: EcoHubServer, event: ChangeEvent): Promise<void> {
  await server.orm.em
    .fork()
    .transactional(async (em) => {
      await appendToOutbox(em, [event]);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  server.services.realtime.dispatcher.wake();
}

class RolledBack extends Error {}

export const SHARED = { visibility: CommentVisibility.SHARED };
export const INTERNAL = { visibility: CommentVisibility.INTERNAL };

/** Waits for a server-side condition (e.g. a subscription registered) instead of sleeping. */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves once `server` has `count` live subscriptions open (each listening to new events). */
export function subscribed(server: EcoHubServer, count: number): Promise<void> {
  return until(() => server.services.realtime.subscriptions >= count);
}
