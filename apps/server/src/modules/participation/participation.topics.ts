import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { SafeInt } from '../../core/graphql/scalars.ts';
import { EventType, type RecordedPayload } from '../../core/realtime/event-types.ts';
import { changeKind, liveTopic, type LiveTopic } from '../../core/realtime/live-topic.ts';
import { and, eq, isNull, oneOf, or, type OutboxScope } from '../../core/realtime/outbox-scope.ts';
import { SEQ_DESCRIPTION } from '../../core/realtime/resync.ts';
import { COMPANY_EVENTS } from '../company/index.ts';
import { Participation } from './participation.entity.ts';

/** A participation event carries only its history entry (the record is loaded on delivery). */
export type ParticipationEventPayload = RecordedPayload;

declare module '../../core/realtime/event-types.ts' {
  interface EventPayloads {
    'participation.created': ParticipationEventPayload;
    'participation.updated': ParticipationEventPayload;
  }
}

export const PARTICIPATION_EVENTS = [EventType.PARTICIPATION_CREATED, EventType.PARTICIPATION_UPDATED] as const;

export const ParticipationChangeKind = { CREATED: 'CREATED', UPDATED: 'UPDATED', COMPANY_UPDATED: 'COMPANY_UPDATED' } as const;
export type ParticipationChangeKind = (typeof ParticipationChangeKind)[keyof typeof ParticipationChangeKind];
registerEnumType(ParticipationChangeKind, {
  name: 'ParticipationChangeKind',
  valuesConfig: { COMPANY_UPDATED: { description: "The company's own details changed (names, industry) or it was archived: the participation carries the company as it is now" } },
});

@ObjectType({ description: "A company's participation in a program year was created or changed (status, team, dates), or the company's own details changed" })
export class ParticipationChange {
  @Field(() => SafeInt, { description: SEQ_DESCRIPTION })
  seq!: number;

  @Field(() => ParticipationChangeKind)
  kind!: ParticipationChangeKind;

  @Field(() => ID)
  participationId!: string;

  @Field(() => ID)
  companyId!: string;

  @Field(() => Participation, { nullable: true, description: 'The participation as it is now' })
  participation!: Participation | null;
}

/**
 * Participation events of one program year (`scope`: programYearScope), and edits of its
 * companies: a register row shows the company's names and industry, so an edit arrives as the
 * company's participation of the year with the company as it is now.
 */
export function participationTopic(programYearId: string, scope: OutboxScope): LiveTopic<ParticipationChange> {
  return liveTopic('program-results', [...PARTICIPATION_EVENTS, ...COMPANY_EVENTS], scope, async (record, records) => {
    if (record.type === EventType.COMPANY_UPDATED) {
      const companyId = record.companyId as string;
      const participation = await records.load(record.seq, `participation:${programYearId}`, (em) =>
        em.findOne(Participation, { company: companyId, programYear: programYearId }, { populate: ['company'] }),
      );
      return participation && { seq: record.seq, kind: ParticipationChangeKind.COMPANY_UPDATED, participationId: participation.id, companyId, participation };
    }
    return {
      seq: record.seq,
      kind: changeKind<ParticipationChangeKind>(record.type),
      participationId: record.entityId,
      companyId: record.companyId as string,
      participation: await records.load(record.seq, 'participation', (em) => em.findOne(Participation, record.entityId, { populate: ['company'] })),
    };
  });
}

/**
 * Events of one program year: those that name it, and company events that name no year (a task
 * knows its company, not always the year) of the companies taking part in it. The companies are
 * read when the subscription starts listening and grow with each `participation.created` of the
 * year that passes; replay and live delivery both read this one condition.
 */
export function programYearScope(em: EntityManager, programYearId: string): OutboxScope {
  const companies = new Set<string>();
  return {
    condition: or(eq('program_year_id', programYearId), and(isNull('program_year_id'), oneOf('company_id', companies))),
    async prepare() {
      const rows: { company_id: string }[] = await em.execute('select company_id from participation where program_year_id = ?', [programYearId]);
      for (const row of rows) companies.add(row.company_id);
    },
    observe(record) {
      if (record.type === EventType.PARTICIPATION_CREATED && record.programYearId === programYearId && record.companyId) {
        companies.add(record.companyId);
      }
    },
  };
}
