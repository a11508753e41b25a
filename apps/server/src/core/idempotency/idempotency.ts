import { UniqueConstraintViolationException, type EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../errors.ts';
import type { UnitOfWork } from '../actor/unit-of-work.ts';

/**
 * Create mutations accept a client-generated idempotency key: a retried request (the client
 * never saw the answer) has exactly one effect and gets the same answer. The key row is written
 * in the creating transaction, so "created" and "remembered" cannot disagree.
 */
export interface Idempotency<T> {
  /** The client's key; without one the mutation simply runs. */
  key: string | null | undefined;
  /** Mutation name: the same key used for two different operations does not collide. */
  operation: string;
  /** The id that identifies the answer (the created record). */
  resultId(value: T): string;
  /** Loads the answer again for a replay. */
  replay(em: EntityManager, id: string): Promise<T>;
}

/** The usual case: a create mutation whose answer is the record it created. */
export function idempotentCreate<T extends { id: string }>(
  entity: EntityClass<T>,
  operation: string,
  key: string | null | undefined,
): Idempotency<T> {
  return { key, operation, resultId: (record) => record.id, replay: (em, id) => em.findOneOrFail(entity, id as never) as Promise<T> };
}

const MAX_KEY_LENGTH = 100;

export function scopedKey(ctx: UnitOfWork, idempotency: Idempotency<unknown>): string | null {
  const { key } = idempotency;
  if (key === null || key === undefined) return null;
  if (key.length === 0 || key.length > MAX_KEY_LENGTH || !/^[\w.:-]+$/.test(key)) {
    throw badInput(`idempotencyKey must be 1–${MAX_KEY_LENGTH} letters, digits, '-', '_', '.' or ':'`, [
      { field: 'idempotencyKey', rule: 'format', message: 'invalid idempotency key' },
    ]);
  }
  return `${ctx.viewer?.personId ?? 'anonymous'}:${idempotency.operation}:${key}`;
}

export async function rememberedResult(em: EntityManager, key: string): Promise<string | null> {
  const rows: { result: { id: string } }[] = await em.execute('select result from idempotency_key where key = ?', [key]);
  return rows[0]?.result.id ?? null;
}

export async function remember(em: EntityManager, key: string, id: string): Promise<void> {
  await em.execute('insert into idempotency_key (key, result) values (?, ?::jsonb)', [key, JSON.stringify({ id })]);
}

export function isDuplicateKey(error: unknown): boolean {
  return error instanceof UniqueConstraintViolationException && String(error.message).includes('idempotency_key');
}

export const IDEMPOTENCY_KEY_DESCRIPTION = `Client-generated key (≤ ${MAX_KEY_LENGTH} chars): a retry with the same key creates nothing new and returns the first answer`;
