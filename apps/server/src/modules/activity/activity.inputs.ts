import { Field, ID, InputType, ObjectType } from 'type-graphql';

@InputType()
export class ActivityFilter {
  @Field(() => String, { nullable: true, description: 'e.g. Participation, Company, Diagnosis, ProgramEvent' })
  entityType?: string | null;

  @Field(() => ID, { nullable: true, description: 'The history of one record' })
  entityId?: string | null;

  @Field(() => ID, { nullable: true })
  companyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'What one person did' })
  actorId?: string | null;
}

@ObjectType({ description: 'One changed field: its value before and after, as text (JSON for lists)' })
export class FieldChange {
  @Field(() => String)
  field!: string;

  @Field(() => String, { nullable: true })
  from!: string | null;

  @Field(() => String, { nullable: true })
  to!: string | null;
}
