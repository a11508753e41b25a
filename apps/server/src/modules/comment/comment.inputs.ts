import { CommentVisibility } from '@ecohub/domain';
import { Field, ID, InputType } from 'type-graphql';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../../core/idempotency/idempotency.ts';

@InputType()
export class AddCommentInput {
  @Field(() => ID)
  taskId!: string;

  @Field(() => String, { description: 'Markdown; mention people as @[Name](person:ID)' })
  body!: string;

  @Field(() => CommentVisibility, { nullable: true, description: 'Default SHARED; INTERNAL is for experts and managers only' })
  visibility?: CommentVisibility | null;

  @Field(() => [ID], { nullable: true, description: 'Files uploaded as drafts for this comment (POST /attachments?draftTaskId=…); they become its files' })
  attachmentIds?: string[] | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;
}
