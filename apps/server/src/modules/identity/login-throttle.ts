import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlUuidArray } from '../../core/auth/access.ts';
import { tooManyRequests } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';

/**
 * Failed sign-ins are counted per account and per client address in the `login_attempt` table,
 * so the limit holds across server instances and restarts. Counting by the typed email (not by
 * person) answers the same way whether the account exists or not.
 */
export const LOGIN_THROTTLE = {
  windowMs: 15 * 60_000,
  perAccount: 5,
  perAddress: 20,
} as const;

const CLEANUP_PROBABILITY = 0.01;

export interface LoginClient {
  email: string;
  address: string | null;
  /**
   * Mailed sign-in links are counted apart from passwords, with the same limits: requesting
   * links must not lock a person (or an office behind one address) out of password sign-in.
   */
  via?: 'password' | 'link';
}

function keysOf(client: LoginClient): { key: string; limit: number }[] {
  const prefix = client.via === 'link' ? 'link-' : '';
  return [
    { key: `${prefix}account:${client.email}`, limit: LOGIN_THROTTLE.perAccount },
    ...(client.address ? [{ key: `${prefix}address:${client.address}`, limit: LOGIN_THROTTLE.perAddress }] : []),
  ];
}

/**
 * Books an attempt before the password is checked (so parallel guesses are counted too) and
 * refuses it with TOO_MANY_REQUESTS when the window already holds the limit of failures.
 * Returns the ids of the booked rows: `forgiveAttempt` removes them when the password was right.
 */
export async function bookAttempt(em: EntityManager, client: LoginClient): Promise<string[]> {
  const keys = keysOf(client);
  const ids = keys.map(() => newId());
  await em.execute(
    `insert into login_attempt (id, key) values ${keys.map(() => '(?, ?)').join(', ')}`,
    keys.flatMap((k, i) => [ids[i], k.key]),
  );
  if (Math.random() < CLEANUP_PROBABILITY) await dropExpired(em);
  const retryAfterMs = await throttledFor(em, keys, ids);
  if (retryAfterMs > 0) {
    await forgiveAttempt(em, ids);
    const seconds = Math.ceil(retryAfterMs / 1000);
    throw tooManyRequests(
      `Too many failed sign-in attempts; try again in ${Math.ceil(seconds / 60)} minute(s)`,
      seconds,
    );
  }
  return ids;
}

/**
 * How long until each key falls below its limit again, counting the earlier failures only
 * (the booked row itself excluded): 0 when none is over.
 */
async function throttledFor(em: EntityManager, keys: { key: string; limit: number }[], booked: string[]): Promise<number> {
  let wait = 0;
  for (const { key, limit } of keys) {
    const rows: { created_at: Date }[] = await em.execute(
      `select created_at from login_attempt
        where key = ? and created_at > now() - make_interval(secs => ?) and not (id = any(?::uuid[]))
        order by created_at desc limit ?`,
      [key, LOGIN_THROTTLE.windowMs / 1000, sqlUuidArray(booked), limit],
    );
    if (rows.length < limit) continue;
    const oldestCounted = new Date(rows[rows.length - 1]!.created_at).getTime();
    wait = Math.max(wait, oldestCounted + LOGIN_THROTTLE.windowMs - Date.now(), 1000);
  }
  return wait;
}

export async function forgiveAttempt(em: EntityManager, ids: string[]): Promise<void> {
  await em.execute('delete from login_attempt where id = any(?::uuid[])', [sqlUuidArray(ids)]);
}

/** After a successful sign-in the account starts afresh; the address keeps its count. */
export async function clearAccountFailures(em: EntityManager, email: string): Promise<void> {
  await em.execute('delete from login_attempt where key = ?', [`account:${email}`]);
}

/** Rows older than the window count for nothing; dropped now and then so the table stays small. */
async function dropExpired(em: EntityManager): Promise<void> {
  await em.execute('delete from login_attempt where created_at < now() - make_interval(secs => ?)', [LOGIN_THROTTLE.windowMs / 1000]);
}
