import { Child, freePort } from '../hub/child.ts';
import { GraphQLClient } from '../load/graphql.ts';
import { graphqlCheck, runLoad, type HttpTarget, type LoadResult } from '../load/http-load.ts';
import { round } from '../load/samples.ts';
import { cpuBetween, treeCpu } from '../live/cpu.ts';
import { ECOHUB_TASK_PAGE } from '../refs/task-page.ts';
import type { ScenarioResult } from '../report/report.ts';
import { statementsPer, type BenchContext } from './context.ts';

/** PostGraphile's equivalent: aliases give the same JSON names; assignees go through the join table. */
const POSTGRAPHILE_TASK_PAGE = `query TaskPage($companyId: UUID!) {
  tasks: allTasks(condition: { companyId: $companyId, archivedAt: null }, orderBy: [STATUS_ASC, RANK_ASC, PRIMARY_KEY_ASC], first: 50) {
    edges { node {
      id: rowId title status priority dueOn rank
      assignees: taskAssigneesByTaskId { nodes { person: personByPersonId { id: rowId name } } }
      measure: measureByMeasureId { id: rowId title }
      commentCount: commentsByTaskId(condition: { deletedAt: null }) { totalCount }
    } }
  }
}`;

const CONCURRENCY = 32;

interface PageRow {
  id: string;
  commentCount: number | { totalCount: number };
  assignees: unknown[] | { nodes: unknown[] };
}

/** Task ids with their comment and assignee counts, to check that the three answers hold the same rows. */
function fingerprint(body: string): string {
  const edges = (JSON.parse(body) as { data: { tasks: { edges: { node: PageRow }[] } } }).data.tasks.edges;
  return edges
    .map(({ node }) => {
      const comments = typeof node.commentCount === 'number' ? node.commentCount : node.commentCount.totalCount;
      const assignees = Array.isArray(node.assignees) ? node.assignees.length : node.assignees.nodes.length;
      return `${node.id}:${comments}:${assignees}`;
    })
    .sort()
    .join(',');
}

