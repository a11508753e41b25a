import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChangeLog } from '../../core/database/transaction.ts';
import { EventType } from '../../core/realtime/event-types.ts';
import { Notification, type NotificationKind } from './notification.entity.ts';

/** The job that mails a person what is new for them (registered by the mail module). */
export const NOTIFICATION_MAIL_JOB = 'notifications:mail';

export interface NotificationInput {
  kind: NotificationKind;
  recipientIds: readonly string[];
  actorId: string | null;
  companyId: string;
  /** null for notifications about the company as a whole (follow-up requests). */
  taskId?: string | null;
  commentId?: string | null;
  measureId?: string | null;
}

/**
 * Writes one notification per recipient in the caller's transaction, publishes
 * `notification.added` to each (live), and queues their mail: one job per person whose time
 * is fixed by the first notification of the window, so everything new in the next
 * MAIL_BATCH_SECONDS goes out in one mail. Nobody is notified about their own action.
 */
export function notify(em: EntityManager, changes: ChangeLog, input: NotificationInput): Notification[] {
  const recipients = [...new Set(input.recipientIds)].filter((id) => id !== input.actorId);
  return recipients.map((recipientId) => {
    const notification = em.create(Notification, {
      recipient: recipientId,
      kind: input.kind,
      company: input.companyId,
      task: input.taskId ?? null,
      comment: input.commentId ?? null,
      measure: input.measureId ?? null,
      actor: input.actorId,
    });
    changes.publish({
      type: EventType.NOTIFICATION_ADDED,
      entityId: notification.id,
      recipientId,
      companyId: input.companyId,
      taskId: input.taskId ?? null,
      payload: { kind: input.kind },
    });
    changes.enqueue({
      task: NOTIFICATION_MAIL_JOB,
      payload: { personId: recipientId },
      delaySeconds: changes.config.mailBatchSeconds,
      jobKey: `${NOTIFICATION_MAIL_JOB}:${recipientId}`,
      jobKeyMode: 'preserve_run_at',
    });
    return notification;
  });
}
