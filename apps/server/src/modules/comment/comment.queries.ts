import { findRecord } from '../../core/database/records.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { paginate, type PageArgs } from '../../core/graphql/pagination.ts';
import { Task } from '../task/index.ts';
import { Comment } from './comment.entity.ts';

/**
 * A task's thread, oldest first. The visibility filter is part of the query, so staff never
 * receive an internal comment, not even as a count or a cursor. Deleted comments keep their
 * place (their body is hidden by the resolver).
 */
export async function listComments(ctx: UnitOfWork, taskId: string, page: PageArgs) {
  const task = await findRecord(ctx.em, Task, taskId, 'Task');
  await ctx.access.assertCanSeeCompany('comments', task.company.id, 'Task', taskId);
  return paginate(ctx.em, Comment, { task: task.id, visibility: { $in: ctx.access.commentVisibilities() } }, page, 'createdAt');
}
