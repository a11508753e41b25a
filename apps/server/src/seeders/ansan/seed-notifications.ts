import { TaskStatus } from '@ecohub/domain';
import { Notification, NotificationKind } from '../../modules/notification/index.ts';
import type { Person } from '../../modules/people/index.ts';
import { addDays, addHours } from './dates.ts';
import type { SeededMention } from './seed-comments.ts';
import type { SeedContext } from './seed-context.ts';
import type { SeededTask } from './seed-tasks.ts';

/** Older notifications have been read; the last few days' are still new. */
const UNREAD_DAYS = 10;

/**
 * Notifications as the hub would have sent them: one per mention, and for the demo users the
 * assignments they received and the tasks due within three days.
 */
export function seedNotifications({ em, now, today }: SeedContext, mentions: SeededMention[], tasks: SeededTask[], demoUsers: Person[]): Notification[] {
  const unreadSince = addDays(today, -UNREAD_DAYS);
  const readAt = (createdAt: Date) => (createdAt.toISOString().slice(0, 10) < unreadSince ? addHours(createdAt, 20) : null);
  const notifications: Notification[] = [];

  for (const { comment, recipient, author, task } of mentions) {
    notifications.push(
      em.create(Notification, {
        recipient,
        kind: NotificationKind.Mention,
        company: task.seeded.company,
        task: task.task,
        comment,
        actor: author,
        createdAt: comment.createdAt,
        updatedAt: comment.createdAt,
        readAt: readAt(comment.createdAt),
      }),
    );
  }

  const dueSoonUntil = addDays(today, 3);
  for (const { task, seeded } of tasks) {
    if (task.status === TaskStatus.DONE) continue;
    const creator = task.createdBy;
    for (const recipient of task.assignees.getItems().filter((person) => demoUsers.includes(person))) {
      if (creator?.id !== recipient.id) {
        notifications.push(
          em.create(Notification, {
            recipient,
            kind: NotificationKind.Assignment,
            company: seeded.company,
            task,
            actor: creator,
            createdAt: task.createdAt,
            updatedAt: task.createdAt,
            readAt: readAt(task.createdAt),
          }),
        );
      }
      if (task.dueOn !== null && task.dueOn >= today && task.dueOn <= dueSoonUntil) {
        const at = addHours(now, -2);
        notifications.push(em.create(Notification, { recipient, kind: NotificationKind.DueSoon, company: seeded.company, task, createdAt: at, updatedAt: at }));
      }
    }
  }
  return notifications;
}
