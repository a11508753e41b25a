import { ReferenceKind, type EntityManager } from '@mikro-orm/postgresql';
import { getMetadataStorage, type ClassType } from 'type-graphql';
import type { Selection } from './look-ahead.ts';

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
  // json_build_object takes at most 100 arguments.
  return columns.length <= 50 ? columns : null;
}

/** `json_build_object('nameKo', c."name_ko", …)`: keys are the entity's property names, as resolvers read them. */
export function jsonObjectSql(columns: readonly PlainColumn[], alias: string): string {
  return `json_build_object(${columns.map((c) => `'${c.property}', ${alias}."${c.column}"`).join(', ')})`;
}
