// type-graphql's decorators need the metadata polyfill, and this file may be the first to use them.
import 'reflect-metadata';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import { LIMITS } from '@ecohub/domain';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { sqlFilter } from '../auth/access.ts';
import type { SqlCondition } from '../auth/visibility.ts';
import { badInput } from '../errors.ts';
import { isUuid } from '../ids.ts';

/** Relay cursor pagination: every list in the API is a connection. */
@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1–${LIMITS.pageSize} (default 50)` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page' })
  after?: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * An edge whose cursor is written when it is read: a page's cursors are base64 JSON, one per row,
 * and most pages select only `pageInfo.endCursor` (the task page spent 2.6% of its CPU on them).
 */
class LazyEdge<T> {
  #cursor: string | undefined;

  constructor(
    readonly node: T,
    private readonly cursorOf: (node: T) => string,
  ) {}

  get cursor(): string {
    return (this.#cursor ??= this.cursorOf(this.node));
  }
}

/** Edges of `nodes`, each cursor written by `cursorOf` only if something reads it. */
export function edgesOf<T>(nodes: readonly T[], cursorOf: (node: T) => string): { node: T; cursor: string }[] {
  return nodes.map((node) => new LazyEdge(node, cursorOf));
}

export function Connection<T extends object>(node: ClassType<T>, name = node.name) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}ConnectionBase`)
  abstract class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items matching the filters, across all pages' })
    totalCount!: number;
  }
  return ConnectionType;
}

export type SortValue = string | number | null;

export function encodeCursor(values: SortValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): SortValue[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // The last value is always the row's id, the tie-breaker: it goes into SQL as a uuid.
    if (Array.isArray(values) && values.length === length && typeof values.at(-1) === 'string' && isUuid(values.at(-1))) return values as SortValue[];
  } catch {
    // fall through to the error below
  }
  throw invalidCursor();
}

function invalidCursor() {
  return badInput('The pagination cursor is not valid; start again from the first page');
}

/** The sort key of a keyset page: a column of `table`, and whether it holds timestamps. */
export interface SortKey {
  table: string;
  column: string;
  timestamp: boolean;
}

/**
 * Rows after the cursor `(value, id)` in (sort, id) order, as SQL over a row aliased `alias`.
 * A cursor carries a timestamp in milliseconds (as JavaScript dates have it) while PostgreSQL
 * keeps microseconds, and rows written by one statement share one `now()`: compared with the
 * millisecond, they would repeat or be skipped. So the cursor's row lends its stored timestamp
 * while it still holds the cursor's millisecond, and ties go to the id; the cursor format (and
 * every cursor already handed out) stays as it was.
 */
export function keysetAfterSql(key: SortKey, descending: boolean, value: string | number, id: string, alias: string): SqlCondition {
  const op = descending ? '<' : '>';
  const column = `${alias}."${key.column}"`;
  if (!key.timestamp) return { sql: `(${column}, ${alias}.id) ${op} (?, ?)`, params: [value, id] };
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw invalidCursor();
  const exact = `coalesce((select k."${key.column}" from "${key.table}" k where k.id = ? and date_trunc('milliseconds', k."${key.column}") = ?::timestamptz), ?::timestamptz)`;
  return { sql: `(${column}, ${alias}.id) ${op} (${exact}, ?)`, params: [id, value, value, id] };
}

/** The sort key behind an entity's property, or null when it is not one plain column. */
export function sortKeyOf(em: EntityManager, entity: EntityName<object>, property: string): SortKey | null {
  const meta = em.getMetadata().get(entity);
  const prop = meta.properties[property as never] as { fieldNames?: string[]; columnTypes?: string[] } | undefined;
  const column = prop?.fieldNames?.length === 1 ? prop.fieldNames[0]! : null;
  return column ? { table: meta.tableName, column, timestamp: prop?.columnTypes?.[0]?.startsWith('timestamp') ?? false } : null;
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return 50;
  if (!Number.isInteger(first) || first < 1 || first > LIMITS.pageSize) {
    throw badInput(`first must be between 1 and ${LIMITS.pageSize}`, [
      { field: 'first', rule: 'outOfRange', message: `first must be between 1 and ${LIMITS.pageSize}` },
    ]);
  }
  return first;
}

export function sortValue(value: unknown): SortValue {
  if (value instanceof Date) return value.toISOString();
  if (value === null || value === undefined) return null;
  return value as string | number;
}

/**
 * Keyset pagination over `sort` (ascending, or descending when prefixed with `-`) then `id`:
 * stable under inserts, and each page is one indexed range scan rather than an OFFSET.
 */
export async function paginate<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  args: PageArgs,
  sort: string = 'id',
  options: { populate?: string[] } = {},
): Promise<ConnectionShape<T>> {
  const limit = pageSize(args.first);
  const descending = sort.startsWith('-');
  const field = descending ? sort.slice(1) : sort;
  const direction = descending ? 'desc' : 'asc';
  const op = descending ? '$lt' : '$gt';
  let pageWhere = where as Record<string, unknown>;
  if (args.after) {
    if (field === 'id') {
      const [id] = decodeCursor(args.after, 1);
      pageWhere = { $and: [where, { id: { [op]: id } }] };
    } else {
      const [value, id] = decodeCursor(args.after, 2) as [SortValue, string];
      const key = sortKeyOf(em, entity as EntityName<object>, field);
      if (value !== null && key) {
        pageWhere = { $and: [where, sqlFilter((alias) => keysetAfterSql(key, descending, value, id, alias))] };
      } else {
        // A null sort value follows the ORM's null ordering.
        pageWhere = { $and: [where, { $or: [{ [field]: { [op]: value } }, { [field]: value, id: { [op]: id } }] }] };
      }
    }
  }
  const orderBy = field === 'id' ? { id: direction } : { [field]: direction, id: direction };
  const [rows, totalCount] = await Promise.all([
    em.find(entity, pageWhere as FilterQuery<T>, {
      orderBy: orderBy as never,
      limit: limit + 1,
      populate: options.populate as never,
    }),
    em.count(entity, where),
  ]);
  const edges = edgesOf(rows.slice(0, limit), (node) =>
    encodeCursor(field === 'id' ? [node.id] : [sortValue((node as Record<string, unknown>)[field]), node.id]),
  );
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
