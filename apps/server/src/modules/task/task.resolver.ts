import { allowedNext, isOverdue, taskMachine, TaskStatus } from '@ecohub/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { sqlUuidArray } from '../../core/auth/access.ts';
import { programToday } from '../../core/calendar.ts';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { byKeys, loader } from '../../core/graphql/loaders.ts';
import { lookAhead } from '../../core/graphql/look-ahead.ts';
import { preloaded } from '../../core/graphql/planned-read.ts';
import { PageArgs } from '../../core/graphql/pagination.ts';
import { Company } from '../company/company.entity.ts';
import { Measure } from '../measure/index.ts';
import { Person } from '../people/person.entity.ts';
import { LAST_EDITED_BY_DESCRIPTION, lastEditor } from '../people/index.ts';
import { CreateTaskInput, MoveTaskArgs, TaskFilter, UpdateTaskInput } from './task.inputs.ts';
import { Task } from './task.entity.ts';
import { byName, getTask, listMyTasks, listTasks } from './task.queries.ts';
import { archiveTask, createTask, updateTask } from './task.service.ts';
import { assignTask, unassignTask } from './task-assign.service.ts';
import { moveTask } from './task-move.service.ts';
import { TaskConnection } from './task.types.ts';

@Resolver(() => Task)
export class TaskResolver {
  @Query(() => TaskConnection, { description: 'Tasks the viewer may see, in board order (column, then rank)' })
  tasks(
    @Arg('filter', () => TaskFilter, { nullable: true }) filter: TaskFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listTasks(ctx, filter, page, lookAhead(info));
  }

  @Query(() => TaskConnection, { description: "The signed-in person's assigned tasks, in board order" })
  myTasks(
    @Arg('filter', () => TaskFilter, { nullable: true }) filter: TaskFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listMyTasks(ctx, filter, page, lookAhead(info));
  }

  @Query(() => Task)
  task(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Task> {
    return getTask(ctx, id);
  }

  @Mutation(() => Task, { description: 'The new card goes to the end of its column' })
  createTask(@Arg('input', () => CreateTaskInput) input: CreateTaskInput, @Ctx() ctx: GraphQLContext): Promise<Task> {
    return createTask(ctx, input);
  }

  @Mutation(() => Task, { description: 'Title, description, priority, due date, measure; status changes go through moveTask' })
  updateTask(@Arg('input', () => UpdateTaskInput) input: UpdateTaskInput, @Ctx() ctx: GraphQLContext): Promise<Task> {
    return updateTask(ctx, input);
  }

  @Mutation(() => Task, { description: 'Moves a card to a column and between two cards; staff only their own cards' })
  moveTask(@Args(() => MoveTaskArgs) args: MoveTaskArgs, @Ctx() ctx: GraphQLContext): Promise<Task> {
    return moveTask(ctx, args);
  }

  @Mutation(() => Task, { description: "Adds an assignee (the company's staff or an expert of its team) and notifies them" })
  assignTask(
    @Arg('taskId', () => ID) taskId: string,
    @Arg('personId', () => ID) personId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Task> {
    return assignTask(ctx, taskId, personId);
  }

  @Mutation(() => Task)
  unassignTask(
    @Arg('taskId', () => ID) taskId: string,
    @Arg('personId', () => ID) personId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Task> {
    return unassignTask(ctx, taskId, personId);
  }

  @Mutation(() => Task, { description: 'Removes the card from the board (kept for history)' })
  archiveTask(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Task> {
    return archiveTask(ctx, id, version);
  }

  @FieldResolver(() => Company)
  company(@Root() task: Task): Company | Promise<Company> {
    return preloaded<Company>(task, 'company') ?? task.company.load({ dataloader: true }) as Promise<Company>;
  }

  @FieldResolver(() => Measure, { nullable: true })
  async measure(@Root() task: Task): Promise<Measure | null> {
    const planned = preloaded<Measure | null>(task, 'measure');
    if (planned !== undefined) return planned;
    return task.measure ? ((await task.measure.load({ dataloader: true })) ?? null) : null;
  }

  @FieldResolver(() => [Person])
  async assignees(@Root() task: Task): Promise<Person[]> {
    return preloaded<Person[]>(task, 'assignees') ?? byName(await task.assignees.load({ dataloader: true }));
  }

  @FieldResolver(() => Person, { nullable: true })
  async createdBy(@Root() task: Task): Promise<Person | null> {
    const planned = preloaded<Person | null>(task, 'createdBy');
    if (planned !== undefined) return planned;
    return task.createdBy ? ((await task.createdBy.load({ dataloader: true })) ?? null) : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: LAST_EDITED_BY_DESCRIPTION })
  lastEditedBy(@Root() task: Task, @Ctx() ctx: GraphQLContext): Promise<Person | null> {
    return lastEditor(task, ctx);
  }

  @FieldResolver(() => Boolean, { description: 'Due before today (Korea time), or before asOfOn for a recorded task, and not done' })
  isOverdue(@Root() task: Task): boolean {
    return isOverdue(task, programToday());
  }

  @FieldResolver(() => [TaskStatus], { description: 'Columns moveTask accepts from here' })
  allowedNextStatuses(@Root() task: Task): readonly TaskStatus[] {
    return task.archivedAt ? [] : allowedNext(taskMachine, task.status);
  }
}

@Resolver(() => Measure)
export class MeasureTasksResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Open (not archived) tasks under this measure that the viewer may see; null for viewers who may not see tasks (observers: hidden, not zero)',
  })
  async tasksCount(@Root() measure: Measure, @Ctx() ctx: GraphQLContext): Promise<number | null> {
    if (!(await ctx.access.canSeeCompany('work', measure.company.id))) return null;
    return loader<number>(ctx.loaders, 'measure.tasksCount', async (ids) => {
      const scope = await ctx.access.sqlCompanyCondition('work', 'company_id');
      const rows = await ctx.em.execute<{ measure_id: string; count: string }[]>(
        `select measure_id, count(*) as count from task
          where measure_id = any(?::uuid[]) and archived_at is null and ${scope.sql}
          group by measure_id`,
        [sqlUuidArray(ids), ...scope.params],
      );
      return byKeys(ids, new Map(rows.map((row) => [row.measure_id, Number(row.count)])), 0);
    }).load(measure.id);
  }
}
