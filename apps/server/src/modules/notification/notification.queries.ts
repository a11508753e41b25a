import { sqlFilter, sqlUuidArray } from '../../core/auth/access.ts';
import { NOTIFICATION_TARGETS, sqlNotificationCondition, sqlNotificationTargetCondition, type NotificationTarget } from '../../core/auth/visibility.ts';
import { inTransaction } from '../../core/database/transaction.ts';
import { badInput } from '../../core/errors.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import type { Selection } from '../../core/graphql/look-ahead.ts';
import type { PageArgs } from '../../core/graphql/pagination.ts';
import { selectedPage, type PagePlanSpec, type RelationPlanSpec } from '../../core/graphql/planned-read.ts';
import { isUuid } from '../../core/ids.ts';
import { Comment, COMMENT_PAGE } from '../comment/index.ts';
import { Company } from '../company/company.entity.ts';
import { Measure, MEASURE_PAGE } from '../measure/index.ts';
import { Person } from '../people/person.entity.ts';
import { Task, TASK_PLAN } from '../task/index.ts';
import { Notification } from './notification.entity.ts';

/**
 * The viewer's own notifications (visibility.ts), as a filter whose scope is selected in place:
 * a page and the unread count are one statement each, whatever the viewer's role.
 */
function visibleNotifications(ctx: UnitOfWork, unreadOnly: boolean): Record<string, unknown> {
  const work = ctx.access.sqlScope('work');
  return { $and: [sqlFilter((alias) => sqlNotificationCondition(ctx.access.viewer, work, alias)), unreadOnly ? { readAt: null } : {}] };
}

/**
 * What a page may read without entities: each target with the same rule its resolver applies,
 * as SQL per row (NOTIFICATION_TARGETS), so a target the viewer no longer sees reads as null.
 */
function notificationPlan(ctx: UnitOfWork): PagePlanSpec {
  const target = (name: NotificationTarget, type: RelationPlanSpec['type'], spec?: PagePlanSpec): RelationPlanSpec => {
    const scope = ctx.access.sqlScope(NOTIFICATION_TARGETS[name]);
    return { type, spec, visible: (row, related) => sqlNotificationTargetCondition(ctx.access.viewer, name, scope, row, related) };
  };
  return {
    relations: {
      actor: Person,
      company: target('company', Company),
      task: target('task', Task, TASK_PLAN),
      comment: target('comment', Comment, COMMENT_PAGE),
      measure: target('measure', Measure, MEASURE_PAGE),
    },
  };
}

/** Newest first; `selection`: what the operation selects on the connection, read in one statement when planned. */
export async function listNotifications(ctx: UnitOfWork, unreadOnly: boolean, page: PageArgs, selection?: Selection) {
  ctx.access.requireViewer();
  return selectedPage(ctx.em, Notification, visibleNotifications(ctx, unreadOnly), page, '-createdAt', selection, notificationPlan(ctx));
}

/** Counts what `notifications(unreadOnly: true)` lists. */
export async function unreadNotificationCount(ctx: UnitOfWork): Promise<number> {
  ctx.access.requireViewer();
  return ctx.em.count(Notification, visibleNotifications(ctx, true));
}

/**
 * Marks the given notifications (or all) of the viewer read and returns how many changed.
 * Another person's ids simply match nothing. Reading is personal state: no history entry.
 */
export async function markNotificationsRead(ctx: UnitOfWork, ids: readonly string[] | null, all: boolean): Promise<number> {
  const viewer = ctx.access.requireViewer();
  if (!all && (!ids || ids.length === 0)) {
    throw badInput('Name the notifications to mark read, or pass all: true', [{ field: 'ids', rule: 'required', message: 'ids or all is required' }]);
  }
  const known = (ids ?? []).filter(isUuid);
  return inTransaction(ctx, async (em) => {
    const result = await em.execute<{ affectedRows?: number; rowCount?: number }>(
      `update notification set read_at = now(), updated_at = now()
        where recipient_id = ? and read_at is null ${all ? '' : 'and id = any(?::uuid[])'}`,
      all ? [viewer.personId] : [viewer.personId, sqlUuidArray(known)],
      'run',
    );
    return Number(result.affectedRows ?? result.rowCount ?? 0);
  });
}
