import { FundingSource } from '@ecohub/domain';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../../core/idempotency/idempotency.ts';
import { LocalDate, SafeInt } from '../../core/graphql/scalars.ts';

@InputType()
export class CreateProgramInput {
  @Field(() => String)
  nameKo!: string;

  @Field(() => String)
  nameEn!: string;

  @Field(() => String)
  region!: string;

  @Field(() => ID, { description: 'The host firm (주관기업) that runs the program' })
  hostOrganizationId!: string;

  @Field(() => Int)
  durationYears!: number;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Omitted fields stay as they are' })
export class UpdateProgramInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version being edited' })
  version!: number;

  @Field(() => String, { nullable: true })
  nameKo?: string | null;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field(() => ID, { nullable: true })
  hostOrganizationId?: string | null;

  @Field(() => Int, { nullable: true })
  durationYears?: number | null;

  @Field(() => String, { nullable: true, description: 'null clears it' })
  description?: string | null;
}

@InputType()
export class CreateProgramYearInput {
  @Field(() => ID)
  programId!: string;

  @Field(() => Int, { description: '1 to the program’s durationYears' })
  number!: number;

  @Field(() => LocalDate)
  startsOn!: string;

  @Field(() => LocalDate)
  endsOn!: string;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Omitted fields stay as they are' })
export class UpdateProgramYearInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version being edited' })
  version!: number;

  @Field(() => LocalDate, { nullable: true })
  startsOn?: string | null;

  @Field(() => LocalDate, { nullable: true })
  endsOn?: string | null;
}

@InputType({ description: "A year's targets, shown on the board against the actuals; null clears one" })
export class SetProgramYearTargetsInput {
  @Field(() => ID)
  programYearId!: string;

  @Field(() => Int, { description: 'The version being edited' })
  version!: number;

  @Field(() => SafeInt, { nullable: true, description: 'Expected annual savings (KRW, ≥ 0)' })
  savingsKrw?: number | null;

  @Field(() => Float, { nullable: true, description: 'Greenhouse-gas reduction (tCO2e per year, ≥ 0)' })
  ghgTco2e?: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of measures implemented (0–1)' })
  implementationRate?: number | null;
}

@InputType({ description: "Creates or updates a year's budget line for one funding source" })
export class SetBudgetLineInput {
  @Field(() => ID)
  programYearId!: string;

  @Field(() => FundingSource)
  source!: FundingSource;

  @Field(() => SafeInt, { description: 'Planned amount in KRW' })
  plannedKrw!: number;

  @Field(() => SafeInt, { nullable: true, description: 'Spent so far in KRW; omitted keeps it (0 for a new line)' })
  spentKrw?: number | null;

  @Field(() => String, { nullable: true })
  label?: string | null;

  @Field(() => ID, { nullable: true, description: 'The sponsor behind this source' })
  organizationId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Required when the line exists: the version being edited' })
  version?: number | null;
}
