import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Pool, PoolClient } from 'pg';

/**
 * Named prepared statements per pooled connection, at most this many: beyond it a read runs
 * unnamed (parsed and planned each time, as `em.execute` does), so a stream of distinct shapes
 * cannot grow every backend's memory without end.
 */
export const MAX_PREPARED_PER_CONNECTION = 200;

const prepared = new WeakMap<PoolClient, Set<string>>();

/** `?` placeholders as `$1…$n`, read exactly as MikroORM's `execute` reads them. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?\??|\\\?/g, (token) => {
    if (token !== '?') throw new Error(`prepared reads take plain ? placeholders only, not ${token}`);
    n += 1;
    return `$${n}`;
  });
}

/**
 * Runs a hot read (a list page shaped by its selection) as a named prepared statement: PostgreSQL
 * parses and plans each distinct text once per connection instead of on every request (for the
 * task page that was a third of its PostgreSQL time). The name is the hash of the text, and
 * the values travel as parameters, so every company's page shares one statement.
 *
 * Inside a transaction the read goes through the entity manager, on the transaction's connection.
 * The statement is reported to MikroORM's query logger like any other (statement-count tests).
 */
export async function preparedRead<T>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<T[]> {
  if (em.isInTransaction()) return em.execute<T[]>(sql, [...params]);
  const text = numbered(sql);
  const pool = (await em.getConnection().getNativeClient()) as Pool;
  const client = await pool.connect();
  const started = Date.now();
  try {
    let names = prepared.get(client);
    if (!names) prepared.set(client, (names = new Set()));
    const name = `ecohub_${createHash('sha1').update(text).digest('base64url')}`;
    const named = names.has(name) || names.size < MAX_PREPARED_PER_CONNECTION;
    if (named) names.add(name);
    const result = await client.query<T & object>(named ? { name, text, values: [...params] } : { text, values: [...params] });
    em.config.getLogger().logQuery({ query: sql, took: Date.now() - started, results: result.rows.length, level: 'info' });
    return result.rows;
  } finally {
    client.release();
  }
}
