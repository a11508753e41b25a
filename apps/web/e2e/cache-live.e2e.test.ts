import { TestClient } from '@ecohub/server/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, signInAs, startHub, type Hub, type Person } from './harness.ts';

const TASKS = `{ tasks(first: 200) { edges { node { id status version company { id } } } } }`;
const MEASURES = `{ measures(first: 200) { edges { node { id version status } } } }`;
const MOVE_TASK = `mutation($id: ID!, $status: TaskStatus!, $version: Int!) { moveTask(id: $id, status: $status, version: $version) { id } }`;
const ARCHIVE_TASK = `mutation($id: ID!, $version: Int!) { archiveTask(id: $id, version: $version) { id } }`;
const CREATE_TASK = `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`;
const UPDATE_MEASURE = `mutation($input: UpdateMeasureInput!) { updateMeasure(input: $input) { id } }`;
const ARCHIVE_MEASURE = `mutation($id: ID!, $version: Int!) { archiveMeasure(id: $id, version: $version) { id } }`;
const CREATE_MEASURE = `mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id } }`;
const YEAR_MEASURES = `query($y: ID!, $after: String) { measures(filter: { programYearId: $y }, first: 200, after: $after) {
  totalCount pageInfo { endCursor hasNextPage } edges { node { id version status } } } }`;

interface Row {
  id: string;
  status: string;
  version: number;
  company: { id: string };
}

/** The board as shown: each column's cards in order, with their text. */
function boardText(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid^="column-"]')].map((column) => ({
      column: column.dataset.testid,
      cards: [...column.querySelectorAll<HTMLElement>('[data-task-id]')].map((card) => `${card.dataset.taskId} ${card.innerText.trim()}`),
    })),
  );
}

/** The register as shown: its rows and its totals line. */
function registerText(page: Page) {
  return page.evaluate(() => ({
    rows: [...document.querySelectorAll<HTMLElement>('tbody tr[data-measure-id]')].map((row) => row.innerText.replace(/\s+/g, ' ').trim()),
    totals: document.querySelector<HTMLElement>('tfoot')?.innerText.replace(/\s+/g, ' ').trim() ?? '',
  }));
}

/** The register with every page loaded ("more" until none is left). */
async function openRegister(page: Page): Promise<number> {
  await page.goto('/measures');
  await page.locator('tbody tr[data-measure-id]').first().waitFor();
  const rows = page.locator('tbody tr[data-measure-id]');
  for (let shown = await rows.count(); await page.locator('.more button').isVisible(); ) {
    await page.locator('.more button').click();
    await expect.poll(() => rows.count()).toBeGreaterThan(shown);
    shown = await rows.count();
  }
  await page.locator('tfoot').waitFor();
  return rows.count();
}

