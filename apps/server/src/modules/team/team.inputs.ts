import { Specialty } from '@ecohub/domain';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../../core/idempotency/idempotency.ts';

@InputType()
export class CreateExpertTeamInput {
  @Field(() => ID)
  programYearId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the team concentrates on, e.g. plating wastewater' })
  focus?: string | null;

  @Field(() => ID, { nullable: true, description: 'An expert who leads the team' })
  leadId?: string | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Omitted fields stay as they are; null clears focus or lead' })
export class UpdateExpertTeamInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version being edited' })
  version!: number;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  focus?: string | null;

  @Field(() => ID, { nullable: true })
  leadId?: string | null;
}

@InputType()
export class AddTeamMemberInput {
  @Field(() => ID)
  teamId!: string;

  @Field(() => ID, { description: 'An expert' })
  personId!: string;

  @Field(() => Specialty, { nullable: true, description: 'What the person brings to this team' })
  specialty?: Specialty | null;
}

@InputType()
export class RemoveTeamMemberInput {
  @Field(() => ID)
  teamId!: string;

  @Field(() => ID)
  personId!: string;
}
