/**
 * Board order as fractional ranks: strings that sort between their neighbours, so a task moves
 * between two others by writing one row, never renumbering the column.
 */
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;
const MID = DIGITS[Math.floor(BASE / 2)] as string;

function digit(rank: string, i: number, fallback: number): number {
  return i < rank.length ? DIGITS.indexOf(rank[i] as string) : fallback;
}

export function isValidRank(rank: string): boolean {
  return /^[0-9a-z]*[1-9a-z]$/.test(rank) && rank.length <= 255;
}

/** A rank strictly between `before` and `after` (either may be null for the column's ends). */
export function rankBetween(before: string | null, after: string | null): string {
  const lo = before ?? '';
  const hi = after;
  if (hi !== null && lo >= hi) throw new RangeError(`rank "${lo}" is not below "${hi}"`);
  let result = '';
  for (let i = 0; ; i++) {
    const a = digit(lo, i, 0);
    const b = hi === null ? BASE : digit(hi, i, BASE);
    if (a === b) {
      result += DIGITS[a];
      continue;
    }
    const middle = Math.floor((a + b) / 2);
    if (middle > a) return result + DIGITS[middle];
    // Adjacent digits: keep `a` and find room further down, below nothing on the upper side.
    result += DIGITS[a];
    const rest = rankBetween(lo.slice(i + 1) || null, null);
    return result + rest;
  }
}

/** `count` evenly spread ranks for seeding or rebalancing a column. */
export function initialRanks(count: number): string[] {
  let width = 1;
  while (BASE ** width < count + 1) width++;
  const step = BASE ** width / (count + 1);
  return Array.from({ length: count }, (_, i) => {
    let value = Math.round(step * (i + 1));
    let rank = '';
    for (let d = 0; d < width; d++) {
      rank = DIGITS[value % BASE] + rank;
      value = Math.floor(value / BASE);
    }
    // A trailing zero would leave no room below it; extend with the middle digit instead.
    return rank.endsWith('0') ? rank + MID : rank;
  });
}

export const FIRST_RANK = MID;
