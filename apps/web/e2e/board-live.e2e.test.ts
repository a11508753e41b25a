import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeWithBrowser, managerWatchingChanges, screenshot } from './harness.ts';

const TASKS = `{ tasks(first: 200) { edges { node { id status version company { id } } } } }`;
const MEASURES = `{ measures(first: 200) { edges { node { id version status category company { id } } } } }`;
const MOVE_TASK = `mutation($id: ID!, $status: TaskStatus!, $version: Int!) { moveTask(id: $id, status: $status, version: $version) { id } }`;
const UPDATE_MEASURE = `mutation($input: UpdateMeasureInput!) { updateMeasure(input: $input) { id } }`;
const CREATE_TASK = `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`;

interface Row {
  id: string;
  status: string;
  version: number;
  category?: string;
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
  const setup = managerWatchingChanges();

  it('after a burst of changes across companies, the live-updated board equals a fresh load, without reloading it', async () => {
    const { page } = setup.manager;
    await page.goto('/board');
    await page.getByTestId('board-totals').waitFor();
    await page.getByTestId('live-indicator').and(page.locator('.live--live')).waitFor({ timeout: 10_000 });
    const before = await boardText(page);
    let boardLoads = 0;
    page.on('request', (request) => {
      if (request.postData()?.includes('query ProgramBoard')) boardLoads += 1;
    });

    const tasks = (await setup.writer.data<{ tasks: { edges: { node: Row }[] } }>(TASKS)).tasks.edges.map((edge) => edge.node);
    const measures = (await setup.writer.data<{ measures: { edges: { node: Row }[] } }>(MEASURES)).measures.edges.map((edge) => edge.node);
    const todo = tasks.filter((task) => task.status === 'TODO');
    const companies = [...new Set(todo.map((task) => task.company.id))];
    const toMove = companies.slice(0, 8).map((id) => todo.find((task) => task.company.id === id) as Row);
    const toEdit = measures.filter((measure) => measure.status !== 'DROPPED').slice(0, 6);
    expect(toMove.length).toBeGreaterThanOrEqual(5);
    expect(toEdit.length).toBe(6);

    await Promise.all([
      ...toMove.map((task, i) => setup.writer.data(MOVE_TASK, { id: task.id, status: i % 2 ? 'IN_PROGRESS' : 'DONE', version: task.version })),
      ...toEdit.map((measure, i) =>
        setup.writer.data(UPDATE_MEASURE, { input: { id: measure.id, version: measure.version, investmentKrw: 10_000_000 * (i + 1), expectedAnnualSavingsKrw: 7_000_000 * (i + 2) } }),
      ),
      ...companies.slice(0, 4).map((companyId, i) => setup.writer.data(CREATE_TASK, { input: { companyId, title: `버스트 과제 ${i + 1}`, status: 'DONE' } })),
    ]);
    await setup.hub.server.server.services.realtime.dispatcher.caughtUp();

    const fresh = await setup.manager.context.newPage();
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

  it('keeps a team-filtered and a category-filtered board live through a burst, equal to fresh loads, with no reload of either', async () => {
    const { page } = setup.manager;
    await page.goto('/board');
    await page.getByTestId('board-row').first().waitFor();
    const teamSelect = page.getByLabel('전문가팀', { exact: true });
    const team = (await teamSelect.locator('option').nth(1).getAttribute('value')) as string;
    const measures = (await setup.writer.data<{ measures: { edges: { node: Row }[] } }>(MEASURES)).measures.edges.map((edge) => edge.node);
    const category = measures.find((measure) => measure.status !== 'DROPPED')?.category as string;
    const boards: { page: Page; address: string; loads: number }[] = [];
    for (const address of [`/board?team=${team}`, `/board?category=${category}`]) {
      const board = address.endsWith(team) ? page : await setup.manager.context.newPage();
      await board.goto(address);
      await board.getByTestId('board-totals-scope').filter({ hasText: '선택한 조건의 기업' }).waitFor();
      await board.getByTestId('board-row').first().waitFor();
      await board.getByTestId('live-indicator').and(board.locator('.live--live')).waitFor({ timeout: 10_000 });
      const watched = { page: board, address, loads: 0 };
      board.on('request', (request) => {
        if (/query (ProgramBoard|BoardKpis)\b/.test(request.postData() ?? '')) watched.loads += 1;
      });
      boards.push(watched);
    }
    const before = await Promise.all(boards.map((board) => boardText(board.page)));
    const teamCompanies = await page.getByTestId('board-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-company-id') as string));

    // Changes inside and outside both filters: tasks moved and created, measures of the category and of others re-estimated.
    const tasks = (await setup.writer.data<{ tasks: { edges: { node: Row }[] } }>(TASKS)).tasks.edges.map((edge) => edge.node);
    const todo = tasks.filter((task) => task.status === 'TODO');
    const companies = [...new Set([...teamCompanies, ...todo.map((task) => task.company.id)])].filter((id) => todo.some((task) => task.company.id === id));
    const toMove = companies.slice(0, 8).map((id) => todo.find((task) => task.company.id === id) as Row);
    const live = measures.filter((measure) => measure.status !== 'DROPPED');
    const toEdit = [
      ...live.filter((measure) => teamCompanies.includes(measure.company.id)).slice(0, 3),
      ...live.filter((measure) => measure.category === category).slice(0, 3),
      ...live.filter((measure) => measure.category !== category && !teamCompanies.includes(measure.company.id)).slice(0, 2),
    ].filter((measure, i, all) => all.findIndex((other) => other.id === measure.id) === i);
    expect(toMove.length).toBeGreaterThanOrEqual(5);
    expect(toEdit.length).toBeGreaterThanOrEqual(6);
    await Promise.all([
      ...toMove.map((task, i) => setup.writer.data(MOVE_TASK, { id: task.id, status: i % 2 ? 'IN_PROGRESS' : 'DONE', version: task.version })),
      ...toEdit.map((measure, i) =>
        setup.writer.data(UPDATE_MEASURE, {
          input: { id: measure.id, version: measure.version, investmentKrw: 13_000_000 * (i + 1), expectedAnnualSavingsKrw: 9_000_000 * (i + 3) },
        }),
      ),
      ...teamCompanies.slice(0, 3).map((companyId, i) => setup.writer.data(CREATE_TASK, { input: { companyId, title: `필터 버스트 과제 ${i + 1}`, status: 'DONE' } })),
    ]);
    await setup.hub.server.server.services.realtime.dispatcher.caughtUp();

    for (const [i, board] of boards.entries()) {
      const fresh = await setup.manager.context.newPage();
      await fresh.goto(board.address);
      await fresh.getByTestId('board-totals-scope').filter({ hasText: '선택한 조건의 기업' }).waitFor();
      await fresh.getByTestId('board-row').first().waitFor();
      const expected = await boardText(fresh);
      expect(expected, board.address).not.toEqual(before[i]);
      await expect.poll(() => boardText(board.page), { timeout: 5000 }).toEqual(expected);
      expect(board.loads, board.address).toBe(0);
      await fresh.close();
    }
    await screenshot(boards[1]!.page, 'board-category-after-burst');
    await boards[1]!.page.close();
  });

