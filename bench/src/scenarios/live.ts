import type { Hub } from '../hub/hub.ts';
import { ACTIVITY_FEED, type BoardFeed } from '../live/board-feed.ts';
import { measureFanOut, type FanOutResult, type FleetFigures } from '../live/fan-out.ts';
import { Fleet } from '../live/fleet.ts';
import { GraphQLClient } from '../load/graphql.ts';
import { round } from '../load/samples.ts';
import { join } from 'node:path';
import { PROFILES_DIR } from '../paths.ts';
import { summarizeHeap } from '../profile-summary.ts';
import type { Cell, ScenarioResult, Table } from '../report/report.ts';
import type { BenchContext } from './context.ts';

export const FEED: BoardFeed = ACTIVITY_FEED;

/** Sockets acting for generated sessions from `first` on, all watching the large program's board. */
export async function openFleet(ctx: BenchContext, hub: Hub, first: number, count: number): Promise<{ fleet: Fleet; connectSeconds: number }> {
  const started = performance.now();
  const yearId = ctx.data.yearId('l');
  const fleet = await Fleet.open({
    url: `${hub.url.replace(/^http/, 'ws')}/graphql`,
    count,
    cookie: (i) => ctx.data.cookie(first + i),
    subscription: () => FEED.subscription(yearId),
  });
  return { fleet, connectSeconds: (performance.now() - started) / 1000 };
}

/** Tasks of the large program the comments rotate over. */
export function hotTasks(ctx: BenchContext): string[] {
  return ctx.data.companies('l').slice(0, 20).map((n, i) => ctx.data.taskId(n, 1 + (i % ctx.data.shape.tasksPerCompany)));
}

export function fanOutRow(label: Cell, rate: Cell, figures: FleetFigures): Cell[] {
  return [
    label,
    rate,
    figures.latency.p50,
    figures.latency.p99,
    figures.latency.max,
    figures.spread.p50,
    figures.deliveriesPerSecond,
    `${figures.delivered}/${figures.expected}`,
  ];
}

export const FAN_OUT_COLUMNS = ['subscribers', 'comments/s', 'p50 ms', 'p99 ms', 'max ms', 'spread p50 ms', 'deliveries/s', 'delivered'];

function problems(result: FanOutResult, fleet: Fleet[]): string[] {
  const notes: string[] = [];
  if (result.events < result.planned) notes.push(`Only ${result.events} of ${result.planned} comments were written in twice the planned time: the busy hub answered addComment late.`);
  if (result.writeErrors) notes.push(`${result.writeErrors} comments failed: ${result.firstWriteError}`);
  if (result.all.errors) notes.push(`${result.all.errors} error messages to subscribers: ${result.all.firstError}`);
  if (result.unmatchedCommits) notes.push(`${result.unmatchedCommits} commits not traced (latency from the mutation's answer instead)`);
  const closed = fleet.reduce((sum, f) => sum + f.closedEarly, 0);
  if (closed) notes.push(`${closed} sockets closed by the server: ${fleet.flatMap((f) => f.errors).slice(0, 3).join('; ')}`);
  return notes;
}

/**
 * Scenarios 3 and 4 share their sockets: 1,000 listen, then 5,000, then 10,000 for the idle
 * scale figures, each step adding sockets to the ones already open.
 */
