import { ReferenceKind, type EntityManager, type EntityName, type EntityProperty } from '@mikro-orm/postgresql';

/** json_build_object takes at most 100 arguments: 50 columns per call. */
const COLUMNS_PER_CALL = 50;

/** What a plain `findOne` selects: stored columns and foreign keys, not lazy ones (a password hash). */
function selectedByDefault(prop: EntityProperty): boolean {
  const stored = prop.kind === ReferenceKind.SCALAR || prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner);
  return stored && !prop.lazy && prop.persist !== false && !prop.formula && !prop.embedded;
}

/**
 * An entity's row under `alias` as a SQL JSON expression keyed by column name, with exactly the
 * columns a plain `findOne` selects (null when the alias matched no row). `em.map` turns it back
 * into the entity a load would return, without a statement.
 */
export function rowJsonSql(em: EntityManager, entity: EntityName<object>, alias: string): string {
  const meta = em.getMetadata().get(entity);
  if (meta.props.some((prop) => prop.formula || prop.embedded)) throw new Error(`${meta.className} has formulas or embeddables: rowJsonSql does not read them`);
  const columns = meta.props.filter(selectedByDefault).flatMap((prop) => prop.fieldNames);
  const calls: string[] = [];
  for (let start = 0; start < columns.length; start += COLUMNS_PER_CALL) {
    const pairs = columns.slice(start, start + COLUMNS_PER_CALL).map((column) => `'${column}', ${alias}."${column}"`);
    calls.push(`jsonb_build_object(${pairs.join(', ')})`);
  }
  const primaryKey = meta.getPrimaryProps()[0]?.fieldNames[0];
  if (!primaryKey) throw new Error(`${meta.className} has no primary key`);
  return `case when ${alias}."${primaryKey}" is null then null else (${calls.join(' || ')}) end`;
}
