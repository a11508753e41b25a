import { EventKind } from '@ecohub/domain';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../../core/idempotency/idempotency.ts';
import { DateTime } from '../../core/graphql/scalars.ts';

@InputType()
export class EventFilter {
  @Field(() => EventKind, { nullable: true })
  kind?: EventKind | null;

  @Field(() => DateTime, { nullable: true, description: 'Events ending at or after this instant' })
  from?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'Events starting before this instant' })
  to?: Date | null;

  @Field(() => ID, { nullable: true, description: 'Events this company is invited to' })
  companyId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Include cancelled events (default false)' })
  includeCancelled?: boolean | null;
}

@InputType()
export class CreateEventInput {
  @Field(() => ID)
  programYearId!: string;

  @Field(() => EventKind)
  kind!: EventKind;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String)
  venue!: string;

  @Field(() => DateTime)
  startsAt!: Date;

  @Field(() => DateTime)
  endsAt!: Date;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Omitted fields stay as they are; null clears the description' })
export class UpdateEventInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version being edited' })
  version!: number;

  @Field(() => EventKind, { nullable: true })
  kind?: EventKind | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  venue?: string | null;

  @Field(() => DateTime, { nullable: true })
  startsAt?: Date | null;

  @Field(() => DateTime, { nullable: true })
  endsAt?: Date | null;
}

@InputType()
export class CancelEventInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version being cancelled' })
  version!: number;
}

@InputType()
export class InviteCompaniesInput {
  @Field(() => ID)
  eventId!: string;

  @Field(() => [ID], { description: 'Companies to add to the invitation list (already invited ones are kept)' })
  companyIds!: string[];
}

@InputType()
export class UninviteCompanyInput {
  @Field(() => ID)
  eventId!: string;

  @Field(() => ID)
  companyId!: string;
}

@InputType({ description: 'Either personId, or guestName (and guestAffiliation) for someone without an account' })
export class RecordAttendanceInput {
  @Field(() => ID)
  eventId!: string;

  @Field(() => ID, { nullable: true })
  personId?: string | null;

  @Field(() => String, { nullable: true })
  guestName?: string | null;

  @Field(() => String, { nullable: true })
  guestAffiliation?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'false records a registered person who did not come (default true)' })
  attended?: boolean | null;
}
