import { addUpFigures, ParticipationStatus, type AdditiveFigures } from '@ecohub/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Access } from '../../core/auth/access.ts';
import { startTestServer, TestClient, type TestServer } from '../../testing/index.ts';
import { buildWorkWorld, type WorkWorld } from '../../testing/work-world.ts';
import { boardRow } from './board.queries.ts';

const FIGURES = `measureCounts { proposed approved inProgress implemented verified dropped total } implemented implementationRate
  investmentKrw expectedAnnualSavingsKrw verifiedAnnualSavingsKrw ghgReductionTco2e electricityKwhPerYear lngNm3PerYear`;
const BOARD = `query($id: ID!, $filter: BoardFilter) { programYear(id: $id) { board(filter: $filter) {
  id version company { id nameKo } participation { id status } stage team { id name } lastActivityAt byCategory { category measureCounts { total } }
  taskCounts { todo inProgress inReview done blocked total overdue } ${FIGURES} } } }`;
const KPIS = `query($id: ID!) { programYear(id: $id) { kpis {
  totals { companies ${FIGURES} }
  byCategory { category ${FIGURES} }
  byCompany { company { id } ${FIGURES} }
  budget { source plannedKrw spentKrw spentRate } } } }`;
const CREATE_MEASURE = `mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id version ghgReductionTco2e } }`;
const TRANSITION = `mutation($id: ID!, $to: MeasureStatus!, $version: Int!) { transitionMeasure(id: $id, to: $to, version: $version) { id version } }`;

type Row = {
  id: string;
  company: { id: string };
  participation: { id: string };
  stage: string;
  team: { id: string } | null;
  taskCounts: Record<string, number>;
  measureCounts: Record<string, number>;
  byCategory: { category: string; measureCounts: { total: number } }[];
} & Record<string, unknown>;

