import { TestClient } from '@ecohub/server/testing';
import type { BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, screenshot, signInAs, startHub, type Hub, type Person } from './harness.ts';

/** Figures this run measured, printed for the report. */
const measured: Record<string, number> = {};

const TASKS = `query($companyId: ID!) { tasks(filter: { companyId: $companyId }, first: 50) { edges { node { id title status version } } } }`;
const UPDATE_TASK = `mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id version } }`;
const ADD_COMMENT = `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`;
const CREATE_TASK = `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`;
const MOVE_TASK = `mutation($id: ID!, $status: TaskStatus!, $version: Int!) { moveTask(id: $id, status: $status, version: $version) { id status } }`;

interface TaskRow {
  id: string;
  title: string;
  status: string;
  version: number;
}

async function liveWithin(page: Page, timeout: number): Promise<number> {
  const started = performance.now();
  await page.getByTestId('live-indicator').and(page.locator('.live--live')).waitFor({ timeout });
  return Math.round(performance.now() - started);
}

/**
 * Sockets to /graphql pass through a route the test controls: it can cut every open one with a
 * close code, as a crashing proxy or server would, and refuse new ones for a while.
 */
function socketCutter() {
  const open = new Set<WebSocketRoute>();
  let refusing = false;
  let refused = 0;
  return {
    async install(context: BrowserContext) {
      await context.routeWebSocket(/\/graphql$/, (route) => {
        if (refusing) {
          refused += 1;
          void route.close({ code: 1011, reason: 'Internal Error' });
          return;
        }
        route.connectToServer();
        open.add(route);
        route.onClose(() => open.delete(route));
      });
    },
    async cut(code: number) {
      refusing = true;
      await Promise.all([...open].map((route) => route.close({ code, reason: 'Internal Error' })));
      open.clear();
    },
    allow() {
      refusing = false;
    },
    get refused() {
      return refused;
    },
  };
}

describeWithBrowser('the live connection survives faults on the way', () => {
  let hub: Hub;
  let expert: TestClient;
  let companyId: string;
  let tasks: TaskRow[];

  const listTasks = async () =>
    (await expert.data<{ tasks: { edges: { node: TaskRow }[] } }>(TASKS, { companyId })).tasks.edges.map((edge) => edge.node);

  beforeAll(async () => {
    hub = await startHub();
    expert = await new TestClient(hub.baseUrl).signInAs('expert@ecofrontier.co.kr');
    const staff = await new TestClient(hub.baseUrl).signInAs('staff@hanilplating.co.kr');
    const viewer = await staff.data<{ viewer: { company: { id: string } } }>('{ viewer { company { id } } }');
    companyId = viewer.viewer.company.id;
    tasks = await listTasks();
    expect(tasks.length).toBeGreaterThanOrEqual(3);
  });

  afterAll(async () => {
    console.warn(`[e2e] live-reconnect measured: ${JSON.stringify(measured)}`);
    await hub?.close();
  });

  it('a socket closed with 1011 and refused for a while keeps the manager signed in with their typed text, and shows what changed meanwhile', async () => {
    const cutter = socketCutter();
    const manager: Person = await signInAs(hub, 'manager@ecofrontier.co.kr', { prepare: (context) => cutter.install(context) });
    try {
      const { page } = manager;
      const task = tasks[0] as TaskRow;
      await page.goto(`/companies/${companyId}/tasks/${task.id}`);
      await page.getByTestId('comment-form').waitFor();
      await liveWithin(page, 10_000);
      const composer = page.getByTestId('comment-form').locator('textarea');
      const draft = '아직 보내지 않은 의견: 폐수 재이용률 재확인 필요';
      await composer.fill(draft);

      await cutter.cut(1011);
      await page.getByTestId('live-indicator').and(page.locator('.live--reconnecting, .live--offline')).waitFor({ timeout: 5000 });
      const title = `${task.title} (재연결 중 수정)`;
      await expert.data(UPDATE_TASK, { input: { id: task.id, version: task.version, title } });
      await expert.data(ADD_COMMENT, { input: { taskId: task.id, body: '연결이 끊긴 동안 남긴 의견' } });
      // Refuse for a few seconds: several reconnect attempts fail with 1011 again.
      await new Promise((resolve) => setTimeout(resolve, 4000));
      expect(cutter.refused).toBeGreaterThanOrEqual(2);
      expect(new URL(page.url()).pathname).not.toMatch(/sign-in/);
      cutter.allow();

      measured.liveAfter1011Ms = await liveWithin(page, 20_000);
      await page.getByTestId('task-title').filter({ hasText: title }).waitFor({ timeout: 5000 });
      await page.getByTestId('comment-thread').locator('.comment__body', { hasText: '연결이 끊긴 동안 남긴 의견' }).waitFor({ timeout: 5000 });
      expect(new URL(page.url()).pathname).toBe(`/companies/${companyId}/tasks/${task.id}`);
      await expect(composer.inputValue()).resolves.toBe(draft);
      await screenshot(page, 'reconnected-after-1011');
    } finally {
      await manager.context.close();
    }
  });

  it('ten seconds offline while the work changes: every change appears after, and the indicator is live again promptly', async () => {
    const manager = await signInAs(hub, 'manager@ecofrontier.co.kr');
    try {
      const { page, context } = manager;
      await page.goto(`/companies/${companyId}/tasks`);
      await page.getByTestId('task-board').waitFor();
      await liveWithin(page, 10_000);
      const fresh = await listTasks();
      const renamed = fresh[1] as TaskRow;
      const moved = fresh.find((t) => t.status === 'TODO' && t.id !== renamed.id) as TaskRow;
      expect(moved).toBeTruthy();
      await page.locator(`[data-task-id="${moved.id}"]`).waitFor();

      await context.setOffline(true);
      await page.getByTestId('live-indicator').and(page.locator('.live--offline')).waitFor({ timeout: 3000 });
      const offlineAt = performance.now();
      const newTitle = `오프라인 중 추가한 과제 ${Date.now()}`;
      const renamedTitle = `${renamed.title} (오프라인 중 수정)`;
      await expert.data(CREATE_TASK, { input: { companyId, title: newTitle } });
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await expert.data(UPDATE_TASK, { input: { id: renamed.id, version: renamed.version, title: renamedTitle } });
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await expert.data(MOVE_TASK, { id: moved.id, status: 'IN_PROGRESS', version: moved.version });
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 10_000 - (performance.now() - offlineAt))));
      await context.setOffline(false);

      measured.liveAfterOfflineMs = await liveWithin(page, 5000);
      const started = performance.now();
      await page.locator('[data-task-id]', { hasText: newTitle }).waitFor({ timeout: 5000 });
      await page.locator(`[data-task-id="${renamed.id}"]`, { hasText: renamedTitle }).waitFor({ timeout: 5000 });
      await page.locator(`[data-testid="column-IN_PROGRESS"] [data-task-id="${moved.id}"]`).waitFor({ timeout: 5000 });
      measured.changesVisibleAfterLiveMs = Math.round(performance.now() - started);
      expect(new URL(page.url()).pathname).toBe(`/companies/${companyId}/tasks`);
      await screenshot(page, 'reconnected-after-offline');
    } finally {
      await manager.context.close();
    }
  });
});