export async function taskPageScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const companies = ctx.data.companies('l').map((n) => ctx.data.companyId(n));
  let turn = 0;
  const nextCompany = () => companies[turn++ % companies.length] as string;
  const cookie = ctx.data.cookie(1);
  const phases = { concurrency: CONCURRENCY, warmupMs: ctx.quick ? 1_000 : 3_000, durationMs: ctx.quick ? 3_000 : 10_000 };
  const notes: string[] = [];

  const ours: HttpTarget = {
    origin: ctx.hub.url,
    path: '/graphql',
    headers: { cookie },
    body: () => JSON.stringify({ query: ECOHUB_TASK_PAGE, variables: { companyId: nextCompany() } }),
    check: graphqlCheck,
  };

  const floorPort = await freePort();
  const floor = Child.spawn({ entry: 'refs/floor-process.ts', name: 'floor', env: { DATABASE_URL: ctx.hub.databaseUrl, PORT: String(floorPort) } });
  const peerPort = await freePort();
  const peer = Child.spawn({ entry: 'refs/postgraphile-process.ts', name: 'postgraphile', env: { DATABASE_URL: ctx.hub.databaseUrl, PORT: String(peerPort), GRAPHILE_ENV: 'production' } });
  try {
    await floor.waitFor('ready');
    let peerError: string | null = null;
    await peer.waitFor('ready').catch((error: unknown) => {
      peerError = error instanceof Error ? error.message : String(error);
    });
    const floorTarget: HttpTarget = { origin: `http://127.0.0.1:${floorPort}`, path: () => `/tasks?companyId=${nextCompany()}`, method: 'GET' };
    const peerTarget: HttpTarget = {
      origin: `http://127.0.0.1:${peerPort}`,
      path: '/graphql',
      body: () => JSON.stringify({ query: POSTGRAPHILE_TASK_PAGE, variables: { companyId: nextCompany() } }),
      check: graphqlCheck,
    };

    // The same rows from all three, before anything is timed.
    const sample = companies[0] as string;
    const client = new GraphQLClient(ctx.hub.url, cookie, 1);
    const ourRows = fingerprint(JSON.stringify(await client.request(ECOHUB_TASK_PAGE, { companyId: sample })));
    await client.close();
    const floorRows = fingerprint(await (await fetch(`${floorTarget.origin}/tasks?companyId=${sample}`)).text());
    const peerRows = peerError
      ? null
      : fingerprint(
          await (
            await fetch(`${peerTarget.origin}/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ query: POSTGRAPHILE_TASK_PAGE, variables: { companyId: sample } }),
            })
          ).text(),
        );
    notes.push(`Same rows from all three (task ids, comment and assignee counts): floor ${floorRows === ourRows ? 'yes' : 'NO'}, PostGraphile ${peerRows === null ? 'not running' : peerRows === ourRows ? 'yes' : 'NO'}.`);

    ctx.log('task page: EcoHub');
    const ourResult = await runLoad(ours, phases);
    ctx.log('task page: floor');
    const floorResult = await runLoad(floorTarget, phases);
    let peerResult: LoadResult | null = null;
    if (peerError) notes.push(`PostGraphile 5 did not start: ${peerError}`);
    else {
      ctx.log('task page: PostGraphile');
      peerResult = await runLoad(peerTarget, phases);
    }

    // CPU per page, one request at a time: steadier than throughput on a shared machine.
    const cpuPerPage = async (target: HttpTarget, pid: number) => {
      const requests = ctx.quick ? 100 : 300;
      const before = treeCpu(pid);
      const pgBefore = treeCpu(ctx.hub.pid);
      const result = await runLoad(target, { concurrency: 1, durationMs: 60_000, maxRequests: requests });
      return { server: round(cpuBetween(before, treeCpu(pid), 'root') / result.requests, 2), postgres: round(cpuBetween(pgBefore, treeCpu(ctx.hub.pid), 'postgres') / result.requests, 2) };
    };
    ctx.log('task page: CPU per page, one at a time');
    const cpu = {
      ours: await cpuPerPage(ours, ctx.hub.pid),
      floor: await cpuPerPage(floorTarget, floor.pid),
      peer: peerError ? null : await cpuPerPage(peerTarget, peer.pid),
    };

    const counter = await ctx.counter();
    const counting = new GraphQLClient(counter.url, cookie, 1);
    const statements = await statementsPer(counter, ctx.quick ? 5 : 10, async () => {
      await counting.data(ECOHUB_TASK_PAGE, { companyId: nextCompany() });
    });
    await counting.close();

    const row = (name: string, r: LoadResult | null, c: { server: number; postgres: number } | null) =>
      r ? [name, r.rps, r.latency.p50, r.latency.p99, r.latency.max, r.requests, r.errors, c?.server ?? null, c?.postgres ?? null] : [name, null, null, null, null, null, null, null, null];
    const vsFloor = round(ourResult.rps / floorResult.rps, 2);
    const vsPeer = peerResult ? round(ourResult.rps / peerResult.rps, 2) : null;
    for (const [name, r] of [['EcoHub', ourResult], ['floor', floorResult], ['PostGraphile', peerResult]] as const) {
      if (r?.errors) notes.push(`${name}: ${r.errors} failed requests, first: ${r.firstError}`);
    }
    notes.push('CPU per page: process CPU time (/proc) over 100–300 requests sent one at a time, divided by their number; PostgreSQL is all of its processes.');
    notes.push(`EcoHub runs ${statements.typical} SQL statements per task page (a signed-in session is answered from memory after its first request); the floor runs 1.`);
    return {
      id: 2,
      title: `Task page (50 tasks with assignees, measure, comment count), concurrency ${CONCURRENCY}`,
      tables: [
        {
          columns: ['server', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'requests', 'errors', 'server CPU ms / page', 'PostgreSQL CPU ms / page'],
          rows: [row('EcoHub', ourResult, cpu.ours), row('floor: pg + node:http, hand-written SQL', floorResult, cpu.floor), row('PostGraphile 5.1.5 (Amber)', peerResult, cpu.peer)],
        },
        { columns: ['ratio', 'value'], rows: [['EcoHub / floor (throughput)', vsFloor], ['EcoHub / PostGraphile (throughput)', vsPeer]] },
      ],
      targets: [
        { target: 'task page ≥ 50% of the floor', measured: `${Math.round(vsFloor * 100)}% (${ourResult.rps} vs ${floorResult.rps} req/s)`, met: vsFloor >= 0.5 },
        {
          target: 'task page ahead of PostGraphile',
          measured: peerResult ? `${vsPeer}× (${ourResult.rps} vs ${peerResult.rps} req/s)` : 'PostGraphile not running',
          met: peerResult ? ourResult.rps > peerResult.rps : null,
        },
      ],
      notes,
      figures: { cpuPerPage: cpu, ours: ourResult, floor: floorResult, postgraphile: peerResult, ratioToFloor: vsFloor, ratioToPostgraphile: vsPeer, statementsPerRequest: statements },
    };
  } finally {
    await Promise.all([floor.stop(), peer.stop()]);
  }
}
