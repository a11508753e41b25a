import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChangeLog } from '../../core/database/transaction.ts';
import { EventType } from '../../core/realtime/event-types.ts';
import { Notification, type NotificationKind } from './notification.entity.ts';

export interface NotificationInput {
  kind: NotificationKind;
  recipientIds: readonly string[];
  actorId: string | null;
  companyId: string;
  /** null for notifications about the company as a whole (follow-up requests). */
  taskId: string | null;
  commentId?: string | null;
}

/**
 * Writes one notification per recipient in the caller's transaction and publishes
 * `notification.added` to each. Nobody is notified about their own action.
 */
export function notify(em: EntityManager, changes: ChangeLog, input: NotificationInput): Notification[] {
  const recipients = [...new Set(input.recipientIds)].filter((id) => id !== input.actorId);
  return recipients.map((recipientId) => {
    const notification = em.create(Notification, {
      recipient: recipientId,
      kind: input.kind,
      company: input.companyId,
      task: input.taskId,
      comment: input.commentId ?? null,
      actor: input.actorId,
    });
    changes.publish({
      type: EventType.NOTIFICATION_ADDED,
      entityId: notification.id,
      recipientId,
      companyId: input.companyId,
      taskId: input.taskId,
      payload: { kind: input.kind },
    });
    return notification;
  });
}
