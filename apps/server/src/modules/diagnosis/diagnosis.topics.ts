import { Field, ID, ObjectType } from 'type-graphql';
import { SafeInt } from '../../core/graphql/scalars.ts';
import { EventType, type RecordedPayload } from '../../core/realtime/event-types.ts';
import { liveTopic, type LiveTopic } from '../../core/realtime/live-topic.ts';
import type { OutboxScope } from '../../core/realtime/outbox-scope.ts';
import { SEQ_DESCRIPTION } from '../../core/realtime/resync.ts';
import { Diagnosis } from './diagnosis.entity.ts';

/** What a diagnosis event carries: the file attached to it, when that was the change. */
export interface DiagnosisEventPayload extends RecordedPayload {
  attachmentId?: string;
}

declare module '../../core/realtime/event-types.ts' {
  interface EventPayloads {
    'diagnosis.changed': DiagnosisEventPayload;
  }
}

@ObjectType({ description: 'A diagnosis was recorded or changed (fields or files)' })
export class DiagnosisChange {
  @Field(() => SafeInt, { description: SEQ_DESCRIPTION })
  seq!: number;

  @Field(() => ID)
  diagnosisId!: string;

  @Field(() => ID)
  companyId!: string;

  @Field(() => Diagnosis, { description: 'The diagnosis as it is now' })
  diagnosis!: Diagnosis;
}

/** Diagnosis events of a company: its consulting work, seen by who sees that work. */
export function diagnosisTopic(scope: OutboxScope): LiveTopic<DiagnosisChange> {
  return liveTopic('work', [EventType.DIAGNOSIS_CHANGED], scope, async (record, records) => {
    // Diagnoses are never deleted; a record gone all the same has nothing to show.
    const diagnosis = await records.load(record.seq, 'diagnosis', (em) => em.findOne(Diagnosis, record.entityId));
    return diagnosis && { seq: record.seq, diagnosisId: record.entityId, companyId: record.companyId as string, diagnosis };
  });
}