export async function liveScenarios(ctx: BenchContext): Promise<ScenarioResult[]> {
  const { hub } = ctx;
  const sizes = ctx.quick ? [100, 300, 600] : [1_000, 5_000, 10_000];
  const rate = 5;
  const events = ctx.quick ? 10 : 40;
  const writer = new GraphQLClient(hub.url, ctx.data.cookie(1), 1);
  const fleets: Fleet[] = [];
  const tasks = hotTasks(ctx);
  try {
    await hub.collectGarbage();
    const before = await hub.stats();
    const rssBefore = hub.rssBytes() ?? before.rss;

    const fanOut: { size: number; result: FanOutResult; connectSeconds: number }[] = [];
    let open = 0;
    for (const size of sizes.slice(0, 2)) {
      ctx.log(`fan-out: connecting ${size - open} more sockets`);
      const { fleet, connectSeconds } = await openFleet(ctx, hub, 1 + open, size - open);
      fleets.push(fleet);
      open = size;
      await hub.waitForSubscriptions(before.subscriptions + open, 60_000);
      ctx.log(`fan-out: ${size} subscribers, ${events} comments at ${rate}/s`);
      const result = await measureFanOut({ fleets, commitHub: hub, writer, taskIds: tasks, events, ratePerSecond: rate, commentIdOf: FEED.commentIdOf, settleMs: 15_000 });
      fanOut.push({ size, result, connectSeconds });
    }

    const idleSize = sizes[2] as number;
    ctx.log(`idle scale: connecting ${idleSize - open} more sockets`);
    const heapFile = join(PROFILES_DIR, `idle-sockets-${Date.now()}.heapprofile`);
    if (ctx.profiling) await hub.startHeapSampling();
    const connectStarted = performance.now();
    const { fleet } = await openFleet(ctx, hub, 1 + open, idleSize - open);
    fleets.push(fleet);
    await hub.waitForSubscriptions(before.subscriptions + idleSize, 120_000);
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await hub.collectGarbage();
    const after = await hub.stats();
    const rssAfter = hub.rssBytes() ?? after.rss;
    if (ctx.profiling) await hub.stopHeapSampling(heapFile);
    const perSocketKiB = round((rssAfter - rssBefore) / idleSize / 1024, 1);
    const perSocket = (field: 'heapUsed' | 'heapTotal' | 'external') => `${round((after[field] - before[field]) / idleSize / 1024, 1)} KiB`;
    ctx.log(`idle scale: one event at a time to ${idleSize}`);
    const idleEvents = ctx.quick ? 3 : 5;
    const idle = await measureFanOut({ fleets, commitHub: hub, writer, taskIds: tasks, events: idleEvents, ratePerSecond: 0.5, commentIdOf: FEED.commentIdOf, settleMs: 15_000 });

    const [small, large] = fanOut;
    const mb = (bytes: number) => round(bytes / 2 ** 20, 0);
    const idleTables: Table[] = [
      {
        columns: ['sockets', 'hub RSS before', 'hub RSS after', 'RSS per socket', 'JS heap used / total per socket', 'external per socket', 'connect + subscribe'],
        rows: [
          [
            idleSize,
            `${mb(rssBefore)} MiB`,
            `${mb(rssAfter)} MiB`,
            `${perSocketKiB} KiB`,
            `${perSocket('heapUsed')} / ${perSocket('heapTotal')}`,
            perSocket('external'),
            `${round(connectSeconds, 1)} s for the last ${idleSize - open}`,
          ],
        ],
      },
      { columns: FAN_OUT_COLUMNS, rows: [fanOutRow(idleSize, 'one event every 2 s', idle.all)] },
      ...(ctx.profiling ? heapTables(heapFile, idleSize - open) : []),
    ];
    const fanOutTarget = (entry: typeof small, limit: number) => ({
      target: `fan-out p99 ≤ ${limit} ms at ${entry?.size.toLocaleString('en-US')} subscribers`,
      measured: entry ? `${entry.result.all.latency.p99} ms` : 'not run',
      met: entry?.result.all.latency.p99 == null ? null : entry.result.all.latency.p99 <= limit,
    });
    const scenario3: ScenarioResult = {
      id: 3,
      title: `Live fan-out: graphql-ws clients on one program board (${FEED.name}), comments at a steady rate`,
      tables: [
        {
          columns: FAN_OUT_COLUMNS,
          rows: fanOut.map(({ size, result }) => fanOutRow(size, rate, result.all)),
        },
      ],
      targets: [fanOutTarget(small, 100), fanOutTarget(large, 250)],
      notes: [
        'Latency runs from the commit of each comment (timed inside the hub process) to the client reading the frame; "spread" is first to last receipt of one event.',
        ...fanOut.map(({ size, connectSeconds }) => `Connecting and subscribing ${size === sizes[0] ? size : size - (sizes[0] as number)} sockets took ${round(connectSeconds, 1)} s.`),
        ...fanOut.flatMap(({ result }) => problems(result, fleets)),
      ],
      figures: { rate, events, feed: FEED.name, runs: fanOut },
    };
    const scenario4: ScenarioResult = {
      id: 4,
      title: `Idle scale: ${idleSize.toLocaleString('en-US')} authenticated, subscribed sockets on one instance`,
      tables: idleTables,
      targets: [{ target: `${idleSize.toLocaleString('en-US')} sockets in ≤ 1.5 GB`, measured: `${mb(rssAfter)} MiB hub RSS`, met: rssAfter <= 1.5 * 2 ** 30 }],
      notes: ['RSS is read from /proc/<pid>/status of the hub process after a full GC (--expose-gc); PostgreSQL is a separate process and not included.', ...problems(idle, fleets)],
      figures: { sockets: idleSize, rssBefore, rssAfter, perSocketBytes: (rssAfter - rssBefore) / idleSize, memoryBefore: before, memoryAfter: after, connectSeconds, fanOut: idle },
    };
    return [scenario3, scenario4];
  } finally {
    for (const fleet of fleets) fleet.close();
    await writer.close();
    await hub.waitForNoSubscriptions(60_000);
  }
}

/** What the sockets connected while the heap was sampled keep alive, by allocating code. */
function heapTables(file: string, sockets: number): Table[] {
  const heap = summarizeHeap(file);
  const perSocket = `${round(heap.totalBytes / sockets / 1024, 1)} KiB per socket`;
  return [
    { title: `Live JS memory allocated while ${sockets} sockets connected (sampling heap profile, ${perSocket})`, columns: ['allocated by package', '%'], rows: heap.owners.map((line) => [line.name, line.percent]) },
    { columns: ['allocated by function', '%'], rows: heap.functions.map((line) => [line.name, line.percent]) },
  ];
}
