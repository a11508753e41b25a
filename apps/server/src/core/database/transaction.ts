import type { EntityManager } from '@mikro-orm/postgresql';
import { ACTIVITY_RECORD, ActivityEntry, type FieldDiff } from '../../modules/activity/index.ts';
import { audience as audiences, type Audience } from '../auth/visibility.ts';
import { newId } from '../ids.ts';
import type { UnitOfWork } from '../actor/unit-of-work.ts';
import { isDuplicateKey, remember, rememberedResult, scopedKey, type Idempotency } from '../idempotency/idempotency.ts';
import { EventType } from '../realtime/event-types.ts';
import { appendToOutbox, type ChangeEvent } from '../realtime/outbox.ts';
import { enqueueJobs, type JobRequest } from '../jobs/job-queue.ts';
import type { Config } from '../../config/config.ts';

export interface ActivityInput {
  /** Assigned here; events published with the entry carry it as `payload.activityId`. */
  id?: string;
  action: string;
  entityType: string;
  entityId: string;
  summary?: string | null;
  companyId?: string | null;
  programYearId?: string | null;
  diff?: FieldDiff;
  /**
   * Who may read the entry and receive its event (core/auth/visibility.ts); by default those who
   * see the company's work, or managers for entries without a company.
   */
  audience?: Audience;
}

/** What one mutation did: its history entries, the events subscribers will receive, the jobs it asks for. */
export class ChangeLog {
  readonly activities: (ActivityInput & { id: string; audience: Audience })[] = [];
  readonly events: ChangeEvent[] = [];
  readonly jobs: JobRequest[] = [];

  /**
   * `config`: the hub's settings, for work whose timing is configured (the mail batch window).
   * `actorId`: who makes the change (null for the system), as its history entries name them.
   */
  constructor(
    readonly config: Config,
    readonly actorId: string | null,
  ) {}

  /** Queues a job in this transaction: it runs after the commit, and never if the change rolls back. */
  enqueue(job: JobRequest): void {
    this.jobs.push(job);
  }

  /** Records a change in the history and publishes its event (the given one, or `history.recorded`). */
  record(activity: ActivityInput, event?: Omit<ChangeEvent, 'entityId'> & { entityId?: string }): void {
    const entry = { ...activity, id: activity.id ?? newId(), audience: activity.audience ?? audiences.of(activity.companyId) };
    this.activities.push(entry);
    // The event carries the entry and its audience: the live check reads it without loading the entry.
    const history = { activityId: entry.id, audience: entry.audience };
    if (event && event.type !== EventType.ACCESS_CHANGED) {
      this.publish({ ...event, entityId: event.entityId ?? activity.entityId, payload: { ...event.payload, ...history } });
      return;
    }
    // Access changes reach nobody; published first, so the entry's delivery is checked against the new rights.
    if (event) this.publish({ ...event, entityId: event.entityId ?? activity.entityId });
    this.publish({
      type: EventType.HISTORY_RECORDED,
      entityId: activity.entityId,
      companyId: activity.companyId ?? null,
      programYearId: activity.programYearId ?? null,
      payload: history,
    });
  }

  publish(event: ChangeEvent): void {
    this.events.push(event);
  }
}

/**
 * Runs a mutation's work in one transaction with its history entries and outbox events: they
 * commit together or not at all, and nothing is published for a change that rolled back.
 * With `idempotency`, a repeated key replays the first answer instead of running again.
 */
export async function inTransaction<T>(
  ctx: UnitOfWork,
  work: (em: EntityManager, changes: ChangeLog) => Promise<T>,
  idempotency?: Idempotency<T>,
): Promise<T> {
  const key = idempotency ? scopedKey(ctx, idempotency as Idempotency<unknown>) : null;
  if (key && idempotency) {
    const previous = await rememberedResult(ctx.em, key);
    if (previous) return idempotency.replay(ctx.em, previous);
  }
  try {
    return await runTransaction(ctx, work, key ? { key, resultId: (value: T) => idempotency!.resultId(value) } : null);
  } catch (error) {
    // A concurrent retry with the same key committed first: answer as it did.
    if (key && idempotency && isDuplicateKey(error)) {
      const previous = await rememberedResult(ctx.em.fork(), key);
      if (previous) return idempotency.replay(ctx.em, previous);
    }
    throw error;
  }
}

async function runTransaction<T>(
  ctx: UnitOfWork,
  work: (em: EntityManager, changes: ChangeLog) => Promise<T>,
  idempotency: { key: string; resultId(value: T): string } | null,
): Promise<T> {
  const changes = new ChangeLog(ctx.services.config, ctx.viewer ? ctx.viewer.personId : null);
  const { result, batch } = await ctx.em.transactional(async (em) => {
    const value = await work(em, changes);
    if (idempotency) await remember(em, idempotency.key, idempotency.resultId(value));
    for (const activity of changes.activities) {
      em.create(ActivityEntry, {
        id: activity.id,
        actor: changes.actorId,
        action: activity.action,
        entityType: activity.entityType,
        entityId: activity.entityId,
        summary: activity.summary ?? null,
        company: activity.companyId ?? null,
        programYear: activity.programYearId ?? null,
        diff: activity.diff ?? {},
        audience: activity.audience.scope,
        audienceCompanyIds: activity.audience.companyIds,
        audienceInternal: activity.audience.internal,
      });
    }
    await em.flush();
    // Every event with a history entry carries it: activityAdded renders from it on every instance.
    const committed = await appendToOutbox(em, changes.events, [ACTIVITY_RECORD]);
    await enqueueJobs(em, changes.jobs);
    return { result: value, batch: committed };
  });
  if (batch) ctx.services.outboxCommitted(batch);
  return result;
}

/**
 * Assigns `changes` to `entity` and returns the field-level diff of what actually changed
 * (undefined inputs mean "leave as is").
 */
export function applyChanges<T extends object>(entity: T, changes: Partial<T>): FieldDiff {
  const diff: FieldDiff = {};
  for (const [key, to] of Object.entries(changes)) {
    if (to === undefined) continue;
    const from = (entity as Record<string, unknown>)[key];
    if (comparable(from) === comparable(to)) continue;
    diff[key] = { from: comparable(from), to: comparable(to) };
    (entity as Record<string, unknown>)[key] = to;
  }
  return diff;
}

function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object' && 'id' in value) return (value as { id: unknown }).id;
  return value ?? null;
}
