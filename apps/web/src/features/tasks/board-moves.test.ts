import { TaskStatus } from '@ecohub/domain';
import { describe, expect, it } from 'vitest';
import { applyMove, groupByStatus, planMove, type BoardCard } from './board-moves';

const cards: BoardCard[] = [
  { id: 'a', status: TaskStatus.TODO, rank: 'h', version: 1 },
  { id: 'b', status: TaskStatus.TODO, rank: 'p', version: 3 },
  { id: 'c', status: TaskStatus.TODO, rank: 'x', version: 1 },
  { id: 'd', status: TaskStatus.IN_PROGRESS, rank: 'i', version: 2 },
  { id: 'e', status: TaskStatus.DONE, rank: 'i', version: 1 },
];

describe('board moves', () => {
  it('orders each column by rank', () => {
    const columns = groupByStatus([...cards].reverse());
    expect(columns.TODO.map((card) => card.id)).toEqual(['a', 'b', 'c']);
    expect(columns.IN_REVIEW).toEqual([]);
  });

  it('names both neighbours and the version when a card moves inside its column', () => {
    const plan = planMove(groupByStatus(cards), 'c', TaskStatus.TODO, 1);
    expect(plan).toMatchObject({ id: 'c', status: 'TODO', afterId: 'a', beforeId: 'b', version: 1 });
    expect(plan!.rank > 'h' && plan!.rank < 'p').toBe(true);
  });

  it('moves to the top and bottom of another column', () => {
    const columns = groupByStatus(cards);
    expect(planMove(columns, 'b', TaskStatus.IN_PROGRESS, 0)).toMatchObject({ afterId: null, beforeId: 'd', version: 3 });
    expect(planMove(columns, 'b', TaskStatus.IN_PROGRESS, 5)).toMatchObject({ afterId: 'd', beforeId: null });
    expect(planMove(columns, 'b', TaskStatus.IN_REVIEW, 0)).toMatchObject({ afterId: null, beforeId: null });
  });

  it('ignores drops that change nothing and moves the status machine forbids', () => {
    const columns = groupByStatus(cards);
    expect(planMove(columns, 'b', TaskStatus.TODO, 1)).toBeNull();
    expect(planMove(columns, 'e', TaskStatus.BLOCKED, 0)).toBeNull();
  });

  it('applies a plan optimistically', () => {
    const columns = groupByStatus(cards);
    const plan = planMove(columns, 'a', TaskStatus.IN_PROGRESS, 1)!;
    const next = applyMove(columns, plan);
    expect(next.TODO.map((card) => card.id)).toEqual(['b', 'c']);
    expect(next.IN_PROGRESS.map((card) => card.id)).toEqual(['d', 'a']);
    expect(columns.TODO.map((card) => card.id)).toEqual(['a', 'b', 'c']);
  });
});
