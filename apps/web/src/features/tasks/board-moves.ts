import { canTransition, rankBetween, taskMachine, TaskStatus } from '@ecohub/domain';

/** Column order on the board: work flows left to right, blocked work sits beside what is in progress. */
export const BOARD_COLUMNS: readonly TaskStatus[] = [
  TaskStatus.TODO,
  TaskStatus.IN_PROGRESS,
  TaskStatus.BLOCKED,
  TaskStatus.IN_REVIEW,
  TaskStatus.DONE,
];

export interface BoardCard {
  id: string;
  status: TaskStatus;
  rank: string;
  version: number;
}

export type Columns<T extends BoardCard> = Record<TaskStatus, T[]>;

/** What `moveTask` needs: the target column, the neighbours the card lands between, and the version it was moved from. */
export interface MovePlan {
  id: string;
  status: TaskStatus;
  /** The card that will be just above (null: top of the column). */
  afterId: string | null;
  /** The card that will be just below (null: bottom of the column). */
  beforeId: string | null;
  version: number;
  /** The rank the server will most likely give it; used for the optimistic order only. */
  rank: string;
}

export function byRank(a: BoardCard, b: BoardCard): number {
  // Ranks are compared bytewise, as PostgreSQL does with collation "C".
  return a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : 1;
}

export function groupByStatus<T extends BoardCard>(cards: readonly T[]): Columns<T> {
  const columns = Object.fromEntries(BOARD_COLUMNS.map((status) => [status, [] as T[]])) as Columns<T>;
  for (const card of cards) columns[card.status]?.push(card);
  for (const status of BOARD_COLUMNS) columns[status].sort(byRank);
  return columns;
}

export function canMoveTo(from: TaskStatus, to: TaskStatus): boolean {
  return from === to || canTransition(taskMachine, from, to);
}

export function findCard<T extends BoardCard>(columns: Columns<T>, id: string): { card: T; index: number } | null {
  for (const status of BOARD_COLUMNS) {
    const index = columns[status].findIndex((card) => card.id === id);
    if (index >= 0) return { card: columns[status][index] as T, index };
  }
  return null;
}

/**
 * Where a card lands when dropped at `toIndex` of `toStatus` (an index among the other cards of
 * that column). Null when nothing would change or the status machine forbids the move.
 */
export function planMove<T extends BoardCard>(
  columns: Columns<T>,
  id: string,
  toStatus: TaskStatus,
  toIndex: number,
): MovePlan | null {
  const found = findCard(columns, id);
  if (!found) return null;
  const { card, index: fromIndex } = found;
  if (!canMoveTo(card.status, toStatus)) return null;
  const others = columns[toStatus].filter((other) => other.id !== id);
  const index = Math.max(0, Math.min(toIndex, others.length));
  if (card.status === toStatus && index === fromIndex) return null;
  const above = others[index - 1] ?? null;
  const below = others[index] ?? null;
  return {
    id,
    status: toStatus,
    afterId: above?.id ?? null,
    beforeId: below?.id ?? null,
    version: card.version,
    rank: rankBetween(above?.rank ?? null, below?.rank ?? null),
  };
}

/** The board as it will look once the server accepts the move. */
export function applyMove<T extends BoardCard>(columns: Columns<T>, plan: MovePlan): Columns<T> {
  const found = findCard(columns, plan.id);
  if (!found) return columns;
  const moved = { ...found.card, status: plan.status, rank: plan.rank };
  const next = { ...columns };
  next[found.card.status] = columns[found.card.status].filter((card) => card.id !== plan.id);
  next[plan.status] = [...next[plan.status].filter((card) => card.id !== plan.id), moved].sort(byRank);
  return next;
}
