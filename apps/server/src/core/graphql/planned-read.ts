import { ReferenceKind, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { getMetadataStorage, type ClassType } from 'type-graphql';
import type { SqlCondition } from '../auth/visibility.ts';
import { preparedRead } from '../database/prepared-read.ts';
import { scopedSelect, type ScopedSelect } from '../database/scoped-select.ts';
import type { Selection } from './look-ahead.ts';
import { decodeCursor, edgesOf, encodeCursor, keysetAfterSql, pageSize, paginate, sortKeyOf, sortValue, type ConnectionShape, type PageArgs, type SortValue } from './pagination.ts';

/**
 * Selection-shaped reads: a list query that knows what the operation selects (look-ahead) asks
 * PostgreSQL for exactly those columns and relations as JSON in one statement, and hands the
 * resolvers plain rows instead of hydrated entities. Relations and counts read that way travel
 * with the row under a symbol; field resolvers return them when present and load them otherwise,
 * so a row read the ordinary way (a mutation's result, a detail) resolves exactly as before.
 */
const PRELOADED = Symbol('preloaded');

type WithPreloaded = { [PRELOADED]?: Record<string, unknown> };

export function preload<T extends object>(row: T, values: Record<string, unknown>): T {
  (row as WithPreloaded)[PRELOADED] = values;
  return row;
}

/** The value a planned read brought for `field`, or undefined when the row came from the ORM. */
export function preloaded<V>(root: object, field: string): V | undefined {
  return (root as WithPreloaded)[PRELOADED]?.[field] as V | undefined;
}

/**
 * The value a planned read brought for `field` (null included), returned as is, or `load()` for a
 * row that came from the ORM. No promise for planned rows: graphql-js then completes a page's
 * rows synchronously instead of awaiting every relation of every row.
 */
export function preloadedOr<V>(root: object, field: string, load: () => Promise<V>): V | Promise<V> {
  const planned = preloaded<V>(root, field);
  return planned !== undefined ? planned : load();
}

const resolvedFields = new Map<Function, Set<string>>();

/** GraphQL fields of a type answered by a field resolver (not a plain property of the row). */
function fieldsWithResolvers(type: ClassType): Set<string> {
  let names = resolvedFields.get(type);
  if (!names) {
    names = new Set(
      getMetadataStorage()
        .fieldResolvers.filter((resolver) => resolver.getObjectType?.() === type)
        .map((resolver) => resolver.schemaName),
    );
    resolvedFields.set(type, names);
  }
  return names;
}

export interface PlainColumn {
  property: string;
  column: string;
}

/**
 * The columns that answer `selection` on an entity type, or null when a selected field needs a
 * resolver (the read then falls back to entities). `always` names properties read regardless.
 */
export function plainColumns(
  em: EntityManager,
  type: ClassType,
  selection: Selection,
  always: readonly string[] = ['id'],
): PlainColumn[] | null {
  const meta = em.getMetadata().get(type);
  const resolved = fieldsWithResolvers(type);
  const wanted = new Set(always);
  for (const [name, below] of selection) {
    if (name === '__typename') continue;
    if (below !== null || resolved.has(name)) return null;
    wanted.add(name);
  }
  const columns: PlainColumn[] = [];
  for (const name of wanted) {
    const prop = meta.properties[name as never] as { kind: ReferenceKind; fieldNames: string[]; formula?: unknown; persist?: boolean } | undefined;
    if (!prop || prop.kind !== ReferenceKind.SCALAR || prop.formula || prop.persist === false || prop.fieldNames.length !== 1) return null;
    columns.push({ property: name, column: prop.fieldNames[0]! });
  }
  // json_build_object takes at most 100 arguments: 49 columns and the relations' key and object;
  // a positional row (json_build_array) then has room for the relations and counts it appends.
  return columns.length <= 49 ? columns : null;
}

/** `json_build_object('nameKo', c."name_ko", …)`: keys are the entity's property names, as resolvers read them. */
export function jsonObjectSql(columns: readonly PlainColumn[], alias: string): string {
  return `json_build_object(${columns.map((c) => `'${c.property}', ${alias}."${c.column}"`).join(', ')})`;
}

/**
 * `c."name_ko", c."id", …`: the columns as the first values of a positional row,
 * `json_build_array(…)`, read back by `rowOf`. PostgreSQL builds a positional row for about
 * three quarters of the CPU of the same keyed object (every key is one more argument it converts
 * on every row), and the hub parses fewer bytes.
 */
export function columnValuesSql(columns: readonly PlainColumn[], alias: string): string {
  return columns.map((c) => `${alias}."${c.column}"`).join(', ');
}

/** The row `columnValuesSql` listed, keyed by the entity's property names as resolvers read them. */
export function rowOf<T>(columns: readonly PlainColumn[], values: readonly unknown[]): T {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < columns.length; i++) row[columns[i]!.property] = values[i];
  return row as T;
}

