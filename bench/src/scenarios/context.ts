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
  log(message: string): void;
}

/** Average statements per call of `request`, on the counting instance. */
export async function statementsPer(counter: Hub, requests: number, request: () => Promise<void>): Promise<number> {
  await request();
  const before = await counter.statements();
  for (let i = 0; i < requests; i++) await request();
  const after = await counter.statements();
  return Math.round(((after - before) / requests) * 100) / 100;
}
