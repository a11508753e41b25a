import { EmissionFactorKind, MeasureCategory, MeasureStatus, ScreeningClass } from '@ecohub/domain';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../../core/idempotency/idempotency.ts';
import { LocalDate, SafeInt } from '../../core/graphql/scalars.ts';

@InputType()
export class MeasureFilter {
  @Field(() => ID, { nullable: true })
  programYearId?: string | null;

  @Field(() => ID, { nullable: true })
  companyId?: string | null;

  @Field(() => MeasureCategory, { nullable: true })
  category?: MeasureCategory | null;

  @Field(() => MeasureStatus, { nullable: true })
  status?: MeasureStatus | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Words in the title (case-insensitive)' })
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Include archived measures (default false)' })
  includeArchived?: boolean | null;
}

/** Fields a measure's author edits; omitted fields are left as they are, null clears optional ones. */
@InputType()
export class MeasureFieldsInput {
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'An expert of the company team, its staff or a manager' })
  ownerId?: string | null;

  @Field(() => SafeInt, { nullable: true })
  investmentKrw?: number | null;

  @Field(() => SafeInt, { nullable: true })
  expectedAnnualSavingsKrw?: number | null;

  @Field(() => Float, { nullable: true })
  electricityKwhPerYear?: number | null;

  @Field(() => Float, { nullable: true })
  lngNm3PerYear?: number | null;

  @Field(() => Float, { nullable: true })
  waterM3PerYear?: number | null;

  @Field(() => Float, { nullable: true })
  wasteTPerYear?: number | null;

  @Field(() => Float, { nullable: true })
  rawMaterialsTPerYear?: number | null;

  @Field(() => Float, { nullable: true })
  productivityGainPct?: number | null;

  @Field(() => Int, { nullable: true })
  technicalFeasibility?: number | null;

  @Field(() => Int, { nullable: true })
  economicFeasibility?: number | null;

  @Field(() => Int, { nullable: true })
  environmentalFeasibility?: number | null;

  @Field(() => ScreeningClass, { nullable: true })
  screeningClass?: ScreeningClass | null;

  @Field(() => ID, { nullable: true, description: 'Default: the factor valid for the program year' })
  electricityFactorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Default: the factor valid for the program year' })
  lngFactorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Default: the factor valid for the program year' })
  waterFactorId?: string | null;
}

@InputType()
export class CreateMeasureInput extends MeasureFieldsInput {
  @Field(() => ID)
  companyId!: string;

  @Field(() => MeasureCategory)
  category!: MeasureCategory;

  @Field(() => String)
  title!: string;

  @Field(() => ID)
  programYearId!: string;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;
}

@InputType()
export class UpdateMeasureInput extends MeasureFieldsInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version being edited' })
  version!: number;

  @Field(() => MeasureCategory, { nullable: true })
  category?: MeasureCategory | null;

  @Field(() => String, { nullable: true })
  title?: string | null;
}

@ArgsType()
export class TransitionMeasureArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => MeasureStatus)
  to!: MeasureStatus;

  @Field(() => Int)
  version!: number;

  @Field(() => LocalDate, { nullable: true, description: 'For IMPLEMENTED: the day (default today, Korea time)' })
  on?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'For IMPLEMENTED: when to check again (default +6 months)' })
  followUpDueOn?: string | null;
}

@InputType()
export class MeasureFollowUpInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => LocalDate)
  checkedOn!: string;

  @Field(() => SafeInt, { nullable: true, description: 'The savings found at the check' })
  verifiedAnnualSavingsKrw?: number | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class CreateEmissionFactorInput {
  @Field(() => EmissionFactorKind)
  kind!: EmissionFactorKind;

  @Field(() => Int)
  validFromYear!: number;

  @Field(() => Int)
  validToYear!: number;

  @Field(() => Float)
  value!: number;

  @Field(() => String)
  source!: string;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
