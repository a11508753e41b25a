import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { MeasureStatus } from '@ecohub/domain';
import { SafeInt } from '../../core/graphql/scalars.ts';
import { EventType, type RecordedPayload } from '../../core/realtime/event-types.ts';
import { changeKind, liveTopic, type LiveTopic } from '../../core/realtime/live-topic.ts';
import type { OutboxScope } from '../../core/realtime/outbox-scope.ts';
import { SEQ_DESCRIPTION } from '../../core/realtime/resync.ts';
import { Measure } from './measure.entity.ts';


/** What a measure event carries: a status transition, or the file attached to it. */
export interface MeasureEventPayload extends RecordedPayload {
  from?: MeasureStatus;
  to?: MeasureStatus;
  attachmentId?: string;
}

declare module '../../core/realtime/event-types.ts' {
  interface EventPayloads {
    'measure.created': MeasureEventPayload;
    'measure.updated': MeasureEventPayload;
    'measure.deleted': MeasureEventPayload;
  }
}

export const MEASURE_EVENTS = [EventType.MEASURE_CREATED, EventType.MEASURE_UPDATED, EventType.MEASURE_DELETED] as const;

export const MeasureChangeKind = { CREATED: 'CREATED', UPDATED: 'UPDATED', DELETED: 'DELETED' } as const;
export type MeasureChangeKind = (typeof MeasureChangeKind)[keyof typeof MeasureChangeKind];
registerEnumType(MeasureChangeKind, { name: 'MeasureChangeKind' });

@ObjectType({ description: 'A measure was created, changed or deleted' })
export class MeasureChange {
  @Field(() => SafeInt, { description: SEQ_DESCRIPTION })
  seq!: number;

  @Field(() => MeasureChangeKind)
  kind!: MeasureChangeKind;

  @Field(() => ID)
  measureId!: string;

  @Field(() => ID)
  companyId!: string;

  @Field(() => Measure, { nullable: true, description: 'The measure as it is now; null once deleted' })
  measure!: Measure | null;
}

/** Measure events within a scope (a company or a program year): program results. */
export function measureTopic(scope: OutboxScope): LiveTopic<MeasureChange> {
  return liveTopic('program-results', MEASURE_EVENTS, scope, async (record, records) => ({
    seq: record.seq,
    kind: changeKind<MeasureChangeKind>(record.type),
    measureId: record.entityId,
    companyId: record.companyId as string,
    measure: await records.load(record.seq, 'measure', (em) => em.findOne(Measure, record.entityId, { populate: ['company'] })),
  }));
}
