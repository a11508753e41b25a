import { Field, ObjectType } from 'type-graphql';
import type { NotificationKind } from './notification.entity.ts';
import { SafeInt } from '../../core/graphql/scalars.ts';
import { EventType, type RecordedPayload } from '../../core/realtime/event-types.ts';
import { liveTopic, type LiveTopic } from '../../core/realtime/live-topic.ts';
import { eq } from '../../core/realtime/outbox-scope.ts';
import { SEQ_DESCRIPTION } from '../../core/realtime/resync.ts';
import { Notification } from './notification.entity.ts';

/** What a notification event carries: its kind (mention, assignment, …). */
export interface NotificationAddedPayload extends RecordedPayload {
  kind: NotificationKind;
}

declare module '../../core/realtime/event-types.ts' {
  interface EventPayloads {
    'notification.added': NotificationAddedPayload;
  }
}

@ObjectType({ description: 'A new notification for the signed-in person' })
export class NotificationAdded {
  @Field(() => SafeInt, { description: SEQ_DESCRIPTION })
  seq!: number;

  @Field(() => Notification)
  notification!: Notification;
}

/** One person's new notifications (mentions, assignments, due dates, overdue tasks, follow-ups due). */
export function notificationTopic(personId: string): LiveTopic<NotificationAdded> {
  return liveTopic('work', [EventType.NOTIFICATION_ADDED], { condition: eq('recipient_id', personId) }, async (record, records) => {
    const notification = await records.load(record.seq, 'notification', (em) => em.findOne(Notification, record.entityId, { populate: ['actor', 'task', 'comment'] }));
    return notification ? { seq: record.seq, notification } : null;
  });
}
