import type { FilterQuery } from '@mikro-orm/postgresql';
import { sqlUuidArray } from '../../core/auth/access.ts';
import { sqlNotificationCondition } from '../../core/auth/visibility.ts';
import { inTransaction } from '../../core/database/transaction.ts';
import { badInput } from '../../core/errors.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { paginate, type PageArgs } from '../../core/graphql/pagination.ts';
import { isUuid } from '../../core/ids.ts';
import { Notification } from './notification.entity.ts';

/** The viewer's own notifications about work they still see (visibility.ts), newest first. */
export async function listNotifications(ctx: UnitOfWork, unreadOnly: boolean, page: PageArgs) {
  ctx.access.requireViewer();
  const where: FilterQuery<Notification> = { $and: [await ctx.access.visibilityFilter(sqlNotificationCondition), unreadOnly ? { readAt: null } : {}] };
  return paginate(ctx.em, Notification, where, page, '-createdAt');
}

/** Counts what `notifications(unreadOnly: true)` lists. */
export async function unreadNotificationCount(ctx: UnitOfWork): Promise<number> {
  ctx.access.requireViewer();
  return ctx.em.count(Notification, { $and: [await ctx.access.visibilityFilter(sqlNotificationCondition), { readAt: null }] });
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
