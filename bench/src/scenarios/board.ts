import { GraphQLClient, probe } from '../load/graphql.ts';
import { graphqlCheck, runLoad, type LoadResult } from '../load/http-load.ts';
import { WebDocuments, WHOLE_YEAR } from '../load/web-documents.ts';
import { cpuBetween, treeCpu } from '../live/cpu.ts';
import type { Cell, ScenarioResult } from '../report/report.ts';
import { statementsPer, type BenchContext } from './context.ts';

/** The program board page's own operation, as the web client sends it (program-board.query.graphql). */
const BOARD_OPERATION = 'ProgramBoard';

const TITLE = 'Board query (the program board page; 50 tasks, 10 measures, 200 comments per company)';

export async function boardScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const cookie = ctx.data.cookie(1);
  const documents = new WebDocuments();
  const query = documents.has(BOARD_OPERATION) ? documents.operation(BOARD_OPERATION).text : null;
  const client = new GraphQLClient(ctx.hub.url, cookie, 1);
  const missing = query ? await probe(client, query, { programYearId: ctx.data.yearId('s'), ...WHOLE_YEAR }) : `${BOARD_OPERATION} not found`;
  await client.close();
  if (missing || !query) {
    return {
      id: 1,
      title: TITLE,
      tables: [],
      targets: [
        { target: 'board p50 ≤ 20 ms at 20 companies', measured: 'not available', met: null },
        { target: 'board p50 ≤ 60 ms at 200 companies', measured: 'not available', met: null },
        { target: 'board statements constant', measured: 'not available', met: null },
      ],
      notes: [`The board query does not run against this build: ${missing}`],
      figures: { unavailable: missing },
    };
  }

  const counter = await ctx.counter();
  const sizes = ctx.data.shape.programs;
  const rows: Cell[][] = [];
  const figures: Record<string, unknown> = {};
  const p50At: Record<string, number | null> = {};
  const statementsAt: Record<string, number> = {};
  for (const { key, companies } of sizes) {
    const body = JSON.stringify({ query, variables: { programYearId: ctx.data.yearId(key), ...WHOLE_YEAR } });
    const target = { origin: ctx.hub.url, path: '/graphql', headers: { cookie }, body: () => body, check: graphqlCheck };
    const runs: (LoadResult & { hubCpuMs: number; postgresCpuMs: number })[] = [];
    for (const concurrency of [1, 16]) {
      ctx.log(`board: ${companies} companies at concurrency ${concurrency}`);
      // CPU per request (hub, PostgreSQL) compares builds on a busy machine better than latency does.
      await runLoad(target, { concurrency, durationMs: ctx.quick ? 500 : 2_000 }); // warm-up, not measured
      const before = treeCpu(ctx.hub.pid);
      const run = await runLoad(target, { concurrency, durationMs: ctx.quick ? 2_000 : 6_000, maxRequests: concurrency === 1 ? 2_000 : undefined });
      const after = treeCpu(ctx.hub.pid);
      const perRequest = (comm: string) => Math.round((cpuBetween(before, after, comm) / Math.max(1, run.requests)) * 10) / 10;
      runs.push({ ...run, hubCpuMs: perRequest('root'), postgresCpuMs: perRequest('postgres') });
    }
    const counting = new GraphQLClient(counter.url, cookie, 1);
    const statements = await statementsPer(counter, ctx.quick ? 3 : 10, async () => {
      await counting.data(query, { programYearId: ctx.data.yearId(key), ...WHOLE_YEAR });
    });
    await counting.close();
    statementsAt[key] = statements.typical;
    p50At[key] = runs[0]?.latency.p50 ?? null;
    for (const run of runs) rows.push([companies, run.concurrency, run.latency.p50, run.latency.p99, run.latency.max, run.rps, run.hubCpuMs, run.postgresCpuMs, statements.typical, run.errors]);
    figures[`${companies}`] = { runs, statementsPerRequest: statements };
  }

  const [small, large] = sizes;
  const constant = small && large ? statementsAt[small.key] === statementsAt[large.key] : null;
  const p50Target = (program: (typeof sizes)[number] | undefined, limit: number) => ({
    target: `board p50 ≤ ${limit} ms at ${program?.companies} companies (concurrency 1)`,
    measured: `${p50At[program?.key ?? ''] ?? '—'} ms`,
    met: program && p50At[program.key] != null ? (p50At[program.key] as number) <= limit : null,
  });
  return {
    id: 1,
    title: TITLE,
    tables: [{ columns: ['companies', 'concurrency', 'p50 ms', 'p99 ms', 'max ms', 'req/s', 'hub CPU ms / request', 'PostgreSQL CPU ms / request', 'SQL statements / request', 'errors'], rows }],
    targets: [
      p50Target(small, 20),
      p50Target(large, 60),
      {
        target: 'board SQL statements constant with size',
        measured: sizes.map((p) => `${statementsAt[p.key]} at ${p.companies}`).join(', '),
        met: constant,
      },
    ],
    notes: [
      'The query is the board page\'s own operation (apps/web/src/features/board/program-board.query.graphql: rows with company, team, task and measure counts, KPIs, budget, categories, liveSequence), asked by a program manager.',
      'Statements are counted on a second instance started with createServer(config, { onQuery }), so the timed instance pays nothing for counting; the session lookup is included.',
    ],
    figures,
  };
}
