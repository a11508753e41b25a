import type { Hub } from '../hub/hub.ts';
import type { GraphQLClient } from '../load/graphql.ts';
import { Samples, round, type LatencySummary } from '../load/samples.ts';
import { addComment, type Write } from './comments.ts';
import type { Fleet } from './fleet.ts';

export interface FanOutOptions {
  /** Listening fleets, measured separately (e.g. one per instance). */
  fleets: Fleet[];
  /** The instance the comments are written to: its commit times start each latency. */
  commitHub: Hub;
  writer: GraphQLClient;
  /** Comments rotate over these tasks. */
  taskIds: string[];
  events: number;
  ratePerSecond: number;
  /** The comment id an event carries (null: an event of something else). */
  commentIdOf(data: Record<string, unknown>): string | null;
  /** How long to wait for the last deliveries after the last write. */
  settleMs: number;
}

export interface FanOutResult {
  /** Comments written: fewer than planned when the hub could not take them in twice the planned time. */
  events: number;
  planned: number;
  writeErrors: number;
  firstWriteError: string | null;
  fleets: FleetFigures[];
  /** All fleets together. */
  all: FleetFigures;
  /** Writes whose commit time was not seen (latency then counts from the write's answer). */
  unmatchedCommits: number;
}

export interface FleetFigures {
  events: number;
  subscribers: number;
  expected: number;
  delivered: number;
  errors: number;
  firstError: string | null;
  latency: LatencySummary;
  /** Per event, first to last receipt: how long one event takes to reach everyone. */
  spread: LatencySummary;
  deliveriesPerSecond: number;
}

/**
 * Comments are written one at a time at a steady rate while every socket of the fleet listens;
 * each receipt's latency runs from the COMMIT of its comment (timed inside the hub process,
 * the same clock) to the moment the client read it.
 */
export async function measureFanOut(options: FanOutOptions): Promise<FanOutResult> {
  const { fleets, commitHub } = options;
  const commits: number[] = [];
  await commitHub.traceCommits((at) => commits.push(at));
  for (const fleet of fleets) fleet.record();
  const writes: Write[] = [];
  const started = performance.now();
  let firstWriteError: string | null = null;
  let writeErrors = 0;
  // A hub too busy to take the writes at the planned rate gets at most twice the planned time.
  const writeUntil = started + (2 * options.events * 1000) / options.ratePerSecond;
  for (let n = 0; n < options.events && performance.now() < writeUntil; n++) {
    const due = started + (n * 1000) / options.ratePerSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    try {
      writes.push(await addComment(options.writer, options.taskIds[n % options.taskIds.length] as string, n));
    } catch (error) {
      writeErrors++;
      firstWriteError ??= error instanceof Error ? error.message : String(error);
    }
  }
  const expected = writes.length * fleets.reduce((sum, fleet) => sum + fleet.size, 0);
  const received = () => fleets.reduce((sum, fleet) => sum + fleet.received(), 0);
  const deadline = performance.now() + options.settleMs;
  while (received() < expected && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const receipts = fleets.map((fleet) => fleet.take());
  await commitHub.traceCommits(null);

  // Sequential writes: each one's commit is the traced commit between its send and its answer.
  const commitOf = new Map<string, number>();
  let unmatchedCommits = 0;
  for (const write of writes) {
    const commit = commits.find((at) => at >= write.sentAt - 1 && at <= write.answeredAt + 1);
    if (commit === undefined) unmatchedCommits++;
    commitOf.set(write.commentId, commit ?? write.answeredAt);
  }
  const figures = (sets: Receipts[], subscribers: number) => fleetFigures(sets, subscribers, writes.length, commitOf, options.commentIdOf);
  return {
    events: writes.length,
    planned: options.events,
    writeErrors,
    firstWriteError,
    fleets: fleets.map((fleet, i) => figures([receipts[i] as Receipts], fleet.size)),
    all: figures(receipts, fleets.reduce((sum, fleet) => sum + fleet.size, 0)),
    unmatchedCommits,
  };
}

type Receipts = ReturnType<Fleet['take']>;

function fleetFigures(
  sets: Receipts[],
  subscribers: number,
  events: number,
  commitOf: Map<string, number>,
  commentIdOf: (data: Record<string, unknown>) => string | null,
): FleetFigures {
  const latency = new Samples();
  const firstLast = new Map<string, [number, number]>();
  let delivered = 0;
  let errors = 0;
  let firstError: string | null = null;
  let lastReceipt = 0;
  for (const { at, message } of sets.flat()) {
    if (message.type === 'error' || (message.type === 'next' && message.payload?.errors)) {
      errors++;
      firstError ??= JSON.stringify(message.payload).slice(0, 300);
      continue;
    }
    if (message.type !== 'next') continue;
    const id = commentIdOf(message.payload?.data ?? {});
    const commit = id ? commitOf.get(id) : undefined;
    if (!id || commit === undefined) continue;
    delivered++;
    latency.add(at - commit);
    lastReceipt = Math.max(lastReceipt, at);
    const span = firstLast.get(id);
    if (span) span[1] = Math.max(span[1], at);
    else firstLast.set(id, [at, at]);
  }
  const spread = new Samples();
  for (const [first, last] of firstLast.values()) spread.add(last - first);
  const firstCommit = Math.min(...commitOf.values());
  return {
    events,
    subscribers,
    expected: events * subscribers,
    delivered,
    errors,
    firstError,
    latency: latency.summary(),
    spread: spread.summary(),
    deliveriesPerSecond: delivered > 0 ? round(delivered / ((lastReceipt - firstCommit) / 1000), 0) : 0,
  };
}
