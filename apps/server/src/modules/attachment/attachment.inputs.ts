import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'The record the files hang on (any one, or none for all visible files)' })
export class AttachmentFilter {
  @Field(() => ID, { nullable: true })
  diagnosisId?: string | null;

  @Field(() => ID, { nullable: true })
  measureId?: string | null;

  @Field(() => ID, { nullable: true })
  taskId?: string | null;

  @Field(() => ID, { nullable: true })
  commentId?: string | null;
}
