import { createHash } from 'node:crypto';

/**
 * Deterministic ids in UUIDv7 layout, computed the same way in SQL (generate.ts) and here, so
 * the benchmark knows every generated id without reading it back.
 */
export function benchId(key: string): string {
  const h = createHash('md5').update(key).digest('hex');
  const hex = `${h.slice(0, 12)}7${h.slice(13, 16)}8${h.slice(17, 32)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const BENCH_ID_SQL = `create function pg_temp.bench_id(text) returns uuid language sql immutable as
  $$ select (substr(h, 1, 12) || '7' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid from md5($1) as h $$`;

export const SESSION_TOKEN_PREFIX = 'bench-token-';

/** The cookie value of generated session number n (the table stores only its hash). */
export function sessionToken(n: number): string {
  return `${SESSION_TOKEN_PREFIX}${n}`;
}
