import { initialRanks, rankBetween, type TaskStatus } from '@ecohub/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlUuidArray } from '../../core/auth/access.ts';

/** Ranks longer than this are rewritten evenly for the whole column on the next move into it. */
export const REBALANCE_LENGTH = 50;

/**
 * Serializes rank changes on one company's board until the transaction ends: two concurrent
 * "put it at the end" requests would otherwise compute the same rank.
 */
export async function lockBoard(em: EntityManager, companyId: string): Promise<void> {
  await em.execute(`select pg_advisory_xact_lock(hashtextextended('task-board:' || ?, 0))`, [companyId]);
}

type Column = { companyId: string; status: TaskStatus; excludeId?: string | null };

/** The rank of the last card in a column (null when empty). */
export async function lastRank(em: EntityManager, column: Column): Promise<string | null> {
  const [row] = await em.execute<{ rank: string | null }[]>(
    `select max(rank) as rank from task
      where company_id = ? and status = ? and archived_at is null and id <> coalesce(?::uuid, '00000000-0000-0000-0000-000000000000')`,
    [column.companyId, column.status, column.excludeId ?? null],
  );
  return row?.rank ?? null;
}

/** The rank of the card right below (`direction` 'next') or above ('previous') `rank`. */
export async function neighbourRank(em: EntityManager, column: Column, rank: string, direction: 'next' | 'previous'): Promise<string | null> {
  const [op, agg] = direction === 'next' ? ['>', 'min'] : ['<', 'max'];
  const [row] = await em.execute<{ rank: string | null }[]>(
    `select ${agg}(rank) as rank from task
      where company_id = ? and status = ? and archived_at is null and rank ${op} ?
        and id <> coalesce(?::uuid, '00000000-0000-0000-0000-000000000000')`,
    [column.companyId, column.status, rank, column.excludeId ?? null],
  );
  return row?.rank ?? null;
}

/**
 * Rewrites a column's ranks evenly, keeping its order, with the moved card placed right after
 * `afterId` (or right before `beforeId`, or at the end). Returns the moved card's new rank.
 * Other cards keep their version: their content did not change, only the spacing of the order.
 */
export async function rebalanceColumn(
  em: EntityManager,
  column: Column & { excludeId: string },
  place: { afterId?: string | null; beforeId?: string | null },
): Promise<string> {
  const rows = await em.execute<{ id: string }[]>(
    `select id from task where company_id = ? and status = ? and archived_at is null and id <> ? order by rank, id`,
    [column.companyId, column.status, column.excludeId],
  );
  const ids = rows.map((row) => row.id);
  const after = place.afterId ? ids.indexOf(place.afterId) : -1;
  const before = place.beforeId ? ids.indexOf(place.beforeId) : -1;
  const position = after >= 0 ? after + 1 : before >= 0 ? before : ids.length;
  ids.splice(position, 0, column.excludeId);
  const ranks = initialRanks(ids.length);
  const others = ids.map((id, i) => [id, ranks[i] as string] as const).filter(([id]) => id !== column.excludeId);
  if (others.length > 0) {
    await em.execute(
      `update task t set rank = v.rank
         from (select unnest(?::uuid[]) as id, unnest(?::text[]) as rank) v
        where t.id = v.id`,
      // Ranks are [0-9a-z] only, so a plain array literal needs no quoting.
      [sqlUuidArray(others.map(([id]) => id)), `{${others.map(([, rank]) => rank).join(',')}}`],
    );
  }
  return ranks[position] as string;
}

/** A rank between two neighbours, or null when they leave no room (equal ranks). */
export function rankBetweenOrNull(lo: string | null, hi: string | null): string | null {
  if (lo !== null && hi !== null && lo >= hi) return null;
  return rankBetween(lo, hi);
}
