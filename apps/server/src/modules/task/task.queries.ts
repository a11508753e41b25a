import { TASK_STATUSES } from '@ecohub/domain';
import { raw, type EntityManager } from '@mikro-orm/postgresql';
import { preparedRead } from '../../core/database/prepared-read.ts';
import { containsPattern, findRecord } from '../../core/database/records.ts';
import { scopedSelect } from '../../core/database/scoped-select.ts';
import { badInput } from '../../core/errors.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import type { SqlCondition } from '../../core/auth/visibility.ts';
import { assertFilterIds } from '../../core/graphql/id-filter.ts';
import type { Selection } from '../../core/graphql/look-ahead.ts';
import { edgesOf, pageSize, type ConnectionShape, type PageArgs } from '../../core/graphql/pagination.ts';
import { columnValuesSql, pageStatement, plainColumns, preload, rowOf, type PagePlanSpec, type PlainColumn } from '../../core/graphql/planned-read.ts';
import { Company } from '../company/company.entity.ts';
import { Measure } from '../measure/index.ts';
import { Person } from '../people/person.entity.ts';
import type { TaskFilter } from './task.inputs.ts';
import { overdueTaskSql } from './task-overdue.sql.ts';
import { Task } from './task.entity.ts';

/**
 * Board order: columns in the domain's order, then rank within a column. The index
 * `task_board_order_index` (migration 20261206192600) holds this exact expression: a company's
 * page is then read from the index in order, without a sort. Change both together.
 */
const COLUMN_ORDER_SQL = `array_position(array[${TASK_STATUSES.map((s) => `'${s}'`).join(', ')}]::text[], t.status::text)`;

