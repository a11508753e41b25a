import type { GeneratedData } from '../data/generate.ts';
import type { Hub } from '../hub/hub.ts';

export interface BenchContext {
  /** The instance under test; it owns the embedded PostgreSQL. */
  hub: Hub;
  data: GeneratedData;
  /** A second instance on the same database that counts SQL statements (started on first use). */
  counter(): Promise<Hub>;
  /** Short phases and small fleets, for working on the benchmark itself. */
  quick: boolean;
  /** BENCH_VIEWERS: the board-viewer counts to run instead of the default ones. */
  viewerCounts?: number[];
  /** Profiling run (BENCH_CPU_PROFILE): scenarios may also sample what their memory is. */
  profiling: boolean;
  log(message: string): void;
}

/**
 * SQL statements one call of `request` runs, on the counting instance: counted for each of
 * `requests` calls, and the most frequent count wins, so that a background statement (the
 * outbox safety poll, a session's once-a-minute touch) landing in one window does not count.
 */
export async function statementsPer(counter: Hub, requests: number, request: () => Promise<void>): Promise<{ typical: number; min: number; max: number }> {
  await request();
  const counts: number[] = [];
  for (let i = 0; i < requests; i++) {
    const before = await counter.statements();
    await request();
    counts.push((await counter.statements()) - before);
  }
  const frequency = new Map<number, number>();
  for (const count of counts) frequency.set(count, (frequency.get(count) ?? 0) + 1);
  const typical = [...frequency.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  return { typical, min: Math.min(...counts), max: Math.max(...counts) };
}
