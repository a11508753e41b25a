import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeWithBrowser, managerWatchingChanges } from './harness.ts';

const ALL_TASKS = `query($after: String) { tasks(first: 200, after: $after) {
  pageInfo { endCursor hasNextPage } edges { node { id company { id } } } } }`;
const COMPANY_TASKS = `query($companyId: ID!, $after: String) { tasks(filter: { companyId: $companyId }, first: 200, after: $after) {
  totalCount pageInfo { endCursor hasNextPage } edges { node { id status rank version } } } }`;
const CREATE_TASK = `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`;
const MOVE_TASK = `mutation($id: ID!, $status: TaskStatus!, $beforeId: ID, $version: Int!) {
  moveTask(id: $id, status: $status, beforeId: $beforeId, version: $version) { id } }`;
const ARCHIVE_TASK = `mutation($id: ID!, $version: Int!) { archiveTask(id: $id, version: $version) { id } }`;
const STATUSES = ['TODO', 'IN_PROGRESS', 'IN_REVIEW', 'DONE', 'BLOCKED'] as const;
const CARDS = '[data-task-id]';

interface Row {
  id: string;
  status: string;
  rank: string;
  version: number;
}
type TaskPage<Node> = { tasks: { totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean }; edges: { node: Node }[] } };

/** Every page of a connection, read the way a client would. */
async function everyRow<Node>(read: (after: string | null) => Promise<TaskPage<Node>>): Promise<Node[]> {
  const rows: Node[] = [];
  for (let after: string | null = null, more = true; more; ) {
    const page: TaskPage<Node>['tasks'] = (await read(after)).tasks;
    rows.push(...page.edges.map((edge) => edge.node));
    [after, more] = [page.pageInfo.endCursor, page.pageInfo.hasNextPage];
  }
  return rows;
}

type Board = Record<string, { count: number; cards: string[] }>;

/** The board as shown: each column's cards in order, and the count its header shows. */
function boardShown(page: Page): Promise<Board> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('section[data-status]')].map((column) => [
        column.dataset.status,
        {
          count: Number(column.querySelector<HTMLElement>('.column__header .column__count')?.innerText),
          cards: [...column.querySelectorAll<HTMLElement>('[data-task-id]')].map((card) => card.dataset.taskId ?? ''),
        },
      ]),
    ),
  );
}

/** The board the server holds: each column's tasks in rank order. */
function boardOf(rows: Row[]): Board {
  return Object.fromEntries(
    STATUSES.map((status) => {
      const cards = rows.filter((row) => row.status === status).map((row) => row.id);
      return [status, { count: cards.length, cards }];
    }),
  );
}

describeWithBrowser('a task board of more than 200 tasks shows them all and stays live on every page', () => {
  const setup = managerWatchingChanges();

  it('every task in its column with whole counts, and a task moved on a later page by someone else moves live, with zero reloads', async () => {
    const seeded = await everyRow((after) => setup.writer.data<TaskPage<{ id: string; company: { id: string } }>>(ALL_TASKS, { after }));
    const companyId = seeded[0]!.company.id;
    const companyRows = () => everyRow((after) => setup.writer.data<TaskPage<Row>>(COMPANY_TASKS, { companyId, after }));
    // Tasks accumulated over program years: 230, spread over every column.
    const missing = 230 - (await companyRows()).length;
    for (let from = 0; from < missing; from += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, missing - from) }, (_, i) =>
          setup.writer.data(CREATE_TASK, { input: { companyId, title: `누적 과제 ${from + i + 1}`, status: STATUSES[(from + i) % STATUSES.length] } }),
        ),
      );
    }
    const rows = await companyRows();
    expect(rows).toHaveLength(230);

    const board = await setup.manager.context.newPage();
    await board.goto(`/companies/${companyId}/tasks`);
    await board.getByTestId('task-board').waitFor();
    await board.getByTestId('live-indicator').and(board.locator('.live--live')).waitFor({ timeout: 10_000 });
    await expect.poll(() => board.locator(CARDS).count(), { timeout: 10_000 }).toBe(230);
    expect(await boardShown(board)).toEqual(boardOf(rows));

    const loads: string[] = [];
    board.on('request', (request) => {
      const body = request.postData() ?? '';
      if (/query CompanyTasks(After)?\b/.test(body)) loads.push(body.slice(0, 40));
    });
    // Past the first 200 in board order (column, rank): cards of the last column, BLOCKED.
    const later = rows.slice(200);
    const [movedUp, movedAcross, archived] = [later.at(-1)!, later[0]!, later[1]!];
    expect(later.every((row) => row.status === 'BLOCKED')).toBe(true);
    const topOfTodo = rows.find((row) => row.status === 'TODO')!;
    await Promise.all([
      // From the last page to the top of the first column (the first page).
      setup.writer.data(MOVE_TASK, { id: movedUp.id, status: 'TODO', beforeId: topOfTodo.id, version: movedUp.version }),
      setup.writer.data(MOVE_TASK, { id: movedAcross.id, status: 'IN_REVIEW', version: movedAcross.version }),
      setup.writer.data(ARCHIVE_TASK, { id: archived.id, version: archived.version }),
      setup.writer.data(CREATE_TASK, { input: { companyId, title: '새로 들어온 과제', status: 'BLOCKED' } }),
    ]);
    await setup.hub.server.server.services.realtime.dispatcher.caughtUp();

    const now = await companyRows();
    await expect.poll(() => boardShown(board), { timeout: 5000 }).toEqual(boardOf(now));
    const shown = await boardShown(board);
    expect(shown.TODO!.cards[0]).toBe(movedUp.id);
    expect(shown.IN_REVIEW!.cards.at(-1)).toBe(movedAcross.id);
    expect(Object.values(shown).flatMap((column) => column.cards)).not.toContain(archived.id);
    expect(await board.locator(CARDS).count()).toBe(230);
    expect(loads).toEqual([]);
    await board.close();
  });
});
