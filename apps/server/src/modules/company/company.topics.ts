import { Field, ID, ObjectType } from 'type-graphql';
import { SafeInt } from '../../core/graphql/scalars.ts';
import { EventType, type RecordedPayload } from '../../core/realtime/event-types.ts';
import { liveTopic, type LiveTopic } from '../../core/realtime/live-topic.ts';
import type { OutboxScope } from '../../core/realtime/outbox-scope.ts';
import { SEQ_DESCRIPTION } from '../../core/realtime/resync.ts';
import { Company } from './company.entity.ts';

/** A company event carries only its history entry (the company is loaded on delivery). */
export type CompanyEventPayload = RecordedPayload;

declare module '../../core/realtime/event-types.ts' {
  interface EventPayloads {
    'company.updated': CompanyEventPayload;
  }
}

export const COMPANY_EVENTS = [EventType.COMPANY_UPDATED] as const;

@ObjectType({ description: "A company's own details changed (names, industry, address, contacts) or it was archived" })
export class CompanyChange {
  @Field(() => SafeInt, { description: SEQ_DESCRIPTION })
  seq!: number;

  @Field(() => ID)
  companyId!: string;

  @Field(() => Company, { description: 'The company as it is now' })
  company!: Company;
}

/**
 * Company events within a scope (one company, or a program year's companies): what every page
 * shows of the company, for who sees its results.
 * Loaded once per event; personal data (contacts) is shaped per viewer by the field resolvers.
 */
export function companyTopic(scope: OutboxScope): LiveTopic<CompanyChange> {
  return liveTopic('program-results', COMPANY_EVENTS, scope, async (record, records) => {
    const company = await records.load(record.seq, 'company', (em) => em.findOne(Company, record.entityId));
    return company && { seq: record.seq, companyId: company.id, company };
  });
}
