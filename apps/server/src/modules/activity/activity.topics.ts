import { Field, ObjectType } from 'type-graphql';
import { SafeInt } from '../../core/graphql/scalars.ts';
import { EventType } from '../../core/realtime/event-types.ts';
import { liveTopic, type LiveTopic } from '../../core/realtime/live-topic.ts';
import type { OutboxScope } from '../../core/realtime/outbox-scope.ts';
import { SEQ_DESCRIPTION } from '../../core/realtime/resync.ts';
import { ActivityEntry } from './activity-entry.entity.ts';
import { ACTIVITY_RECORD } from './activity-record.ts';

/** Everything that writes a history entry; notifications and access changes do not. */
export const ACTIVITY_EVENTS = Object.values(EventType).filter(
  (type) => type !== EventType.NOTIFICATION_ADDED && type !== EventType.ACCESS_CHANGED,
);

@ObjectType({ description: 'A new history entry' })
export class ActivityAdded {
  @Field(() => SafeInt, { description: SEQ_DESCRIPTION })
  seq!: number;

  @Field(() => ActivityEntry)
  entry!: ActivityEntry;
}

/** History entries as they are written, within a scope (a company, or everything). */
export function activityTopic(scope: OutboxScope): LiveTopic<ActivityAdded> {
  return liveTopic('work', ACTIVITY_EVENTS, scope, async (record, records) => {
    const entry = await records.carried(record, ACTIVITY_RECORD);
    return entry ? { seq: record.seq, entry } : null;
  });
}
