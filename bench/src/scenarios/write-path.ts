import { addCommentBody } from '../live/comments.ts';
import { graphqlCheck, runLoad } from '../load/http-load.ts';
import type { ScenarioResult } from '../report/report.ts';
import type { BenchContext } from './context.ts';
import { FEED, hotTasks, openFleet } from './live.ts';

const CONCURRENCY = 32;
const SUBSCRIBERS = 100;

export async function writePathScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const { hub } = ctx;
  const tasks = hotTasks(ctx);
  const { fleet } = await openFleet(ctx, hub, 1, SUBSCRIBERS);
  try {
    await hub.waitForSubscriptions(SUBSCRIBERS, 30_000);
    fleet.record();
    let n = 0;
    const result = await runLoad(
      {
        origin: hub.url,
        path: '/graphql',
        headers: { cookie: ctx.data.cookie(SUBSCRIBERS + 1) },
        body: () => addCommentBody(tasks[n % tasks.length] as string, n++),
        check: graphqlCheck,
      },
      { concurrency: CONCURRENCY, warmupMs: ctx.quick ? 1_000 : 2_000, durationMs: ctx.quick ? 3_000 : 10_000 },
    );
    // Deliveries of the measured comments keep arriving for a moment after the last answer.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const received = fleet.take().filter(({ message }) => message.type === 'next' && FEED.commentIdOf(message.payload?.data ?? {}) !== null).length;
    // Every comment written (warm-up included) is due to every subscriber: a hub that drops
    // deliveries under load writes faster, and the rate alone would read as an improvement.
    const due = (n - result.errors) * SUBSCRIBERS;
    const notes = [
      `${SUBSCRIBERS} subscribers on ${FEED.name} received ${received.toLocaleString('en-US')} of the ${due.toLocaleString('en-US')} comment events due (every comment written, warm-up included, to every subscriber) during and just after the measured ${result.seconds} s.`,
    ];
    if (received < due) notes.push(`${(due - received).toLocaleString('en-US')} deliveries missing: the rate above was reached by not delivering them.`);
    if (result.errors) notes.push(`${result.errors} failed mutations, first: ${result.firstError}`);
    return {
      id: 5,
      title: `Write path: addComment at concurrency ${CONCURRENCY} with ${SUBSCRIBERS} subscribers`,
      tables: [
        {
          columns: ['mutations/s', 'p50 ms', 'p99 ms', 'max ms', 'mutations', 'errors', 'delivered'],
          rows: [[result.rps, result.latency.p50, result.latency.p99, result.latency.max, result.requests, result.errors, `${received}/${due}`]],
        },
      ],
      targets: [],
      notes,
      figures: { ...result, subscribers: SUBSCRIBERS, deliveriesReceived: received, deliveriesDue: due },
    };
  } finally {
    fleet.close();
    await hub.waitForNoSubscriptions(30_000);
  }
}
