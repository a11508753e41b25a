import type { EntityName, FindOneOptions } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound, staleVersion } from '../errors.ts';
import { isUuid } from '../ids.ts';

/**
 * One record by id, or NOT_FOUND naming it. A malformed id is simply not found: PostgreSQL
 * would otherwise reject it as a uuid syntax error and the client would see a server error.
 */
export async function findRecord<T extends object, P extends string = never>(
  em: EntityManager,
  entity: EntityName<T>,
  id: string,
  name: string,
  options?: FindOneOptions<T, P>,
): Promise<T> {
  if (!isUuid(id)) throw notFound(name, id);
  const record = await em.findOne(entity, { id } as never, options);
  if (!record) throw notFound(name, id);
  return record as T;
}

/** An update names the version it edits; an older one means someone else changed it first. */
export function assertVersion(name: string, record: { version: number }, version: number): void {
  if (record.version !== version) throw staleVersion(name, record.version);
}

/** A case-insensitive `contains` pattern for `$ilike`, with LIKE's wildcards taken literally. */
export function containsPattern(term: string): string {
  return `%${term.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