export async function taskWhere(ctx: UnitOfWork, filter: TaskFilter | null | undefined): Promise<Record<string, unknown>> {
  assertFilterIds(filter, ['companyId', 'measureId', 'assigneeId']);
  const f = filter ?? {};
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
      // One definition of "overdue" (task-overdue.sql.ts), with the as-of day of recorded years.
      f.overdue === true ? { [raw((alias: string) => overdueTaskSql(alias))]: [] } : {},
      f.overdue === false ? { [raw((alias: string) => `not coalesce(${overdueTaskSql(alias)}, false)`)]: [] } : {},
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

function encode(task: Pick<Task, 'status' | 'rank' | 'id'>): string {
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
  const edges = edgesOf(rows.slice(0, limit), encode);
  return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}

/** What a task page selects, planned into one statement; null when a selected field needs entities. */
interface TaskPagePlan {
  task: PlainColumn[];
  relations: { field: keyof typeof TO_ONE; table: string; foreignKey: string; columns: PlainColumn[] }[];
  assignees: PlainColumn[] | null;
  commentCount: boolean;
  totalCount: boolean;
}

/** Read for the cursor, `isOverdue` and `allowedNextStatuses`, whatever the page selects. */
const ALWAYS = ['id', 'status', 'rank', 'dueOn', 'asOfOn', 'archivedAt'];
const TO_ONE = { company: Company, measure: Measure, createdBy: Person, lastEditedBy: Person } as const;

/** What a task read elsewhere (a notification's task) may plan without entities: the resolvers of these fields honour planned rows. */
export const TASK_PLAN: PagePlanSpec = { relations: TO_ONE, rowFields: { isOverdue: ALWAYS, allowedNextStatuses: ALWAYS } };

function planTaskPage(em: EntityManager, connection: Selection): TaskPagePlan | null {
  const node = new Map(connection.get('edges')?.get('node') ?? []);
  const meta = em.getMetadata().get(Task);
  const plan: Omit<TaskPagePlan, 'task'> = { relations: [], assignees: null, commentCount: node.delete('commentCount'), totalCount: connection.has('totalCount') };
  node.delete('isOverdue');
  node.delete('allowedNextStatuses');
  for (const [field, type] of Object.entries(TO_ONE) as [keyof typeof TO_ONE, (typeof TO_ONE)[keyof typeof TO_ONE]][]) {
    const below = node.get(field);
    if (below === undefined) continue;
    const columns = below && plainColumns(em, type, below);
    if (!columns) return null;
    plan.relations.push({ field, table: em.getMetadata().get<object>(type).tableName, foreignKey: meta.properties[field].fieldNames[0]!, columns });
    node.delete(field);
  }
  const assignees = node.get('assignees');
  if (assignees !== undefined) {
    // The name orders the list, selected or not.
    plan.assignees = assignees && plainColumns(em, Person, assignees, ['id', 'name']);
    if (!plan.assignees) return null;
    node.delete('assignees');
  }
  const task = plainColumns(em, Task, node, ALWAYS);
  return task && { ...plan, task };
}

const koreanOrder = new Intl.Collator('ko');

/** Assignees in name order (Korean collation), as the board lists them. */
export function byName<T extends { name: string }>(people: Iterable<T>): T[] {
  return [...people].sort((a, b) => koreanOrder.compare(a.name, b.name));
}

/**
 * A page of tasks as one statement shaped by the selection: the scoped filter, the keyset page,
 * the total and every selected relation and count built as JSON by PostgreSQL, no entities.
 * Each task is one positional array (see `columnValuesSql`): its columns, then each selected
 * relation (an array or null), the assignees (arrays, or null for none), the comment count.
 */
async function plannedStatement(ctx: UnitOfWork, where: Record<string, unknown>, page: PageArgs, plan: TaskPagePlan): Promise<SqlCondition> {
  const scoped = scopedSelect(ctx.em, Task, 't', where);
  const values = [columnValuesSql(plan.task, 't')];
  const params: unknown[] = [];
  for (const relation of plan.relations) {
    values.push(`(select json_build_array(${columnValuesSql(relation.columns, 'r')}) from "${relation.table}" r where r.id = t."${relation.foreignKey}")`);
  }
  if (plan.assignees) {
    const pivot = ctx.em.getMetadata().get(Task).properties.assignees;
    values.push(`(select json_agg(json_build_array(${columnValuesSql(plan.assignees, 'p')})) from "${pivot.pivotTable}" a
      join person p on p.id = a."${pivot.inverseJoinColumns[0]}" where a."${pivot.joinColumns[0]}" = t.id)`);
  }
  if (plan.commentCount) {
    // Shaped for the partial index on live comments (migration 20261206192600): counted from the index alone.
    const readable = await ctx.access.sqlCommentCondition('comment');
    values.push(`(select count(*) from comment where comment.task_id = t.id and comment.deleted_at is null and ${readable.sql})`);
    params.push(...readable.params);
  }
  return pageStatement({
    scoped,
    alias: 't',
    after: page.after ? { sql: `(${COLUMN_ORDER_SQL}, t.rank, t.id) > (?, ?, ?)`, params: decode(page.after) } : null,
    order: `${COLUMN_ORDER_SQL}, t.rank, t.id`,
    // The page's order computed once and named, so the rows leave the board-order index already in the aggregate's order.
    pageColumns: `${COLUMN_ORDER_SQL} as board_column`,
    rowOrder: 't.board_column, t.rank, t.id',
    fetch: pageSize(page.first) + 1,
    total: plan.totalCount,
    row: { sql: `json_build_array(${values.join(', ')})`, params },
  });
}

/** The planned statement of a task page, or null when the selection needs entities (tests check which indexes serve it). */
export async function taskPageStatement(ctx: UnitOfWork, filter: TaskFilter | null | undefined, page: PageArgs, selection: Selection): Promise<SqlCondition | null> {
  const plan = planTaskPage(ctx.em, selection);
  return plan && plannedStatement(ctx, await taskWhere(ctx, filter), page, plan);
}

async function plannedPageOfTasks(ctx: UnitOfWork, where: Record<string, unknown>, page: PageArgs, plan: TaskPagePlan): Promise<ConnectionShape<Task>> {
  const limit = pageSize(page.first);
  const statement = await plannedStatement(ctx, where, page, plan);
  const [result] = await preparedRead<{ total: number; rows: unknown[][] }>(ctx.em, statement.sql, statement.params);
  const rows = result!.rows;
  const nodes = rows.slice(0, limit).map((row) => {
    const task = rowOf<Pick<Task, 'id' | 'status' | 'rank'>>(plan.task, row);
    let at = plan.task.length;
    const related: Record<string, unknown> = {};
    for (const relation of plan.relations) {
      const value = row[at++] as unknown[] | null;
      related[relation.field] = value && rowOf(relation.columns, value);
    }
    const assignees = plan.assignees;
    if (assignees) {
      const people = (row[at++] as unknown[][] | null) ?? [];
      related.assignees = byName(people.map((person) => rowOf<{ name: string }>(assignees, person)));
    }
    if (plan.commentCount) related.commentCount = row[at];
    return preload(task as Task, related);
  });
  const edges = edgesOf(nodes, encode);
  return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: result!.total };
}

async function readPage(ctx: UnitOfWork, where: Record<string, unknown>, page: PageArgs, selection?: Selection) {
  const plan = selection && planTaskPage(ctx.em, selection);
  return plan ? plannedPageOfTasks(ctx, where, page, plan) : pageOfTasks(ctx.em, where, page);
}

/** `selection`: what the operation selects on the connection (look-ahead); without it, entities. */
export async function listTasks(ctx: UnitOfWork, filter: TaskFilter | null | undefined, page: PageArgs, selection?: Selection) {
  return readPage(ctx, await taskWhere(ctx, filter), page, selection);
}

export async function listMyTasks(ctx: UnitOfWork, filter: TaskFilter | null | undefined, page: PageArgs, selection?: Selection) {
  const viewer = ctx.access.requireViewer();
  return readPage(ctx, await taskWhere(ctx, { ...filter, assigneeId: viewer.personId }), page, selection);
}

export async function getTask(ctx: UnitOfWork, id: string): Promise<Task> {
  const task = await findRecord(ctx.em, Task, id, 'Task');
  await ctx.access.assertCanSeeCompany('work', task.company.id, 'Task', id);
  return task;
}
