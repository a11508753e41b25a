import { describe, expect, it } from 'vitest';
import { initialRanks, isValidRank, rankBetween } from './rank.ts';

describe('rankBetween', () => {
  it('sorts strictly between its neighbours', () => {
    const cases: [string | null, string | null][] = [
      [null, null],
      [null, 'i'],
      ['i', null],
      ['a', 'b'],
      ['a', 'a1'],
      ['az', 'b'],
      ['zz', null],
      ['1', '2'],
    ];
    for (const [before, after] of cases) {
      const rank = rankBetween(before, after);
      if (before !== null) expect(rank > before, `${rank} > ${before}`).toBe(true);
      if (after !== null) expect(rank < after, `${rank} < ${after}`).toBe(true);
      expect(isValidRank(rank)).toBe(true);
    }
  });

  it('keeps ranks short over many moves to the same spot', () => {
    let low = 'a';
    const high = 'b';
    for (let i = 0; i < 200; i++) low = rankBetween(low, high);
    expect(low.length).toBeLessThan(210);
    expect(low < high).toBe(true);
  });

  it('refuses neighbours in the wrong order', () => {
    expect(() => rankBetween('b', 'a')).toThrow(RangeError);
  });

  it('survives a long random sequence of inserts with a total order', () => {
    let random = 42;
    const next = () => (random = (random * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const ranks = initialRanks(5);
    for (let i = 0; i < 500; i++) {
      const at = Math.floor(next() * (ranks.length + 1));
      ranks.splice(at, 0, rankBetween(ranks[at - 1] ?? null, ranks[at] ?? null));
    }
    expect([...ranks].sort()).toEqual(ranks);
    expect(new Set(ranks).size).toBe(ranks.length);
  });
});

describe('initialRanks', () => {
  it('spreads ranks evenly and in order', () => {
    const ranks = initialRanks(50);
    expect([...ranks].sort()).toEqual(ranks);
    expect(new Set(ranks).size).toBe(50);
    expect(Math.max(...ranks.map((r) => r.length))).toBeLessThanOrEqual(3);
  });
});
