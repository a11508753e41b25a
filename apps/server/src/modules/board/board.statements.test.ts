import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestClient, type TestServer } from '../../testing/index.ts';
import { webOperation } from '../../testing/web-operation.ts';
import { buildWorkWorld, type WorkWorld } from '../../testing/work-world.ts';
import type { EntityManager } from '@mikro-orm/postgresql';
import { onBehalfOf } from '../../core/actor/job-actor.ts';
import { addBulkParticipants } from './bulk-participants.test-kit.ts';
import { boardRows } from './board.queries.ts';

/** The realtime dispatcher's polling and pruning and the session lookup are not the request's own work (a board row's version lookup is). */
const BACKGROUND = /from outbox_event where|delete from outbox_event|outbox_retention|from session|update session/;
const BOARD_AND_KPIS = `query($id: ID!) { programYear(id: $id) {
  board { company { id nameKo } participation { id status } stage team { id name } lastActivityAt
    taskCounts { todo inProgress inReview done blocked total overdue }
    measureCounts { proposed implemented dropped total } investmentKrw expectedAnnualSavingsKrw verifiedAnnualSavingsKrw ghgReductionTco2e }
  kpis { totals { companies implementationRate ghgReductionTco2e investmentKrw }
    byCategory { category implementationRate ghgReductionTco2e }
    byCompany { company { id nameKo } implementationRate ghgReductionTco2e }
    budget { source plannedKrw spentKrw } } } }`;
const PROGRAM_BOARD = webOperation('features/board/program-board.query.graphql', 'ProgramBoard');
const TASK_PAGE = `{ tasks(first: 50) { totalCount pageInfo { endCursor } edges { node {
  id title status rank isOverdue company { id nameKo } measure { id title status } assignees { id name } createdBy { id } commentCount } } } }`;

describe('statement counts do not grow with the number of companies', () => {
  let hub: TestServer;
  let w: WorkWorld;
  let counting = false;
  let statements: string[] = [];

  beforeAll(async () => {
    hub = await startTestServer({
      seeded: false,
      onQuery: (message) => {
        if (counting && !BACKGROUND.test(message)) statements.push(message);
      },
    });
    w = await buildWorkWorld(hub);
  });
  afterAll(() => hub.close());

  /** Statements of one request, after a first identical one (it absorbs the once-a-minute session touch). */
  async function count(client: TestClient, query: string, variables: Record<string, unknown> = {}): Promise<string[]> {
    await client.data(query, variables);
    statements = [];
    counting = true;
    try {
      await client.data(query, variables);
    } finally {
      counting = false;
    }
    return statements;
  }

  async function grow(from: number, to: number): Promise<void> {
    await addBulkParticipants(w.fx, { programYearId: w.year.id, teamId: w.team.id, expertId: w.people.expert.id, factorId: w.factors.ELECTRICITY, from, to });
  }

  it('runs the same few statements for the board, the web board page, the KPIs and a page of 50 tasks at 20 and at 200 companies', { timeout: 120_000 }, async () => {
    const measured: Record<string, number[]> = { board: [], programBoard: [], expertProgramBoard: [], tasks: [], expertTasks: [] };
    for (const [from, to] of [[1, 20], [21, 200]] as const) {
      await grow(from, to);
      const board = await count(w.as.manager, BOARD_AND_KPIS, { id: w.year.id });
      const { programYear } = await w.as.manager.data<{ programYear: { board: unknown[] } }>(`query($id: ID!) { programYear(id: $id) { board { stage } } }`, { id: w.year.id });
      expect(programYear.board.length).toBe(to + 2);
      // The board's own aggregate (raw SQL through em.execute) is among the counted statements.
      expect(board.some((sql) => sql.includes('with rows as'))).toBe(true);
      measured.board!.push(board.length);
      const programBoard = await count(w.as.manager, PROGRAM_BOARD, { programYearId: w.year.id });
      measured.programBoard!.push(programBoard.length);
      measured.expertProgramBoard!.push((await count(w.as.expert, PROGRAM_BOARD, { programYearId: w.year.id })).length);
      measured.tasks!.push((await count(w.as.manager, TASK_PAGE)).length);
      measured.expertTasks!.push((await count(w.as.expert, TASK_PAGE)).length);
    }
    console.info(`statements at 20 and 200 companies: ${JSON.stringify(measured)}`);
    // The web's board: the year with its program, teams, budget, KPIs and the rows with their
    // companies, teams and participations (an expert's scope adds its team lookup).
    const most: Record<string, number> = { board: 6, programBoard: 5, expertProgramBoard: 6, tasks: 1, expertTasks: 2 };
    for (const [what, [atTwenty, atTwoHundred]] of Object.entries(measured)) {
      expect(atTwoHundred, what).toBe(atTwenty);
      expect(atTwenty, what).toBeLessThanOrEqual(most[what]!);
    }
  });

  it('reads no per-category figures for a board page that asks without them (@include), and the same rows otherwise', async () => {
    const variables = { programYearId: w.year.id, filter: null };
    const without = await count(w.as.manager, PROGRAM_BOARD, { ...variables, withCategories: false });
    const withThem = await count(w.as.manager, PROGRAM_BOARD, { ...variables, withCategories: true });
    expect(without.some((sql) => sql.includes('participation_id, m.category'))).toBe(false);
    expect(withThem.some((sql) => sql.includes('participation_id, m.category'))).toBe(true);
    type Board = { programYear: { board: ({ byCategory?: unknown[] } & Record<string, unknown>)[] } };
    const a = await w.as.manager.data<Board>(PROGRAM_BOARD, { ...variables, withCategories: false });
    const b = await w.as.manager.data<Board>(PROGRAM_BOARD, { ...variables, withCategories: true });
    expect(a.programYear.board.every((row) => !('byCategory' in row))).toBe(true);
    expect(a.programYear.board).toEqual(b.programYear.board.map(({ byCategory: _, ...row }) => row));
  });

  it("counts each row's tasks from an index alone, without reading the task table, for every scope", async () => {
    await hub.server.services.orm.em.fork().execute('vacuum analyze task');
    for (const person of [w.people.manager, w.people.expert, w.people.staff]) {
      const { access } = (await onBehalfOf(hub.server.services, person.id, hub.server.logger))!;
      let statement: { sql: string; params: unknown[] } | undefined;
      const capture = { isInTransaction: () => true, execute: async (sql: string, params: unknown[]) => ((statement = { sql, params }), []) };
      await boardRows(capture as unknown as EntityManager, access, w.year.id, { withCategories: false });
      // A test database is too small for the planner to prefer indexes on cost: forbid the
      // alternatives, so what remains shows whether an index can serve the counts at all.
      const plan = await hub.server.services.orm.em.fork().transactional(async (em) => {
        await em.execute('set local enable_seqscan = off');
        await em.execute('set local enable_bitmapscan = off');
        return JSON.stringify(await em.execute(`explain (format json) ${statement!.sql}`, statement!.params));
      });
      expect(plan).toMatch(/"Node Type":"Index Only Scan"[^{}]*"Index Name":"task_board_counts_index"/);
      expect(plan).not.toMatch(/"Node Type":"Index Scan"[^{}]*"Relation Name":"task"/);
    }
  });
});
