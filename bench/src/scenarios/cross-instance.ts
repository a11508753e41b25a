import { connect } from 'node:net';
import { Hub } from '../hub/hub.ts';
import { measureFanOut, type FanOutResult } from '../live/fan-out.ts';
import { GraphQLClient } from '../load/graphql.ts';
import { round } from '../load/samples.ts';
import type { Cell, ScenarioResult, TargetCheck } from '../report/report.ts';
import type { BenchContext } from './context.ts';
import { FEED, hotTasks, openFleet } from './live.ts';

const SUBSCRIBERS = 100;
/**
 * Comments per bus, at RATE_PER_SECOND. The receipts of one comment arrive together, so a p99 over 40
 * comments was the worst comment's; 150 make it a percentile of comments again (30 s per bus).
 */
const EVENTS = 150;
const RATE_PER_SECOND = 5;
const REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * Comments are written to instance A while 100 sockets listen on A (in-process delivery) and
 * 100 on instance B (woken through the bus): the same events, at the same time, so the
 * difference between the two is what the bus adds.
 */
async function compare(ctx: BenchContext, writeHub: Hub, remoteHub: Hub): Promise<FanOutResult> {
  const local = await openFleet(ctx, writeHub, 1, SUBSCRIBERS);
  const remote = await openFleet(ctx, remoteHub, 1 + SUBSCRIBERS, SUBSCRIBERS);
  const writer = new GraphQLClient(writeHub.url, ctx.data.cookie(1), 1);
  try {
    await Promise.all([writeHub.waitForSubscriptions(SUBSCRIBERS, 30_000), remoteHub.waitForSubscriptions(SUBSCRIBERS, 30_000)]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    return await measureFanOut({
      fleets: [local.fleet, remote.fleet],
      commitHub: writeHub,
      writer,
      taskIds: hotTasks(ctx),
      events: ctx.quick ? 10 : EVENTS,
      ratePerSecond: RATE_PER_SECOND,
      commentIdOf: FEED.commentIdOf,
      settleMs: 10_000,
    });
  } finally {
    local.fleet.close();
    remote.fleet.close();
    await writer.close();
    await writeHub.waitForNoSubscriptions(30_000);
  }
}

/** null when a Redis answers PING on the machine's default address, else why not. */
function redisProblem(): Promise<string | null> {
  const { hostname, port } = new URL(REDIS_URL);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const done = (problem: string | null) => {
      socket.destroy();
      resolve(problem);
    };
    socket.setTimeout(1_000, () => done('no answer within 1 s'));
    socket.once('error', (error) => done(error.message));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG') ? null : `unexpected answer ${data.toString().trim()}`));
  });
}

export async function crossInstanceScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const rows: Cell[][] = [];
  const targets: TargetCheck[] = [];
  const notes: string[] = [];
  const figures: Record<string, unknown> = {};
  const record = (bus: string, result: FanOutResult) => {
    const [local, remote] = result.fleets;
    if (!local || !remote) return;
    const extraP50 = local.latency.p50 !== null && remote.latency.p50 !== null ? round(remote.latency.p50 - local.latency.p50) : null;
    const extraP99 = local.latency.p99 !== null && remote.latency.p99 !== null ? round(remote.latency.p99 - local.latency.p99) : null;
    rows.push([bus, 'same instance', local.latency.p50, local.latency.p99, local.latency.max, `${local.delivered}/${local.expected}`, null, null]);
    rows.push([bus, 'other instance', remote.latency.p50, remote.latency.p99, remote.latency.max, `${remote.delivered}/${remote.expected}`, extraP50, extraP99]);
    targets.push({ target: `${bus}: cross-instance adds ≤ 10 ms p99`, measured: extraP99 === null ? 'no deliveries' : `+${extraP99} ms p99 (+${extraP50} ms p50)`, met: extraP99 === null ? null : extraP99 <= 10 });
    notes.push(`${bus}: each row's percentiles are over its receipts (the delivered column): ${result.events} comments × ${SUBSCRIBERS} sockets.`);
    if (result.writeErrors || result.all.errors) notes.push(`${bus}: ${result.writeErrors} failed writes, ${result.all.errors} subscriber errors (${result.firstWriteError ?? result.all.firstError})`);
    figures[bus] = result;
  };

  ctx.log('cross-instance: PostgreSQL bus');
  const second = await Hub.start({ name: 'instance-b', databaseUrl: ctx.hub.databaseUrl });
  try {
    record('PostgreSQL LISTEN/NOTIFY', await compare(ctx, ctx.hub, second));
  } finally {
    await second.stop();
  }

  const redisMissing = await redisProblem();
  if (redisMissing) {
    notes.push(`Redis bus not measured: no Redis at ${REDIS_URL} (${redisMissing}).`);
  } else {
    ctx.log('cross-instance: Redis bus');
    try {
      const a = await Hub.start({ name: 'redis-a', databaseUrl: ctx.hub.databaseUrl, redisUrl: REDIS_URL });
      try {
        const b = await Hub.start({ name: 'redis-b', databaseUrl: ctx.hub.databaseUrl, redisUrl: REDIS_URL });
        try {
          record('Redis pub/sub', await compare(ctx, a, b));
        } finally {
          await b.stop();
        }
      } finally {
        await a.stop();
      }
    } catch (error) {
      notes.push(`Redis bus not measured: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  notes.push(`${SUBSCRIBERS} sockets on the writing instance and ${SUBSCRIBERS} on a second instance listen to the same comments (${RATE_PER_SECOND}/s); the extra latency is the second's minus the first's.`);
  return {
    id: 6,
    title: 'Cross-instance delivery: what the bus adds over in-process delivery',
    tables: [{ columns: ['bus', 'subscribers on', 'p50 ms', 'p99 ms', 'max ms', 'delivered', 'extra p50 ms', 'extra p99 ms'], rows }],
    targets,
    notes,
    figures,
  };
}