describeWithBrowser('the normalized cache applies live events', () => {
  let hub: Hub;
  let manager: Person;
  let staff: Person;
  let writer: TestClient;

  beforeAll(async () => {
    hub = await startHub();
    writer = await new TestClient(hub.baseUrl).signInAs('manager@ecofrontier.co.kr');
    manager = await signInAs(hub, 'manager@ecofrontier.co.kr');
    staff = await signInAs(hub, 'staff@hanilplating.co.kr');
  });

  afterAll(async () => {
    await manager?.context.close();
    await staff?.context.close();
    await hub?.close();
  });

  it('after a burst of changes, a task board and the measures register equal a fresh load, with zero refetches of their queries', async () => {
    const tasks = (await writer.data<{ tasks: { edges: { node: Row }[] } }>(TASKS)).tasks.edges.map((edge) => edge.node);
    const measures = (await writer.data<{ measures: { edges: { node: Row }[] } }>(MEASURES)).measures.edges.map((edge) => edge.node);
    const perCompany = new Map<string, Row[]>();
    for (const task of tasks) perCompany.set(task.company.id, [...(perCompany.get(task.company.id) ?? []), task]);
    const [companyId, companyTasks] = [...perCompany].sort((a, b) => b[1].length - a[1].length)[0] as [string, Row[]];
    expect(companyTasks.length).toBeGreaterThanOrEqual(4);
    const active = measures.filter((measure) => measure.status !== 'DROPPED');
    expect(active.length).toBeGreaterThanOrEqual(6);

    const board = await manager.context.newPage();
    const register = await manager.context.newPage();
    await board.goto(`/companies/${companyId}/tasks`);
    await board.getByTestId('task-board').waitFor();
    await board.locator('[data-task-id]').first().waitFor();
    await register.goto('/measures');
    await register.locator('tbody tr[data-measure-id]').first().waitFor();
    for (const page of [board, register]) await page.getByTestId('live-indicator').and(page.locator('.live--live')).waitFor({ timeout: 10_000 });

    // Every load of the two pages' queries in this browser from now on, the fresh pages' included.
    const loads: string[] = [];
    manager.context.on('request', (request) => {
      const body = request.postData() ?? '';
      if (body.includes('query CompanyTasks')) loads.push(`CompanyTasks ${request.frame().page()?.url()}`);
      if (body.includes('query Measures(')) loads.push(`Measures ${request.frame().page()?.url()}`);
    });

    const [archivedTask, ...moved] = companyTasks;
    await Promise.all([
      ...moved.slice(0, 3).map((task, i) => writer.data(MOVE_TASK, { id: task.id, status: ['DONE', 'IN_PROGRESS', 'BLOCKED'][i], version: task.version })),
      writer.data(ARCHIVE_TASK, { id: archivedTask!.id, version: archivedTask!.version }),
      writer.data(CREATE_TASK, { input: { companyId, title: '캐시 버스트 과제', status: 'TODO' } }),
      ...active.slice(0, 5).map((measure, i) =>
        writer.data(UPDATE_MEASURE, { input: { id: measure.id, version: measure.version, investmentKrw: 3_000_000 * (i + 1), expectedAnnualSavingsKrw: 2_000_000 * (i + 2) } }),
      ),
      writer.data(ARCHIVE_MEASURE, { id: active[5]!.id, version: active[5]!.version }),
    ]);
    await hub.server.server.services.realtime.dispatcher.caughtUp();

    const freshBoard = await manager.context.newPage();
    await freshBoard.goto(`/companies/${companyId}/tasks`);
    await freshBoard.locator('[data-task-id]').first().waitFor();
    const expectedBoard = await boardText(freshBoard);
    const freshRegister = await manager.context.newPage();
    await freshRegister.goto('/measures');
    await freshRegister.locator('tbody tr[data-measure-id]').first().waitFor();
    const expectedRegister = await registerText(freshRegister);

    await expect.poll(() => boardText(board), { timeout: 5000 }).toEqual(expectedBoard);
    await expect.poll(() => registerText(register), { timeout: 5000 }).toEqual(expectedRegister);
    expect(expectedBoard.flatMap((column) => column.cards).some((card) => card.includes('캐시 버스트 과제'))).toBe(true);
    expect(expectedBoard.flatMap((column) => column.cards).some((card) => card.startsWith(`${archivedTask!.id} `))).toBe(false);
    // The fresh pages loaded once each; the live pages never reloaded.
    expect(loads.sort()).toEqual([`CompanyTasks ${freshBoard.url()}`, `Measures ${freshRegister.url()}`]);
    for (const page of [board, register, freshBoard, freshRegister]) await page.close();
  });

  it('a measures register longer than a page, every page loaded, equals a fresh load after a burst, with zero refetches', async () => {
    type Page = { measures: { totalCount: number; pageInfo: { endCursor: string; hasNextPage: boolean }; edges: { node: Row }[] } };
    const first = await writer.data<{ measures: { edges: { node: { company: { id: string }; programYear: { id: string } } }[] } }>(
      '{ measures(first: 1) { edges { node { company { id } programYear { id } } } } }',
    );
    const { company, programYear } = first.measures.edges[0]!.node;
    const missing = 230 - (await writer.data<Page>(YEAR_MEASURES, { y: programYear.id })).measures.totalCount;
    for (let from = 0; from < missing; from += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, missing - from) }, (_, i) =>
          writer.data(CREATE_MEASURE, {
            input: { companyId: company.id, programYearId: programYear.id, title: `대량 대책 ${from + i + 1}`, category: 'GREEN_MANAGEMENT', investmentKrw: 1_000_000 + from + i },
          }),
        ),
      );
    }
    const register = await manager.context.newPage();
    expect(await openRegister(register)).toBeGreaterThan(200);
    await register.getByTestId('live-indicator').and(register.locator('.live--live')).waitFor({ timeout: 10_000 });
    const loads: string[] = [];
    register.on('request', (request) => {
      const body = request.postData() ?? '';
      if (/query (Measures|MeasuresAfter|MeasureTotalsOf)\b/.test(body)) loads.push(body.slice(0, 40));
    });

    const pageOne = (await writer.data<Page>(YEAR_MEASURES, { y: programYear.id })).measures;
    const pageTwo = (await writer.data<Page>(YEAR_MEASURES, { y: programYear.id, after: pageOne.pageInfo.endCursor })).measures.edges.map((edge) => edge.node);
    const early = pageOne.edges.map((edge) => edge.node).filter((measure) => measure.status !== 'DROPPED');
    const late = pageTwo.filter((measure) => measure.status !== 'DROPPED');
    expect(late.length).toBeGreaterThanOrEqual(6);
    await Promise.all([
      ...[...early.slice(0, 2), ...late.slice(0, 4)].map((measure, i) =>
        writer.data(UPDATE_MEASURE, { input: { id: measure.id, version: measure.version, investmentKrw: 4_000_000 * (i + 1), expectedAnnualSavingsKrw: 1_500_000 * (i + 2) } }),
      ),
      writer.data(ARCHIVE_MEASURE, { id: late[4]!.id, version: late[4]!.version }),
      writer.data(ARCHIVE_MEASURE, { id: early[2]!.id, version: early[2]!.version }),
      ...[1, 2].map((n) =>
        writer.data(CREATE_MEASURE, { input: { companyId: company.id, programYearId: programYear.id, title: `버스트 신규 대책 ${n}`, category: 'ON_SITE_REUSE', investmentKrw: 9_000_000 * n } }),
      ),
    ]);
    await hub.server.server.services.realtime.dispatcher.caughtUp();

    const fresh = await manager.context.newPage();
    await openRegister(fresh);
    const expected = await registerText(fresh);
    expect(expected.rows.some((row) => row.includes('버스트 신규 대책 2'))).toBe(true);
    await expect.poll(() => registerText(register), { timeout: 5000 }).toEqual(expected);
    expect(loads).toEqual([]);
    for (const page of [register, fresh]) await page.close();
  });

  it("a company's staff see events scheduled and edited elsewhere without reloading, and nothing of another company's site visit", async () => {
    const page = await staff.context.newPage();
    const loads: string[] = [];
    let yearId: string | null = null;
    staff.context.on('request', (request) => {
      const body = request.postData() ?? '';
      if (!body.includes('query Events(')) return;
      loads.push(request.frame().page()?.url() ?? '');
      yearId ??= (JSON.parse(body) as { variables: { programYearId: string } }).variables.programYearId;
    });
    await page.goto('/events');
    await page.locator('.event__title a').first().waitFor();
    expect(yearId).not.toBeNull();
    const year = yearId as unknown as string;

    const staffClient = await new TestClient(hub.baseUrl).signInAs('staff@hanilplating.co.kr');
    const { viewer } = await staffClient.data<{ viewer: { company: { id: string } } }>('{ viewer { company { id } } }');
    const { companies } = await writer.data<{ companies: { edges: { node: { id: string } }[] } }>('{ companies(first: 5) { edges { node { id } } } }');
    const other = companies.edges.map((edge) => edge.node.id).find((id) => id !== viewer.company.id)!;
    const { events } = await staffClient.data<{ events: { edges: { node: { id: string; version: number; cancelledAt: string | null } }[] } }>(
      'query($y: ID!) { events(programYearId: $y, first: 50) { edges { node { id version cancelledAt } } } }',
      { y: year },
    );
    const edited = events.edges.map((edge) => edge.node).find((event) => !event.cancelledAt)!;
    const { programYear } = await writer.data<{ programYear: { startsOn: string } }>('query($y: ID!) { programYear(id: $y) { startsOn } }', { y: year });
    const at = (days: number, hour: number) => new Date(Date.parse(`${programYear.startsOn}T00:00:00Z`) + days * 86_400_000 + hour * 3_600_000).toISOString();

    const CREATE = 'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }';
    const scheduled = Date.now();
    await writer.data(CREATE, { input: { programYearId: year, kind: 'WORKSHOP', title: '실시간 워크숍', venue: '안산', startsAt: at(40, 1), endsAt: at(40, 3) } });
    await page.getByText('실시간 워크숍').waitFor({ timeout: 5000 });
    console.info(`events list: a scheduled workshop showed on the staff's open page ${Date.now() - scheduled} ms after the mutation was sent`);
    const { createEvent: visit } = await writer.data<{ createEvent: { id: string } }>(CREATE, {
      input: { programYearId: year, kind: 'SITE_VISIT', title: '다른 회사 현장 방문', venue: '안산', startsAt: at(41, 1), endsAt: at(41, 3) },
    });
    await writer.data('mutation($input: InviteCompaniesInput!) { inviteCompaniesToEvent(input: $input) { id } }', { input: { eventId: visit.id, companyIds: [other] } });
    await writer.data('mutation($input: UpdateEventInput!) { updateEvent(input: $input) { id } }', { input: { id: edited.id, version: edited.version, title: '바뀐 행사 제목' } });
    await hub.server.server.services.realtime.dispatcher.caughtUp();

    const months = (target: Page) => target.locator('.months').innerText();
    const fresh = await staff.context.newPage();
    await fresh.goto('/events');
    await fresh.getByText('실시간 워크숍').waitFor();
    const expected = await months(fresh);
    expect(expected).toContain('바뀐 행사 제목');
    expect(expected).not.toContain('다른 회사 현장 방문');
    await expect.poll(() => months(page), { timeout: 5000 }).toEqual(expected);
    // The live page loaded its list once; only the fresh page loaded it again.
    expect(loads).toEqual([page.url(), fresh.url()]);
    for (const open of [page, fresh]) await open.close();
  });
});
