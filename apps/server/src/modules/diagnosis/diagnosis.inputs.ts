import { DiagnosisKind } from '@ecohub/domain';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../../core/idempotency/idempotency.ts';
import { LocalDate } from '../../core/graphql/scalars.ts';

@InputType()
export class DiagnosisFilter {
  @Field(() => ID, { nullable: true })
  companyId?: string | null;

  @Field(() => ID, { nullable: true })
  participationId?: string | null;

  @Field(() => DiagnosisKind, { nullable: true })
  kind?: DiagnosisKind | null;
}

/** Annual inputs and outputs measured on site; all optional, none negative. */
@InputType()
class DiagnosisQuantitiesInput {
  @Field(() => Float, { nullable: true })
  electricityKwhPerYear?: number | null;

  @Field(() => Float, { nullable: true })
  lngNm3PerYear?: number | null;

  @Field(() => Float, { nullable: true })
  waterM3PerYear?: number | null;

  @Field(() => Float, { nullable: true })
  rawMaterialsTPerYear?: number | null;

  @Field(() => Float, { nullable: true })
  wasteTPerYear?: number | null;

  @Field(() => Float, { nullable: true })
  wastewaterM3PerYear?: number | null;

  @Field(() => ID, { nullable: true, description: 'The expert who led the diagnosis' })
  leadExpertId?: string | null;
}

@InputType()
export class CreateDiagnosisInput extends DiagnosisQuantitiesInput {
  @Field(() => ID)
  participationId!: string;

  @Field(() => DiagnosisKind)
  kind!: DiagnosisKind;

  @Field(() => LocalDate)
  conductedOn!: string;

  @Field(() => String, { description: 'The processes examined on site' })
  processesExamined!: string;

  @Field(() => String)
  findings!: string;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Omitted fields stay as they are; null clears a quantity or the lead expert' })
export class UpdateDiagnosisInput extends DiagnosisQuantitiesInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version being edited' })
  version!: number;

  @Field(() => DiagnosisKind, { nullable: true })
  kind?: DiagnosisKind | null;

  @Field(() => LocalDate, { nullable: true })
  conductedOn?: string | null;

  @Field(() => String, { nullable: true })
  processesExamined?: string | null;

  @Field(() => String, { nullable: true })
  findings?: string | null;
}
