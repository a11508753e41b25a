import { TaskPriority, TaskStatus } from '@ecohub/domain';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { LocalDate } from '../../core/graphql/scalars.ts';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../../core/idempotency/idempotency.ts';

@InputType()
export class TaskFilter {
  @Field(() => ID, { nullable: true })
  companyId?: string | null;

  @Field(() => ID, { nullable: true })
  measureId?: string | null;

  @Field(() => TaskStatus, { nullable: true })
  status?: TaskStatus | null;

  @Field(() => ID, { nullable: true, description: 'Ignored by myTasks' })
  assigneeId?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Due strictly before this day' })
  dueBefore?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only overdue (due before today in Korea, not done)' })
  overdue?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Words in the title (case-insensitive)' })
  search?: string | null;
}

@InputType()
export class CreateTaskInput {
  @Field(() => ID)
  companyId!: string;

  @Field(() => ID, { nullable: true, description: 'A measure of the same company' })
  measureId?: string | null;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => TaskStatus, { nullable: true, description: 'Default TODO; the task goes to the end of that column' })
  status?: TaskStatus | null;

  @Field(() => TaskPriority, { nullable: true, description: 'Default MEDIUM' })
  priority?: TaskPriority | null;

  @Field(() => LocalDate, { nullable: true })
  dueOn?: string | null;

  @Field(() => [ID], { nullable: true, description: "The company's staff or experts of its team" })
  assigneeIds?: string[] | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;
}

/** Omitted fields stay as they are; null clears description, due date and measure. */
@InputType()
export class UpdateTaskInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version being edited' })
  version!: number;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => TaskPriority, { nullable: true })
  priority?: TaskPriority | null;

  @Field(() => LocalDate, { nullable: true })
  dueOn?: string | null;

  @Field(() => ID, { nullable: true })
  measureId?: string | null;
}

@ArgsType()
export class MoveTaskArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => TaskStatus, { description: 'The target column (the same status to reorder)' })
  status!: TaskStatus;

  @Field(() => ID, { nullable: true, description: 'The card it goes right after (above it); omit both for the end' })
  afterId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The card it goes right before (below it)' })
  beforeId?: string | null;

  @Field(() => Int)
  version!: number;
}