/** A to-one relation a planned read may follow (see `PagePlanSpec`). */
export interface RelationPlanSpec {
  type: ClassType;
  /** What may be read below it without entities (its own relations and row fields). */
  spec?: PagePlanSpec;
  /**
   * When the related row is shown at all, as SQL over the row (`row`) and the related row
   * (`related`): the rule the field's resolver applies (visibility), else the field is null.
   */
  visible?: (row: string, related: string) => SqlCondition;
}

/** How a list's rows may be read without entities (see `plannedPage`). */
export interface PagePlanSpec {
  /** To-one relations (GraphQL field = the entity's property) whose resolvers return `preloaded(root, field)` first. */
  relations?: Record<string, ClassType | RelationPlanSpec>;
  /** Field resolvers that only read the row's own columns, and the properties they read. */
  rowFields?: Record<string, readonly string[]>;
}

/** The columns of one object and the relations read with it, each planned the same way. */
interface ObjectPlan {
  columns: PlainColumn[];
  relations: { field: string; table: string; foreignKey: string; plan: ObjectPlan; visible?: RelationPlanSpec['visible'] }[];
}

/** What `selection` reads on `entity` as plain columns and planned relations, or null when it needs entities. */
function planObject(em: EntityManager, entity: ClassType, selection: Selection, spec: PagePlanSpec, always: readonly string[]): ObjectPlan | null {
  const node = new Map(selection);
  const meta = em.getMetadata().get<object>(entity);
  const read = new Set(always);
  const relations: ObjectPlan['relations'] = [];
  for (const [field, below] of selection) {
    const relation = spec.relations?.[field];
    const reads = spec.rowFields?.[field];
    if (relation) {
      const { type, spec: belowSpec = {}, visible } = typeof relation === 'function' ? { type: relation } : relation;
      const plan = below && planObject(em, type, below, belowSpec, ['id']);
      const prop = meta.properties[field as never] as { fieldNames: string[] } | undefined;
      if (!plan || !prop) return null;
      relations.push({ field, table: em.getMetadata().get<object>(type).tableName, foreignKey: prop.fieldNames[0]!, plan, visible });
      node.delete(field);
    } else if (reads) {
      for (const property of reads) read.add(property);
      node.delete(field);
    }
  }
  const columns = plainColumns(em, entity, node, [...read]);
  return columns && { columns, relations };
}

/**
 * An object as PostgreSQL builds it, one positional JSON array: its columns, then each relation
 * (by one indexed lookup) as a nested array of the same kind, or null.
 */
function objectSql(plan: ObjectPlan, alias: string): SqlCondition {
  const values = [columnValuesSql(plan.columns, alias)];
  const params: unknown[] = [];
  plan.relations.forEach((relation, index) => {
    const related = `${alias}_${index}`;
    const object = objectSql(relation.plan, related);
    const visible = relation.visible?.(alias, related);
    params.push(...object.params, ...(visible?.params ?? []));
    values.push(`(select ${object.sql} from "${relation.table}" ${related} where ${related}.id = ${alias}."${relation.foreignKey}"${visible ? ` and ${visible.sql}` : ''})`);
  });
  return { sql: `json_build_array(${values.join(', ')})`, params };
}

/** A planned object's JSON array as the row its resolvers read: columns as properties, relations preloaded. */
function hydrate<T extends object>(plan: ObjectPlan, values: unknown[] | null): T | null {
  if (!values) return null;
  const row = rowOf<T>(plan.columns, values);
  if (!plan.relations.length) return row;
  const at = plan.columns.length;
  return preload(row, Object.fromEntries(plan.relations.map((relation, index) => [relation.field, hydrate(relation.plan, values[at + index] as unknown[] | null)])));
}

/** One planned page as a statement (see `pageStatement`). */
export interface PageStatement {
  /** The viewer's filtered set, `select "e".* from … where …`, read as `alias`. */
  scoped: ScopedSelect;
  alias: string;
  /** Keyset condition over `alias`: the rows after the cursor. */
  after: SqlCondition | null;
  /** The page's order over `alias` (an index in that order serves the page without a sort). */
  order: string;
  /** The aggregate's order, when it names columns the page adds (`pageColumns`) instead of `order`. */
  rowOrder?: string;
  /** Extra select-list entries of the page, e.g. an order expression computed once. */
  pageColumns?: string;
  /** Rows to read: the page size and one more (hasNextPage). */
  fetch: number;
  total: boolean;
  /** One row's JSON over `alias`. */
  row: SqlCondition;
}

