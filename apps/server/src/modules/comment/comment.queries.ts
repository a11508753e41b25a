import { findRecord } from '../../core/database/records.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import type { Selection } from '../../core/graphql/look-ahead.ts';
import type { PageArgs } from '../../core/graphql/pagination.ts';
import { selectedPage, type PagePlanSpec } from '../../core/graphql/planned-read.ts';
import { Person } from '../people/person.entity.ts';
import { Task } from '../task/index.ts';
import { Comment } from './comment.entity.ts';

/**
 * A task's thread, oldest first. The visibility filter is part of the query, so staff never
 * receive an internal comment, not even as a count or a cursor. Deleted comments keep their
 * place (their body is hidden by the resolver).
 */
export async function listComments(ctx: UnitOfWork, taskId: string, page: PageArgs, selection?: Selection) {
  const task = await findRecord(ctx.em, Task, taskId, 'Task');
  await ctx.access.assertCanSeeCompany('comments', task.company.id, 'Task', taskId);
  const where = { task: task.id, visibility: { $in: ctx.access.commentVisibilities() } };
  return selectedPage(ctx.em, Comment, where, page, 'createdAt', selection, COMMENT_PAGE);
}

/** What a thread page may read without entities: the resolvers of these fields honour planned rows. */
export const COMMENT_PAGE: PagePlanSpec = { relations: { author: Person, task: Task }, rowFields: { body: ['body', 'deletedAt'] } };
