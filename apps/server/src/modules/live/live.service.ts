import { notFound } from '../../core/errors.ts';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { isUuid } from '../../core/ids.ts';
import { always } from '../../core/realtime/outbox-scope.ts';
import { activityTopic, type ActivityAdded } from '../activity/index.ts';
import { boardRowTopic, type BoardRowChange } from '../board/index.ts';
import { commentTopic, type CommentChange } from '../comment/index.ts';
import { companyTopic, type CompanyChange } from '../company/index.ts';
import { diagnosisTopic, type DiagnosisChange } from '../diagnosis/index.ts';
import { eventTopic, type EventChange } from '../event/index.ts';
import { measureTopic, type MeasureChange } from '../measure/index.ts';
import { notificationTopic, type NotificationAdded } from '../notification/index.ts';
import { participationTopic, type ParticipationChange } from '../participation/index.ts';
import { taskTopic, type TaskChange } from '../task/index.ts';
import { assertMayWatch, companyOrYearScope, yearEventsScope, type CompanyOrYearArgs } from './live.access.ts';

/**
 * The subscriptions: who may open which (live.access.ts), then the feature module's topic
 * (task.topics.ts, …) handed to the realtime layer. Records are loaded once per event for all
 * subscribers (EventRecords); each event renders in a fresh unit of work (SharedExecution).
 */

type Since = { since?: number | null };

function sinceOf(args: Since): number | null {
  return args.since ?? null;
}

export async function taskChanges(ctx: GraphQLContext, args: CompanyOrYearArgs & Since): Promise<AsyncIterable<TaskChange>> {
  return ctx.services.realtime.subscribe(ctx, taskTopic(await companyOrYearScope(ctx, 'work', args)), sinceOf(args));
}

/** Comments of one task; a task the viewer may not see is NOT_FOUND. */
export async function commentChanges(ctx: GraphQLContext, args: { taskId: string } & Since): Promise<AsyncIterable<CommentChange>> {
  assertMayWatch(ctx, 'comments');
  const [task] = isUuid(args.taskId)
    ? await ctx.em.execute<{ company_id: string }[]>('select company_id from task where id = ?', [args.taskId])
    : [];
  if (!task) throw notFound('Task', args.taskId);
  await ctx.access.assertCanSeeCompany('comments', task.company_id, 'Task', args.taskId);
  return ctx.services.realtime.subscribe(ctx, commentTopic(args.taskId, task.company_id), sinceOf(args));
}

export async function measureChanges(ctx: GraphQLContext, args: CompanyOrYearArgs & Since): Promise<AsyncIterable<MeasureChange>> {
  return ctx.services.realtime.subscribe(ctx, measureTopic(await companyOrYearScope(ctx, 'program-results', args)), sinceOf(args));
}

/**
 * Edits (and the archiving) of companies' own details, for who sees their results: of one company
 * (its pages), or of every company of a program year (the names every year-wide page shows).
 */
export async function companyChanges(ctx: GraphQLContext, args: CompanyOrYearArgs & Since): Promise<AsyncIterable<CompanyChange>> {
  return ctx.services.realtime.subscribe(ctx, companyTopic(await companyOrYearScope(ctx, 'program-results', args)), sinceOf(args));
}

/** Diagnoses of one company: its consulting work. */
export async function diagnosisChanges(ctx: GraphQLContext, args: { companyId: string } & Since): Promise<AsyncIterable<DiagnosisChange>> {
  return ctx.services.realtime.subscribe(ctx, diagnosisTopic(await companyOrYearScope(ctx, 'work', { companyId: args.companyId })), sinceOf(args));
}

export async function participationChanges(ctx: GraphQLContext, args: { programYearId: string } & Since): Promise<AsyncIterable<ParticipationChange>> {
  const scope = await companyOrYearScope(ctx, 'program-results', { programYearId: args.programYearId });
  return ctx.services.realtime.subscribe(ctx, participationTopic(args.programYearId, scope), sinceOf(args));
}

/** The events of one program year's calendar, each for whoever sees it. */
export async function eventChanges(ctx: GraphQLContext, args: { programYearId: string } & Since): Promise<AsyncIterable<EventChange>> {
  return ctx.services.realtime.subscribe(ctx, eventTopic(await yearEventsScope(ctx, args.programYearId)), sinceOf(args));
}

/** Board rows of one program year, recomputed once per event for every subscriber. */
export async function boardRowChanges(ctx: GraphQLContext, args: { programYearId: string } & Since): Promise<AsyncIterable<BoardRowChange>> {
  const scope = await companyOrYearScope(ctx, 'program-results', { programYearId: args.programYearId });
  return ctx.services.realtime.subscribe(ctx, boardRowTopic(args.programYearId, scope), sinceOf(args));
}

/** The viewer's own notifications (mentions, assignments). */
export async function notificationAdditions(ctx: GraphQLContext, args: Since): Promise<AsyncIterable<NotificationAdded>> {
  assertMayWatch(ctx, 'work');
  const viewer = ctx.access.requireViewer();
  return ctx.services.realtime.subscribe(ctx, notificationTopic(viewer.personId), sinceOf(args));
}

/** History entries as they are written: of one company, or of everything the viewer may see. */
export async function activityAdditions(ctx: GraphQLContext, args: { companyId?: string | null } & Since): Promise<AsyncIterable<ActivityAdded>> {
  assertMayWatch(ctx, 'work');
  const scope = args.companyId ? await companyOrYearScope(ctx, 'work', { companyId: args.companyId }) : { condition: always };
  return ctx.services.realtime.subscribe(ctx, activityTopic(scope), sinceOf(args));
}
