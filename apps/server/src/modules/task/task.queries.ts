import { TASK_STATUSES, TaskStatus } from '@ecohub/domain';
import { raw, type EntityManager } from '@mikro-orm/postgresql';
import { programToday } from '../../core/calendar.ts';
import { containsPattern, findRecord } from '../../core/database/records.ts';
import { badInput } from '../../core/errors.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { assertFilterIds } from '../../core/graphql/id-filter.ts';
import { pageSize, type ConnectionShape, type PageArgs } from '../../core/graphql/pagination.ts';
import type { TaskFilter } from './task.inputs.ts';
import { Task } from './task.entity.ts';

/** Board order: columns in the domain's order, then rank within a column. */
const COLUMN_ORDER_SQL = `array_position(array[${TASK_STATUSES.map((s) => `'${s}'`).join(', ')}]::text[], t.status::text)`;

export async function taskWhere(ctx: UnitOfWork, filter: TaskFilter | null | undefined): Promise<Record<string, unknown>> {
  assertFilterIds(filter, ['companyId', 'measureId', 'assigneeId']);
  const f = filter ?? {};
  const today = programToday();
  return {
    archivedAt: null,
    ...(f.companyId ? { company: f.companyId } : {}),
    ...(f.measureId ? { measure: f.measureId } : {}),
    ...(f.assigneeId ? { assignees: f.assigneeId } : {}),
    ...(f.search?.trim() ? { title: { $ilike: containsPattern(f.search) } } : {}),
    $and: [
      // The viewer's scope stays its own condition: a companyId filter must narrow it, never replace it.
      await ctx.access.companyFilter('work'),
      f.status ? { status: f.status } : {},
      f.dueBefore ? { dueOn: { $lt: f.dueBefore } } : {},
      f.overdue === true ? { dueOn: { $lt: today }, status: { $ne: TaskStatus.DONE } } : {},
      f.overdue === false ? { $or: [{ dueOn: null }, { dueOn: { $gte: today } }, { status: TaskStatus.DONE }] } : {},
    ],
  };
}

type Cursor = [number, string, string];

function decode(cursor: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 3 && typeof value[0] === 'number' && typeof value[1] === 'string' && typeof value[2] === 'string') {
      return value as Cursor;
    }
  } catch {
    // reported below
  }
  throw badInput('The pagination cursor is not valid; start again from the first page');
}

function encode(task: Task): string {
  const cursor: Cursor = [TASK_STATUSES.indexOf(task.status) + 1, task.rank, task.id];
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** Keyset pagination in board order (column, rank, id): one indexed range per page, stable under moves elsewhere. */
export async function pageOfTasks(em: EntityManager, where: Record<string, unknown>, page: PageArgs): Promise<ConnectionShape<Task>> {
  const limit = pageSize(page.first);
  const qb = em.createQueryBuilder(Task, 't').select('t.*').where(where as never);
  if (page.after) qb.andWhere(`(${COLUMN_ORDER_SQL}, t.rank, t.id) > (?, ?, ?)`, decode(page.after));
  qb.orderBy([{ [raw(COLUMN_ORDER_SQL)]: 'asc' }, { rank: 'asc' }, { id: 'asc' }] as never).limit(limit + 1);
  const [rows, totalCount] = await Promise.all([qb.getResultList(), em.count(Task, where as never)]);
  const edges = rows.slice(0, limit).map((node) => ({ node, cursor: encode(node) }));
  return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}

export async function listTasks(ctx: UnitOfWork, filter: TaskFilter | null | undefined, page: PageArgs) {
  return pageOfTasks(ctx.em, await taskWhere(ctx, filter), page);
}

export async function listMyTasks(ctx: UnitOfWork, filter: TaskFilter | null | undefined, page: PageArgs) {
  const viewer = ctx.access.requireViewer();
  return pageOfTasks(ctx.em, await taskWhere(ctx, { ...filter, assigneeId: viewer.personId }), page);
}

export async function getTask(ctx: UnitOfWork, id: string): Promise<Task> {
  const task = await findRecord(ctx.em, Task, id, 'Task');
  await ctx.access.assertCanSeeCompany('work', task.company.id, 'Task', id);
  return task;
}