  it('keeps a sorted, filtered view in its address, totals what it shows, and exports exactly those rows', async () => {
    const { page } = setup.manager;
    await page.goto('/board');
    await page.getByTestId('board-totals').waitFor();
    await page.getByTestId('sort-savings').click();
    await page.waitForURL(/sort=savings/);
    const teamSelect = page.getByLabel('전문가팀', { exact: true });
    const team = await teamSelect.locator('option').nth(1).getAttribute('value');
    await teamSelect.selectOption(team as string);
    await page.waitForURL(/team=/);
    await page.getByTestId('board-totals-scope').filter({ hasText: '선택한 조건의 기업' }).waitFor();
    const order = () => page.getByTestId('board-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-company-id')));
    const shown = await order();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(20);
    await expect(page.getByTestId('board-totals-scope').textContent()).resolves.toContain(`${shown.length}곳`);

    const address = page.url();
    const other = await setup.manager.context.newPage();
    await other.goto(address);
    await other.getByTestId('board-row').first().waitFor();
    await expect.poll(() => other.getByTestId('board-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-company-id')))).toEqual(shown);
    await expect(other.getByLabel('전문가팀', { exact: true }).inputValue()).resolves.toBe(team);
    await other.close();

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('board-export-csv').click()]);
    const lines = readFileSync((await csv.path()) as string, 'utf8').trim().split('\r\n');
    expect(csv.suggestedFilename()).toMatch(/^ecohub-board-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(lines).toHaveLength(shown.length + 1);
    const names = await page.getByTestId('board-row').evaluateAll((rows) => rows.map((row) => row.querySelector('th a')?.textContent?.trim()));
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(names);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('board-export-xlsx').click()]);
    expect(readFileSync((await xlsx.path()) as string).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('lets a manager set the year targets, shown against the actuals', async () => {
    const { page } = setup.manager;
    await page.goto('/board');
    await page.getByTestId('board-targets').waitFor();
    await page.getByTestId('edit-targets').click();
    const form = page.getByTestId('targets-form');
    await form.getByLabel('절감액 목표 (원)').fill('3,000,000,000');
    await form.getByLabel('감축 목표 (tCO₂e)').fill('4000');
    await form.getByLabel('적용률 목표 (%)').fill('60');
    await page.getByTestId('save-targets').click();
    await page.getByTestId('target-implementation').filter({ hasText: '목표 60%' }).waitFor();
    await page.getByTestId('target-savings').filter({ hasText: '목표 ₩30억' }).waitFor();
    await page.reload();
    await page.getByTestId('target-tco2e').filter({ hasText: '4,000' }).waitFor();
    await page.getByTestId('board-trend').waitFor();
    expect(await page.getByTestId('trend-month').count()).toBe(10);
    // The seeded year's history shows work done month by month.
    const done = await page.getByTestId('trend-month').evaluateAll((rows) => rows.map((row) => Number(row.querySelector('td')?.textContent?.replace(/,/g, ''))));
    expect(done.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(10);
    await screenshot(page, 'board-targets-trend');
  });
});
