import { TestClient } from '@ecohub/server/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, screenshot, signInAs, startHub, type Hub, type Person } from './harness.ts';

describeWithBrowser('the task board on a phone (390 × 844, touch)', () => {
  let hub: Hub;
  let expert: Person;

  beforeAll(async () => {
    hub = await startHub();
    expert = await signInAs(hub, 'expert@ecofrontier.co.kr', { viewport: { width: 390, height: 844 }, hasTouch: true });
  });

  afterAll(async () => {
    await expert?.context.close();
    await hub?.close();
  });

  it('shows one column at a time, moves a card with its menu by tapping, gives two selected cards a due date, and never scrolls sideways', async () => {
    const { page } = expert;
    await page.goto('/board');
    const row = page.getByTestId('board-row').first();
    await row.waitFor({ state: 'attached' });
    const companyId = await row.getAttribute('data-company-id');
    await page.goto(`/companies/${companyId}/tasks`);
    const todo = page.getByTestId('column-TODO');
    await todo.locator('[data-task-id]').first().waitFor();
    // One column at a time: TODO shows, the others wait behind their tabs.
    await expect(page.getByTestId('column-IN_PROGRESS').isVisible()).resolves.toBe(false);
    const scrollWidth = () => page.evaluate(() => document.scrollingElement?.scrollWidth ?? Infinity);
    expect(await scrollWidth()).toBeLessThanOrEqual(390);

    const card = todo.locator('[data-task-id]').first();
    const taskId = (await card.getAttribute('data-task-id')) as string;
    const menu = page.getByTestId(`move-menu-${taskId}`);
    const menuBox = await menu.boundingBox();
    expect(menuBox?.height).toBeGreaterThanOrEqual(44);
    await menu.tap();
    await menu.selectOption('IN_PROGRESS');
    await expect.poll(() => todo.locator(`[data-task-id="${taskId}"]`).count()).toBe(0);

    const tab = page.getByTestId('board-tab-IN_PROGRESS');
    expect((await tab.boundingBox())?.height).toBeGreaterThanOrEqual(44);
    await tab.tap();
    await expect(tab.getAttribute('aria-selected')).resolves.toBe('true');
    await page.getByTestId('column-IN_PROGRESS').locator(`[data-task-id="${taskId}"]`).waitFor();
    await expect(todo.isVisible()).resolves.toBe(false);
    expect(await scrollWidth()).toBeLessThanOrEqual(390);
    await screenshot(page, 'phone-board');

    // Bulk: select mode, tap two cards, give both a due date in one go.
    await page.getByTestId('select-mode').tap();
    const inProgress = page.getByTestId('column-IN_PROGRESS');
    const ids = await inProgress.locator('[data-task-id]').evaluateAll((cards) => cards.slice(0, 2).map((card) => card.getAttribute('data-task-id') as string));
    expect(ids).toHaveLength(2);
    for (const id of ids) {
      const box = page.getByTestId(`select-${id}`).locator('..');
      expect((await box.boundingBox())?.width).toBeGreaterThanOrEqual(44);
      await box.tap();
    }
    await page.getByTestId('bulk-bar').filter({ hasText: '2개 선택됨' }).waitFor();
    await page.getByTestId('bulk-due').fill('2013-05-31');
    await page.getByTestId('bulk-due-apply').tap();
    await page.locator('.toast').filter({ hasText: '2개 마감일 지정' }).waitFor();
    await expect(page.getByTestId('bulk-bar').count()).resolves.toBe(0);
    expect(await scrollWidth()).toBeLessThanOrEqual(390);
    await screenshot(page, 'phone-board-bulk');

    // The server took the move: a fresh load shows the card in its new column.
    await page.reload();
    await page.getByTestId('board-tab-IN_PROGRESS').tap();
    await page.getByTestId('column-IN_PROGRESS').locator(`[data-task-id="${taskId}"]`).waitFor();
    const reader = await new TestClient(hub.baseUrl).signInAs('expert@ecofrontier.co.kr');
    const stored = await reader.data<{ tasks: { edges: { node: { id: string; dueOn: string | null } }[] } }>(`{ tasks(first: 200) { edges { node { id dueOn } } } }`);
    expect(stored.tasks.edges.filter((edge) => ids.includes(edge.node.id)).map((edge) => edge.node.dueOn)).toEqual(['2013-05-31', '2013-05-31']);

    // The comment composer is thumb-sized on the task page.
    await page.getByTestId('column-IN_PROGRESS').locator(`[data-task-id="${taskId}"]`).tap();
    const send = page.getByTestId('comment-send');
    await send.waitFor();
    expect((await send.boundingBox())?.height).toBeGreaterThanOrEqual(44);
    expect(await scrollWidth()).toBeLessThanOrEqual(390);
    expect(expert.consoleErrors).toEqual([]);
  });
});
