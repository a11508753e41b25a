import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';

export const SearchKind = {
  COMPANY: 'COMPANY',
  TASK: 'TASK',
  MEASURE: 'MEASURE',
  DIAGNOSIS: 'DIAGNOSIS',
  COMMENT: 'COMMENT',
  PERSON: 'PERSON',
  EVENT: 'EVENT',
} as const;
export type SearchKind = (typeof SearchKind)[keyof typeof SearchKind];
registerEnumType(SearchKind, { name: 'SearchKind', description: 'What a search hit is' });

@ObjectType({ description: 'One record matching a search, with what the client needs to link to it' })
export class SearchHit {
  @Field(() => SearchKind)
  kind!: SearchKind;

  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The matching text: a name, a title, or a comment (shortened)' })
  title!: string;

  @Field(() => String, { nullable: true, description: "Where it belongs: the company's name, or the task of a comment" })
  context!: string | null;

  @Field(() => ID, { nullable: true })
  companyId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The task of a comment' })
  taskId!: string | null;

  @Field(() => Float, { description: 'Higher is better: whole match, then beginning, then earlier inside, then shorter' })
  score!: number;
}
