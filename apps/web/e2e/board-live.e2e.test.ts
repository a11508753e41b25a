import { TestClient } from '@ecohub/server/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, screenshot, signInAs, startHub, type Hub, type Person } from './harness.ts';

const TASKS = `{ tasks(first: 200) { edges { node { id status version company { id } } } } }`;
const MEASURES = `{ measures(first: 200) { edges { node { id version status company { id } } } } }`;
const MOVE_TASK = `mutation($id: ID!, $status: TaskStatus!, $version: Int!) { moveTask(id: $id, status: $status, version: $version) { id } }`;
const UPDATE_MEASURE = `mutation($input: UpdateMeasureInput!) { updateMeasure(input: $input) { id } }`;
const CREATE_TASK = `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`;

interface Row {
  id: string;
  status: string;
  version: number;
  company: { id: string };
}

/** What the board shows: every row's cells (without the relative "last activity" time) and the totals. */
function boardText(page: Page) {
  return page.evaluate(() => ({
    rows: [...document.querySelectorAll<HTMLElement>('[data-testid="board-row"]')].map((row) =>
      [...row.querySelectorAll<HTMLElement>('th, td:not(.when)')].map((cell) => cell.innerText.trim()).join(' | '),
    ),
    totals: document.querySelector<HTMLElement>('[data-testid="board-totals"]')?.innerText.trim() ?? '',
  }));
}

describeWithBrowser('the program board applies live events', () => {
  let hub: Hub;
  let manager: Person;
  let writer: TestClient;

  beforeAll(async () => {
    hub = await startHub();
    writer = await new TestClient(hub.baseUrl).signInAs('manager@ecofrontier.co.kr');
    manager = await signInAs(hub, 'manager@ecofrontier.co.kr');
  });

  afterAll(async () => {
    await manager?.context.close();
    await hub?.close();
  });

  it('after a burst of changes across companies, the live-updated board equals a fresh load, without reloading it', async () => {
    const { page } = manager;
    await page.goto('/board');
    await page.getByTestId('board-totals').waitFor();
    await page.getByTestId('live-indicator').and(page.locator('.live--live')).waitFor({ timeout: 10_000 });
    const before = await boardText(page);
    let boardLoads = 0;
    page.on('request', (request) => {
      if (request.postData()?.includes('query ProgramBoard')) boardLoads += 1;
    });

    const tasks = (await writer.data<{ tasks: { edges: { node: Row }[] } }>(TASKS)).tasks.edges.map((edge) => edge.node);
    const measures = (await writer.data<{ measures: { edges: { node: Row }[] } }>(MEASURES)).measures.edges.map((edge) => edge.node);
    const todo = tasks.filter((task) => task.status === 'TODO');
    const companies = [...new Set(todo.map((task) => task.company.id))];
    const toMove = companies.slice(0, 8).map((id) => todo.find((task) => task.company.id === id) as Row);
    const toEdit = measures.filter((measure) => measure.status !== 'DROPPED').slice(0, 6);
    expect(toMove.length).toBeGreaterThanOrEqual(5);
    expect(toEdit.length).toBe(6);

    await Promise.all([
      ...toMove.map((task, i) => writer.data(MOVE_TASK, { id: task.id, status: i % 2 ? 'IN_PROGRESS' : 'DONE', version: task.version })),
      ...toEdit.map((measure, i) =>
        writer.data(UPDATE_MEASURE, { input: { id: measure.id, version: measure.version, investmentKrw: 10_000_000 * (i + 1), expectedAnnualSavingsKrw: 7_000_000 * (i + 2) } }),
      ),
      ...companies.slice(0, 4).map((companyId, i) => writer.data(CREATE_TASK, { input: { companyId, title: `버스트 과제 ${i + 1}`, status: 'DONE' } })),
    ]);
    await hub.server.server.services.realtime.dispatcher.caughtUp();

    const fresh = await manager.context.newPage();
    await fresh.goto('/board');
    await fresh.getByTestId('board-totals').waitFor();
    await fresh.getByTestId('board-row').first().waitFor();
    const expected = await boardText(fresh);
    expect(expected).not.toEqual(before);
    await expect.poll(() => boardText(page), { timeout: 5000 }).toEqual(expected);
    expect(boardLoads).toBe(0);
    await screenshot(page, 'board-after-burst');
    await fresh.close();
  });
});
