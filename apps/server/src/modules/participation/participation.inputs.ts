import { ParticipationStatus } from '@ecohub/domain';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../../core/idempotency/idempotency.ts';
import { LocalDate, SafeInt } from '../../core/graphql/scalars.ts';

@InputType()
export class ParticipationFilter {
  @Field(() => ParticipationStatus, { nullable: true })
  status?: ParticipationStatus | null;

  @Field(() => ID, { nullable: true, description: 'Only companies assigned to this expert team' })
  teamId?: string | null;

  @Field(() => String, { nullable: true, description: "Part of the company's Korean or English name" })
  search?: string | null;
}

@InputType()
export class ApplyToProgramYearInput {
  @Field(() => ID)
  companyId!: string;

  @Field(() => ID)
  programYearId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Defaults to today (Korean calendar)' })
  appliedOn?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;
}

@InputType()
export class TransitionParticipationInput {
  @Field(() => ID)
  id!: string;

  @Field(() => ParticipationStatus, { description: 'One of the allowedNextStatuses' })
  to!: ParticipationStatus;

  @Field(() => LocalDate, { nullable: true, description: 'The date of the step; defaults to today (Korean calendar)' })
  on?: string | null;

  @Field(() => Int, { description: 'The version being edited' })
  version!: number;
}

@InputType()
export class AssignParticipationTeamInput {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: 'null takes the company off its team' })
  teamId?: string | null;

  @Field(() => Int, { description: 'The version being edited' })
  version!: number;
}

@InputType()
export class SetParticipationContributionInput {
  @Field(() => ID)
  id!: string;

  @Field(() => SafeInt, { description: "The company's own contribution, in KRW" })
  contributionKrw!: number;

  @Field(() => Int, { description: 'The version being edited' })
  version!: number;
}

@InputType({ description: "Carries one year's teams and continuing companies into a new, empty year of the same program" })
export class ContinueProgramYearInput {
  @Field(() => ID, { description: 'The new year: it must have no teams and no participations yet' })
  programYearId!: string;

  @Field(() => ID, { description: 'The year to continue from (same program, earlier number)' })
  fromYearId!: string;

  @Field(() => Boolean, { defaultValue: true, description: 'Copy the expert teams with their leads and members' })
  copyTeams!: boolean;

  @Field(() => Boolean, {
    defaultValue: true,
    description: 'Companies ACTIVE or COMPLETED in the earlier year start the new one SELECTED (on its first day), on the copied team',
  })
  continueCompanies!: boolean;
}
