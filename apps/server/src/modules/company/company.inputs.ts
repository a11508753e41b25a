import { ParticipationStatus } from '@ecohub/domain';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../../core/idempotency/idempotency.ts';

@InputType()
export class CompanyFilter {
  @Field(() => String, { nullable: true, description: 'Part of the Korean or English name, or of the business number' })
  search?: string | null;

  @Field(() => String, { nullable: true })
  industrialComplex?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only companies taking part in this program year' })
  programYearId?: string | null;

  @Field(() => ParticipationStatus, { nullable: true, description: 'Only companies whose participation has this status' })
  status?: ParticipationStatus | null;

  @Field(() => Boolean, { nullable: true, description: 'Include archived companies (default false)' })
  includeArchived?: boolean | null;
}

/** The editable fields of a company, shared by create and update. */
@InputType()
class CompanyFieldsInput {
  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => String, { nullable: true })
  industrialComplex?: string | null;

  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => Int, { nullable: true })
  employees?: number | null;

  @Field(() => String, { nullable: true })
  ceoName?: string | null;

  @Field(() => String, { nullable: true })
  contactName?: string | null;

  @Field(() => String, { nullable: true })
  contactEmail?: string | null;

  @Field(() => String, { nullable: true })
  contactPhone?: string | null;
}

@InputType()
export class CreateCompanyInput extends CompanyFieldsInput {
  @Field(() => String)
  nameKo!: string;

  @Field(() => String, { description: 'Business registration number, XXX-XX-XXXXX or 10 digits' })
  businessNumber!: string;

  @Field(() => String, { description: 'KSIC industry code, e.g. 25921' })
  industryCode!: string;

  @Field(() => String)
  industryLabel!: string;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Omitted fields stay as they are; null clears an optional one' })
export class UpdateCompanyInput extends CompanyFieldsInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version being edited' })
  version!: number;

  @Field(() => String, { nullable: true })
  nameKo?: string | null;

  @Field(() => String, { nullable: true })
  businessNumber?: string | null;

  @Field(() => String, { nullable: true })
  industryCode?: string | null;

  @Field(() => String, { nullable: true })
  industryLabel?: string | null;
}

@InputType()
export class ArchiveCompanyInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version being archived' })
  version!: number;
}