describe('program board and KPIs over HTTP', () => {
  let hub: TestServer;
  let w: WorkWorld;
  let tco2e = 0;

  const board = async (client: TestClient, filter: Record<string, unknown> | null = null) =>
    (await client.data<{ programYear: { board: Row[] } }>(BOARD, { id: w.year.id, filter })).programYear.board;
  const measure = async (client: TestClient, companyId: string, extra: Record<string, unknown>, path: string[] = []) => {
    let m = (await client.data<{ createMeasure: { id: string; version: number; ghgReductionTco2e: number } }>(CREATE_MEASURE, {
      input: { companyId, programYearId: w.year.id, title: '조치', category: 'OPERATING_CONDITIONS', ...extra },
    })).createMeasure;
    const ghg = m.ghgReductionTco2e;
    for (const to of path) m = { ...(await client.data<{ transitionMeasure: typeof m }>(TRANSITION, { id: m.id, to, version: m.version })).transitionMeasure, ghgReductionTco2e: ghg };
    return m;
  };

  beforeAll(async () => {
    hub = await startTestServer({ seeded: false });
    w = await buildWorkWorld(hub);
    const applicant = await w.fx.company({ nameKo: '가나다전자' });
    await w.fx.participation(applicant, w.year, { status: ParticipationStatus.APPLIED });
    const kept = await measure(w.as.expert, w.company.id, { investmentKrw: 10_000_000, expectedAnnualSavingsKrw: 5_000_000, electricityKwhPerYear: 100_000 }, [
      'APPROVED',
      'IN_PROGRESS',
      'IMPLEMENTED',
    ]);
    const reuse = await measure(w.as.expert, w.company.id, { category: 'ON_SITE_REUSE', investmentKrw: 2_000_000, waterM3PerYear: 4_000 });
    await measure(w.as.expert, w.company.id, { investmentKrw: 99_000_000, electricityKwhPerYear: 1_000_000 }, ['DROPPED']);
    await measure(w.as.otherExpert, w.otherCompany.id, { investmentKrw: 1_000_000, lngNm3PerYear: 10_000 }, ['APPROVED']);
    tco2e = kept.ghgReductionTco2e + reuse.ghgReductionTco2e;
    const task = (input: Record<string, unknown>) => w.as.expert.data(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, { input: { companyId: w.company.id, title: '일', ...input } });
    await task({ dueOn: '2000-01-01' });
    await task({ status: 'DONE', dueOn: '2000-01-01' });
    await task({ status: 'BLOCKED' });
    await w.fx.rows(
      `insert into budget_line (id, program_year_id, source, planned_krw, spent_krw) values
         (gen_random_uuid(), ?, 'GOVERNMENT', 308000000, 154000000), (gen_random_uuid(), ?, 'CITY', 100000000, 0)`,
      [w.year.id, w.year.id],
    );
  });
  afterAll(() => hub.close());

  it('gives managers one row per participating company with its aggregates', async () => {
    const rows = await board(w.as.manager);
    expect(rows.map((r) => r.company.id)).toEqual([w.otherCompany.id, w.company.id]);
    const own = rows[1] as Row;
    expect(own).toMatchObject({
      stage: 'ACTIVE',
      team: { id: w.team.id },
      taskCounts: { todo: 1, inProgress: 0, inReview: 0, done: 1, blocked: 1, total: 3, overdue: 1 },
      measureCounts: { proposed: 1, approved: 0, inProgress: 0, implemented: 1, verified: 0, dropped: 1, total: 3 },
      implemented: 1,
      implementationRate: 0.5,
      investmentKrw: 12_000_000,
      expectedAnnualSavingsKrw: 5_000_000,
      electricityKwhPerYear: 100_000,
    });
    expect(own['ghgReductionTco2e']).toBeCloseTo(tco2e, 3);
    expect(own['lastActivityAt']).not.toBeNull();
  });

  it('scopes rows: staff their own, experts their teams’, observers all, anonymous none', async () => {
    expect((await board(w.as.staff)).map((r) => r.company.id)).toEqual([w.company.id]);
    expect((await board(w.as.otherExpert)).map((r) => r.company.id)).toEqual([w.otherCompany.id]);
    expect(await board(w.as.observer)).toHaveLength(2);
    expect(await board(new TestClient(hub.url))).toEqual([]);
  });

  it('withholds task counts and last activity from observers (hidden, not zero or idle), not from managers', async () => {
    const observed = await board(w.as.observer);
    expect(observed.map((r) => [r.taskCounts, r['lastActivityAt']])).toEqual(observed.map(() => [null, null]));
    const managed = await board(w.as.manager);
    expect(managed.some((r) => r['lastActivityAt'] !== null)).toBe(true);
    expect(managed.every((r) => r.taskCounts !== null)).toBe(true);
  });

  it('filters by team, stage and measure category', async () => {
    expect((await board(w.as.manager, { teamId: w.otherTeam.id })).map((r) => r.company.id)).toEqual([w.otherCompany.id]);
    expect((await board(w.as.manager, { status: 'APPLIED' })).map((r) => r.stage)).toEqual(['APPLIED']);
    // A category filter keeps the companies with such a measure; their rows keep the company's own figures, the category's are beside them.
    const reuse = await board(w.as.manager, { category: 'ON_SITE_REUSE' });
    expect(reuse.map((r) => [r.company.id, r.measureCounts['total']])).toEqual([[w.company.id, 3]]);
    expect(reuse[0]!.byCategory.map((c) => [c.category, c.measureCounts.total])).toEqual([
      ['ON_SITE_REUSE', 1],
      ['OPERATING_CONDITIONS', 2],
    ]);
    // A row is the company's participation in the year, whatever the filter.
    expect(reuse[0]!.id).toBe(reuse[0]!.participation.id);
    expect(await w.as.manager.errorCode(BOARD, { id: w.year.id, filter: { teamId: 'x' } })).toBe('BAD_USER_INPUT');
  });

  it('computes KPIs: public totals and categories, per-company figures within scope, budget by source', async () => {
    type Kpis = { totals: Record<string, unknown>; byCategory: { category: string }[]; byCompany: { company: { id: string } }[]; budget: unknown[] };
    const kpis = async (client: TestClient) => (await client.data<{ programYear: { kpis: Kpis } }>(KPIS, { id: w.year.id })).programYear.kpis;
    const manager = await kpis(w.as.manager);
    expect(manager.totals).toMatchObject({ companies: 2, implemented: 1, implementationRate: 0.3333, investmentKrw: 13_000_000 });
    expect(manager.totals['measureCounts']).toMatchObject({ total: 4, dropped: 1 });
    expect(manager.byCategory.map((c) => c.category)).toEqual(['ON_SITE_REUSE', 'OPERATING_CONDITIONS']);
    expect(manager.byCompany.map((c) => c.company.id).sort()).toEqual([w.company.id, w.otherCompany.id].sort());
    expect(manager.budget).toEqual([
      { source: 'CITY', plannedKrw: 100_000_000, spentKrw: 0, spentRate: 0 },
      { source: 'GOVERNMENT', plannedKrw: 308_000_000, spentKrw: 154_000_000, spentRate: 0.5 },
    ]);
    const staff = await kpis(w.as.staff);
    expect(staff.totals).toEqual(manager.totals);
    expect(staff.byCompany.map((c) => c.company.id)).toEqual([w.company.id]);
    const anonymous = await kpis(new TestClient(hub.url));
    expect(anonymous.totals).toEqual(manager.totals);
    expect(anonymous.budget).toEqual(manager.budget);
    expect(anonymous.byCompany).toEqual([]);
  });

  it('totals what each board shows: the viewer’s companies under the filter, adding up its rows (as the web client does)', async () => {
    const ADDITIVE = `measureCounts { total dropped } implemented investmentKrw expectedAnnualSavingsKrw implementedExpectedAnnualSavingsKrw
      reportedAnnualSavingsKrw verifiedAnnualSavingsKrw ghgReductionTco2e implementationRate implementationRateBySavings`;
    const BOARD_KPIS = `query($id: ID!, $filter: BoardFilter) { programYear(id: $id) {
      board(filter: $filter) { ${ADDITIVE} byCategory { category ${ADDITIVE} } }
      boardKpis(filter: $filter) { totals { companies ${ADDITIVE} } byCategory { category ${ADDITIVE} } }
      kpis { totals { companies ${ADDITIVE} } } } }`;
    type Figures = AdditiveFigures & { companies?: number; implementationRate: number; implementationRateBySavings: number };
    type Category = Figures & { category: string };
    type Answer = { board: (Figures & { byCategory: Category[] })[]; boardKpis: { totals: Figures; byCategory: Category[] }; kpis: { totals: Figures } };
    const ask = async (client: TestClient, filter: Record<string, unknown> | null = null) =>
      (await client.data<{ programYear: Answer }>(BOARD_KPIS, { id: w.year.id, filter })).programYear;
    for (const [client, filter] of [
      [w.as.manager, null],
      [w.as.otherExpert, null],
      [w.as.staff, null],
      [w.as.manager, { teamId: w.team.id }],
      [w.as.manager, { category: 'ON_SITE_REUSE' }],
      [w.as.manager, { status: 'APPLIED' }],
    ] as const) {
      const answer = await ask(client, filter);
      const category = filter && 'category' in filter ? filter.category : null;
      // Under a category filter a board shows (and totals) each row's figures for that category.
      const shown = answer.board.map((row) => (category ? (row.byCategory.find((c) => c.category === category) as Figures) : row));
      expect(answer.boardKpis.totals, JSON.stringify(filter)).toEqual({ companies: answer.board.length, ...addUpFigures(shown) });
      const categories = [...new Set(answer.board.flatMap((row) => row.byCategory.map((c) => c.category)))].filter((c) => !category || c === category).sort();
      const byCategory = categories.map((c) => ({ category: c, ...addUpFigures(answer.board.flatMap((row) => row.byCategory.filter((f) => f.category === c))) }));
      expect(answer.boardKpis.byCategory, JSON.stringify(filter)).toEqual(byCategory);
    }
    const manager = await ask(w.as.manager);
    expect(manager.boardKpis.totals).toEqual(manager.kpis.totals);
    const expert = await ask(w.as.otherExpert);
    expect(expert.boardKpis.totals).toMatchObject({ companies: 1, investmentKrw: 1_000_000 });
    expect(expert.kpis.totals.investmentKrw).toBe(13_000_000);
    expect((await ask(w.as.manager, { category: 'ON_SITE_REUSE' })).boardKpis.byCategory).toMatchObject([{ category: 'ON_SITE_REUSE', investmentKrw: 2_000_000 }]);
    expect((await ask(new TestClient(hub.url))).boardKpis.totals).toMatchObject({ companies: 0, investmentKrw: 0 });
  });

  it('traces the year month by month from the history, within the viewer’s scope and filter', async () => {
    const TREND = `query($id: ID!, $filter: BoardFilter) { programYear(id: $id) {
      boardTrend(filter: $filter) { month tasksCompleted measuresImplemented savingsImplementedKrw ghgImplementedTco2e } } }`;
    type Month = { month: string; tasksCompleted: number; measuresImplemented: number; savingsImplementedKrw: number; ghgImplementedTco2e: number };
    const trend = async (client: TestClient, filter: Record<string, unknown> | null = null) =>
      (await client.data<{ programYear: { boardTrend: Month[] } }>(TREND, { id: w.year.id, filter })).programYear.boardTrend;
    // A task moved to done, dated (as the history says) in the program's November 2012, Korea time.
    const [task] = await w.fx.rows<{ id: string; version: number }>(`select id, version from task where company_id = ? and status = 'TODO' limit 1`, [w.company.id]);
    await w.as.expert.data('mutation($id: ID!, $v: Int!) { moveTask(id: $id, status: DONE, version: $v) { id } }', { id: task!.id, v: task!.version });
    await w.fx.rows(`update activity_entry set created_at = '2012-11-30T16:00:00Z' where entity_id = ? and action = 'task.moved'`, [task!.id]);
    // The measure implemented at set-up, dated in March 2013.
    await w.fx.rows(
      `update activity_entry set created_at = '2013-03-10T01:00:00Z' where action = 'measure.transitioned' and diff -> 'status' ->> 'to' = 'IMPLEMENTED' and company_id = ?`,
      [w.company.id],
    );
    const months = await trend(w.as.manager);
    expect(months.map((m) => m.month)).toEqual([
      '2012-10-01', '2012-11-01', '2012-12-01', '2013-01-01', '2013-02-01', '2013-03-01', '2013-04-01', '2013-05-01', '2013-06-01', '2013-07-01',
    ]);
    // 2012-11-30T16:00Z is already 1 December in Korea.
    expect(months.find((m) => m.tasksCompleted > 0)).toMatchObject({ month: '2012-12-01', tasksCompleted: 1 });
    expect(months.find((m) => m.measuresImplemented > 0)).toMatchObject({ month: '2013-03-01', measuresImplemented: 1, savingsImplementedKrw: 5_000_000 });
    expect(months.reduce((n, m) => n + m.ghgImplementedTco2e, 0)).toBeGreaterThan(0);
    // The other expert's team and a category without that measure see none of it.
    expect((await trend(w.as.otherExpert)).every((m) => m.tasksCompleted === 0 && m.measuresImplemented === 0)).toBe(true);
    expect((await trend(w.as.manager, { category: 'ON_SITE_REUSE' })).every((m) => m.measuresImplemented === 0)).toBe(true);
    expect(await trend(new TestClient(hub.url))).toHaveLength(10);
  });

  it('sums the same tCO2e in KPIs as in each measure and on the board', async () => {
    const { programYear } = await w.as.manager.data<{ programYear: { kpis: { totals: { ghgReductionTco2e: number } }; board: { ghgReductionTco2e: number }[] } }>(
      `query($id: ID!) { programYear(id: $id) { kpis { totals { ghgReductionTco2e } } board { ghgReductionTco2e } } }`,
      { id: w.year.id },
    );
    const boardSum = programYear.board.reduce((sum, row) => sum + row.ghgReductionTco2e, 0);
    expect(programYear.kpis.totals.ghgReductionTco2e).toBeCloseTo(boardSum, 3);
  });

  it('serves one row to live updates exactly as the board shows it', async () => {
    const em = hub.server.orm.em.fork();
    const manager = new Access(em, { personId: w.people.manager.id, role: 'PROGRAM_MANAGER', companyId: null, sessionId: 'test' });
    const row = await boardRow(em, manager, w.year.id, w.company.id);
    const fetched = (await board(w.as.manager)).find((r) => r.company.id === w.company.id) as Row;
    expect(row).toMatchObject({ companyId: w.company.id, taskCounts: fetched.taskCounts, measureCounts: fetched.measureCounts, investmentKrw: fetched['investmentKrw'] });
    const outsider = new Access(em, { personId: w.people.otherStaff.id, role: 'COMPANY_STAFF', companyId: w.otherCompany.id, sessionId: 'test' });
    expect(await boardRow(em, outsider, w.year.id, w.company.id)).toBeNull();
  });
});
