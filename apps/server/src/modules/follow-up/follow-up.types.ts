import { Field, ObjectType } from 'type-graphql';
import { Measure } from '../measure/index.ts';
import { FollowUpAnswer } from './follow-up.entity.ts';

@ObjectType({ description: 'One measure of a follow-up request and the answer about it, if any' })
export class FollowUpItem {
  @Field(() => Measure) measure!: Measure;
  @Field(() => FollowUpAnswer, { nullable: true }) answer!: FollowUpAnswer | null;
}
