import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClassType } from 'type-graphql';

/** Where clauses kept: one per distinct filter and scope a planned page was read with. */
const MAX_ENTRIES = 1_000;

export interface ScopedSelect {
  /** `select <alias>.* from … where …` with `?` placeholders. */
  sql: string;
  params: readonly unknown[];
}

const built = new Map<string, ScopedSelect>();

/**
 * The text of `where` when it is plain data (strings, finite numbers, booleans, null, arrays,
 * plain objects), else null: raw SQL fragments are symbol keys that JSON would drop, and their text
 * need not say what they capture, so such a filter is never looked up by its text.
 */
function plainText(where: object): string | null {
  let plain = true;
  const text = JSON.stringify(where, (_key, value: unknown) => {
    if (value === null || typeof value === 'string' || Number.isFinite(value) || typeof value === 'boolean' || Array.isArray(value)) return value;
    const prototype = typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
    // undefined, NaN, functions, bigints, Dates, entities, raw fragments (symbol keys): not plain.
    if ((prototype !== Object.prototype && prototype !== null) || Object.getOwnPropertySymbols(value).length) {
      plain = false;
      return null;
    }
    return value;
  });
  return plain ? text : null;
}

/**
 * `select <alias>.* from <entity> where <where>` as MikroORM's query builder writes it, built once
 * per distinct plain filter: a page's filter and scope repeat from request to request, and the
 * builder's criteria tree and SQL assembly cost about a tenth of a planned page's CPU.
 */
export function scopedSelect(em: EntityManager, entity: ClassType, alias: string, where: object): ScopedSelect {
  const text = plainText(where);
  const key = text && `${entity.name}:${alias}:${text}`;
  const known = key ? built.get(key) : undefined;
  if (known) return known;
  const qb = em.createQueryBuilder(entity, alias).select(`${alias}.*`).where(where as never);
  const select: ScopedSelect = { sql: qb.getQuery(), params: qb.getParams() };
  if (key) {
    if (built.size >= MAX_ENTRIES) built.delete(built.keys().next().value!);
    built.set(key, select);
  }
  return select;
}
