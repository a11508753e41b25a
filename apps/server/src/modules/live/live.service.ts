import { Role } from '@ecohub/domain';
import { Access } from '../../core/auth/access.ts';
import type { DataKind } from '../../core/auth/policy.ts';
import type { Viewer } from '../../core/auth/viewer.ts';
import { notFound } from '../../core/errors.ts';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { isUuid } from '../../core/ids.ts';
import { EventType } from '../../core/realtime/event-types.ts';
import type { OutboxRecord } from '../../core/realtime/outbox-store.ts';
import type { EventRecords } from '../../core/realtime/event-records.ts';
import type { LiveTopic } from '../../core/realtime/realtime.ts';
import { ActivityEntry } from '../activity/index.ts';
import { boardRow, totalsAndCategories } from '../board/index.ts';
import { Comment } from '../comment/index.ts';
import { Measure } from '../measure/index.ts';
import { Notification } from '../notification/index.ts';
import { Participation } from '../participation/index.ts';
import { Task } from '../task/index.ts';
import {
  ACTIVITY_EVENTS,
  COMMENT_EVENTS,
  everywhere,
  MEASURE_EVENTS,
  PARTICIPATION_EVENTS,
  recipientScope,
  TASK_EVENTS,
  taskScope,
  type Scope,
} from './live.topics.ts';
import { assertMayWatch, companyOrYearScope, type CompanyOrYearArgs } from './live.access.ts';
import {
  TaskChangeKind,
  type ActivityAdded,
  type BoardRowChange,
  type CommentChange,
  type CommentChangeKind,
  type MeasureChange,
  type MeasureChangeKind,
  type NotificationAdded,
  type ParticipationChange,
  type ParticipationChangeKind,
  type TaskChange,
} from './live.types.ts';

/**
 * A live topic from a scope and event types. The scope sees every event first (a program year
 * follows the companies joining it), then the event type decides.
 */
export function liveTopic<T>(
  kind: DataKind,
  types: readonly EventType[],
  scope: Scope,
  shape: (record: OutboxRecord, records: EventRecords) => Promise<T | null>,
): LiveTopic<T> {
  const wanted = new Set<string>(types);
  return {
    kind,
    filter: { types, sql: scope.sql, params: scope.params },
    matches: (record) => scope.matches(record) && wanted.has(record.type),
    shape,
  };
}

/** The part of an event type after the dot, as the GraphQL change kind (task.moved → MOVED). */
export function changeKind<K extends string>(type: EventType): K {
  return type.slice(type.indexOf('.') + 1).toUpperCase() as K;
}

function sinceOf(args: { since?: number | null }): number | null {
  return args.since ?? null;
}

/*
 * Records are loaded once per event for all subscribers (EventRecords), with the relations the
 * clients select populated up front: field resolvers then run per subscriber on loaded
 * references instead of scheduling a batch load each.
 */

export function taskChanges(ctx: GraphQLContext, args: CompanyOrYearArgs & { since?: number | null }): Promise<AsyncIterable<TaskChange>> {
  return subscribeInScope(ctx, 'work', TASK_EVENTS, args, async (record, records) => {
    const kind = changeKind<TaskChangeKind>(record.type);
    return {
      seq: record.seq,
      kind,
      taskId: record.entityId,
      companyId: record.companyId as string,
      task: kind === TaskChangeKind.DELETED ? null : await records.load(record.seq, 'task', (em) => em.findOne(Task, record.entityId, { populate: ['assignees'] })),
    };
  });
}

/** Comments of one task; a task the viewer may not see is NOT_FOUND. */
export async function commentChanges(ctx: GraphQLContext, args: { taskId: string; since?: number | null }): Promise<AsyncIterable<CommentChange>> {
  assertMayWatch(ctx, 'comments');
  const [task] = isUuid(args.taskId)
    ? await ctx.em.execute<{ company_id: string }[]>('select company_id from task where id = ?', [args.taskId])
    : [];
  if (!task) throw notFound('Task', args.taskId);
  await ctx.access.assertCanSeeCompany('comments', task.company_id, 'Task', args.taskId);
  return ctx.services.realtime.subscribe(
    ctx,
    liveTopic('comments', COMMENT_EVENTS, taskScope(args.taskId), async (record, records) => ({
      seq: record.seq,
      kind: changeKind<CommentChangeKind>(record.type),
      commentId: record.entityId,
      taskId: args.taskId,
      comment: await records.load(record.seq, 'comment', (em) => em.findOne(Comment, record.entityId, { populate: ['author'] })),
    })),
    sinceOf(args),
  );
}