/**
 * `{ total, rows }`: the page as one JSON array in order, and the total when asked. The filtered
 * set is a subquery both times, not a shared CTE: a materialized CTE hides the table's indexes,
 * so the page would sort every scoped row and the total could not count from an index alone.
 */
export function pageStatement(page: PageStatement): SqlCondition {
  const { scoped, alias } = page;
  return {
    sql: `with page as (select *${page.pageColumns ? `, ${page.pageColumns}` : ''} from (${scoped.sql}) ${alias} ${page.after ? `where ${page.after.sql}` : ''}
       order by ${page.order} limit ?)
     select ${page.total ? `(select count(*) from (${scoped.sql}) ${alias})::int` : '0'} as total,
            coalesce(json_agg(${page.row.sql} order by ${page.rowOrder ?? page.order}), '[]'::json) as rows
       from page ${alias}`,
    params: [...scoped.params, ...(page.after?.params ?? []), page.fetch, ...(page.total ? scoped.params : []), ...page.row.params],
  };
}

/**
 * `paginate`'s page (same order, same cursors, same total) read as one statement shaped by the
 * selection: the rows' selected columns and their selected to-one relations (and theirs) as
 * JSON built by PostgreSQL, no entities. Null when the selection needs a resolver the plan does
 * not cover: the caller then pages with entities.
 */
export async function plannedPage<T extends { id: string }>(
  em: EntityManager,
  entity: ClassType<T>,
  where: Record<string, unknown>,
  args: PageArgs,
  sort: string,
  connection: Selection,
  spec: PagePlanSpec = {},
): Promise<ConnectionShape<T> | null> {
  const descending = sort.startsWith('-');
  const field = descending ? sort.slice(1) : sort;
  const plan = planObject(em, entity, connection.get('edges')?.get('node') ?? new Map(), spec, ['id', field]);
  if (!plan) return null;
  const meta = em.getMetadata().get<object>(entity);
  const sortProp = meta.properties[field as never] as { fieldNames: string[]; runtimeType?: string } | undefined;
  if (!sortProp) return null;
  const sortColumn = `e."${sortProp.fieldNames[0]}"`;
  const limit = pageSize(args.first);
  const direction = descending ? 'desc' : 'asc';
  const scoped = scopedSelect(em, entity, 'e', where);
  let after: SqlCondition | null = null;
  if (args.after) {
    const op = descending ? '<' : '>';
    if (field === 'id') {
      after = { sql: `e.id ${op} ?`, params: decodeCursor(args.after, 1) };
    } else {
      const [value, id] = decodeCursor(args.after, 2) as [SortValue, string];
      const key = sortKeyOf(em, entity, field);
      // A null sort value needs the ORM's null ordering rules: page those with entities.
      if (value === null || !key) return null;
      after = keysetAfterSql(key, descending, value, id, 'e');
    }
  }
  const order = field === 'id' ? `e.id ${direction}` : `${sortColumn} ${direction}, e.id ${direction}`;
  const statement = pageStatement({
    scoped,
    alias: 'e',
    after,
    order,
    fetch: limit + 1,
    total: connection.has('totalCount'),
    row: objectSql(plan, 'e'),
  });
  const [result] = await preparedRead<{ total: number; rows: unknown[][] }>(em, statement.sql, statement.params);
  const rows = result!.rows;
  const dateSort = sortProp.runtimeType === 'Date';
  const nodes = rows.slice(0, limit).map((values) => hydrate<T>(plan, values)!);
  // Cursors as `paginate` writes them, so either way of reading continues the other's pages.
  const edges = edgesOf(nodes, (row) => {
    const value = (row as Record<string, unknown>)[field];
    return encodeCursor(field === 'id' ? [row.id] : [dateSort && typeof value === 'string' ? new Date(value).toISOString() : sortValue(value), row.id]);
  });
  return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: result!.total };
}

/** A page by `plannedPage` when the selection allows it, else by `paginate` with entities. */
export async function selectedPage<T extends { id: string }>(
  em: EntityManager,
  entity: ClassType<T>,
  where: Record<string, unknown>,
  args: PageArgs,
  sort: string,
  selection: Selection | undefined,
  spec: PagePlanSpec = {},
): Promise<ConnectionShape<T>> {
  return (selection && (await plannedPage(em, entity, where, args, sort, selection, spec))) ?? paginate(em, entity, where as FilterQuery<T>, args, sort);
}
