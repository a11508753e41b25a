import { FollowUpOutcome } from '@ecohub/domain';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDate, SafeInt } from '../../core/graphql/scalars.ts';

@InputType()
export class FollowUpFilter {
  @Field(() => ID, { nullable: true })
  programYearId?: string | null;

  @Field(() => ID, { nullable: true })
  companyId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: not answered yet; false: answered' })
  open?: boolean | null;
}

@InputType()
export class FollowUpAnswerInput {
  @Field(() => ID)
  measureId!: string;

  @Field(() => FollowUpOutcome)
  outcome!: FollowUpOutcome;

  @Field(() => String, { nullable: true, description: 'Required when NOT_IMPLEMENTED' })
  reason?: string | null;

  @Field(() => SafeInt, { nullable: true })
  actualInvestmentKrw?: number | null;

  @Field(() => SafeInt, { nullable: true })
  actualAnnualSavingsKrw?: number | null;

  @Field(() => LocalDate, { nullable: true })
  implementedOn?: string | null;
}

@InputType()
export class SubmitFollowUpInput {
  @Field(() => ID)
  requestId!: string;

  @Field(() => Int, { nullable: true, description: 'When given, the answers apply only to this version of the request (answers about different measures never conflict)' })
  version?: number | null;

  @Field(() => [FollowUpAnswerInput])
  answers!: FollowUpAnswerInput[];
}

@InputType()
export class VerifyFollowUpAnswerInput {
  @Field(() => ID)
  answerId!: string;

  @Field(() => SafeInt, { nullable: true, description: 'Default: what the company reported' })
  verifiedInvestmentKrw?: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'Default: what the company reported' })
  verifiedAnnualSavingsKrw?: number | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
