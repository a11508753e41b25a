import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { LocalDate } from '../../core/graphql/scalars.ts';

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

  @Field(() => LocalDate, { nullable: true, description: 'From this day on (program calendar, Asia/Seoul), inclusive' })
  from?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Up to this day (program calendar, Asia/Seoul), inclusive' })
  to?: string | null;
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
