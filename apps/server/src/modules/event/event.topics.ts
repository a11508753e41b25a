import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { Audience } from '../../core/auth/visibility.ts';
import { SafeInt } from '../../core/graphql/scalars.ts';
import { EventType, type RecordedPayload } from '../../core/realtime/event-types.ts';
import { liveTopic, type LiveTopic } from '../../core/realtime/live-topic.ts';
import type { OutboxScope } from '../../core/realtime/outbox-scope.ts';
import { eventOf } from '../../core/realtime/outbox-store.ts';
import { SEQ_DESCRIPTION } from '../../core/realtime/resync.ts';
import { ProgramEvent } from './program-event.entity.ts';

/**
 * What a program event's change carries: which change (its history action), the companies it
 * names, and to whom the event is shown (live delivery checks this, not the history entry's
 * audience: an invitation's entry is for the invited company, the event for all who see it).
 */
export interface EventChangedPayload extends RecordedPayload {
  action: string;
  companyIds?: string[];
  /** The event's audience after the change, and before it when the change narrowed it. */
  shownTo: Audience[];
}

declare module '../../core/realtime/event-types.ts' {
  interface EventPayloads {
    'event.changed': EventChangedPayload;
  }
}

export const EventChangeKind = {
  CREATED: 'CREATED',
  UPDATED: 'UPDATED',
  CANCELLED: 'CANCELLED',
  INVITATIONS_CHANGED: 'INVITATIONS_CHANGED',
  ATTENDANCE_CHANGED: 'ATTENDANCE_CHANGED',
} as const;
export type EventChangeKind = (typeof EventChangeKind)[keyof typeof EventChangeKind];
registerEnumType(EventChangeKind, { name: 'EventChangeKind', description: 'CANCELLED: off the calendar (kept with its history)' });

const KIND_OF_ACTION: Record<string, EventChangeKind> = {
  'event.created': EventChangeKind.CREATED,
  'event.updated': EventChangeKind.UPDATED,
  'event.cancelled': EventChangeKind.CANCELLED,
  'event.companiesInvited': EventChangeKind.INVITATIONS_CHANGED,
  'event.companyUninvited': EventChangeKind.INVITATIONS_CHANGED,
  'event.attendanceRecorded': EventChangeKind.ATTENDANCE_CHANGED,
  'event.attendanceRemoved': EventChangeKind.ATTENDANCE_CHANGED,
};

@ObjectType({ description: 'A program event was scheduled, changed, cancelled, or its invitations or attendance changed' })
export class EventChange {
  @Field(() => SafeInt, { description: SEQ_DESCRIPTION })
  seq!: number;

  @Field(() => EventChangeKind)
  kind!: EventChangeKind;

  @Field(() => ID)
  eventId!: string;

  /** Loaded once per event for every subscriber; `event` shows it to those who see it now. */
  record!: ProgramEvent | null;
}

/** The calendar events of one program year; who receives each is decided by the event rule (visibility.ts). */
export function eventTopic(scope: OutboxScope): LiveTopic<EventChange> {
  return liveTopic('events', [EventType.EVENT_CHANGED], scope, async (record, records) => {
    const change = eventOf(record, [EventType.EVENT_CHANGED]);
    return {
      seq: record.seq,
      kind: KIND_OF_ACTION[change?.payload.action ?? ''] ?? EventChangeKind.UPDATED,
      eventId: record.entityId,
      record: await records.load(record.seq, 'programEvent', (em) => em.findOne(ProgramEvent, record.entityId, { populate: ['invitedCompanies'] })),
    };
  });
}