export function measureChanges(ctx: GraphQLContext, args: CompanyOrYearArgs & { since?: number | null }): Promise<AsyncIterable<MeasureChange>> {
  return subscribeInScope(ctx, 'program-results', MEASURE_EVENTS, args, async (record, records) => ({
    seq: record.seq,
    kind: changeKind<MeasureChangeKind>(record.type),
    measureId: record.entityId,
    companyId: record.companyId as string,
    measure: await records.load(record.seq, 'measure', (em) => em.findOne(Measure, record.entityId, { populate: ['company'] })),
  }));
}

export async function participationChanges(ctx: GraphQLContext, args: { programYearId: string; since?: number | null }): Promise<AsyncIterable<ParticipationChange>> {
  return subscribeInScope(ctx, 'program-results', PARTICIPATION_EVENTS, { programYearId: args.programYearId, since: args.since }, async (record, records) => ({
    seq: record.seq,
    kind: changeKind<ParticipationChangeKind>(record.type),
    participationId: record.entityId,
    companyId: record.companyId as string,
    participation: await records.load(record.seq, 'participation', (em) => em.findOne(Participation, record.entityId, { populate: ['company'] })),
  }));
}

/**
 * Computes a board row for all subscribers at once, with every company in scope; each
 * subscriber's own rights are checked by `mayReceive` before the row is delivered to them.
 */
const BOARD_READER: Viewer = { personId: 'live-board', role: Role.ADMIN, companyId: null, sessionId: 'live-board' };

/**
 * Board rows of one program year: after any change to a company's records (its task counts,
 * measure figures, stage or last activity may have moved), that company's row and the year's
 * totals (the board's own SQL), computed once per event for every subscriber, so a board applies
 * the event instead of reloading; the row reveals program results, checked per subscriber.
 */
export async function boardRowChanges(ctx: GraphQLContext, args: { programYearId: string; since?: number | null }): Promise<AsyncIterable<BoardRowChange>> {
  const programYearId = args.programYearId;
  return subscribeInScope(ctx, 'program-results', ACTIVITY_EVENTS, { programYearId, since: args.since }, async (record, records) => {
    const companyId = record.companyId;
    if (!companyId) return null;
    const [row, kpis] = await Promise.all([
      records.load(record.seq, `board:${programYearId}:${companyId}`, (em) => boardRow(em, new Access(em, BOARD_READER), programYearId, companyId)),
      records.load(record.seq, `kpis:${programYearId}`, (em) => totalsAndCategories(em, programYearId)),
    ]);
    return { seq: record.seq, companyId, row, totals: kpis.totals, byCategory: kpis.byCategory };
  });
}

/** The viewer's own notifications (mentions, assignments). */
export async function notificationAdditions(ctx: GraphQLContext, args: { since?: number | null }): Promise<AsyncIterable<NotificationAdded>> {
  assertMayWatch(ctx, 'work');
  const viewer = ctx.access.requireViewer();
  return ctx.services.realtime.subscribe(
    ctx,
    liveTopic('work', [EventType.NOTIFICATION_ADDED], recipientScope(viewer.personId), async (record, records) => {
      const notification = await records.load(record.seq, 'notification', (em) => em.findOne(Notification, record.entityId, { populate: ['actor', 'task', 'comment'] }));
      return notification ? { seq: record.seq, notification } : null;
    }),
    sinceOf(args),
  );
}

/** History entries as they are written: of one company, or of everything the viewer may see. */
export async function activityAdditions(ctx: GraphQLContext, args: { companyId?: string | null; since?: number | null }): Promise<AsyncIterable<ActivityAdded>> {
  assertMayWatch(ctx, 'work');
  const scope = args.companyId ? await companyOrYearScope(ctx, 'work', { companyId: args.companyId }) : everywhere;
  return ctx.services.realtime.subscribe(
    ctx,
    liveTopic('work', ACTIVITY_EVENTS, scope, async (record, records) => {
      const activityId = record.payload.activityId;
      if (typeof activityId !== 'string') return null;
      const entry = await records.load(record.seq, 'activity', (em) => em.findOne(ActivityEntry, activityId, { populate: ['actor', 'company'] }));
      return entry ? { seq: record.seq, entry } : null;
    }),
    sinceOf(args),
  );
}

async function subscribeInScope<T>(
  ctx: GraphQLContext,
  kind: DataKind,
  types: readonly EventType[],
  args: CompanyOrYearArgs & { since?: number | null },
  shape: (record: OutboxRecord, records: EventRecords) => Promise<T | null>,
): Promise<AsyncIterable<T>> {
  const scope = await companyOrYearScope(ctx, kind, args);
  return ctx.services.realtime.subscribe(ctx, liveTopic(kind, types, scope, shape), sinceOf(args));
}
