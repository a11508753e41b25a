import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, HANGUL, screenshot, signInAs, startHub, webRoot, type Hub, type Person } from './harness.ts';

/**
 * The visible text of the UI's own labels: elements matching `chrome`, without what is data
 * (`data`, `[data-content]`) or marked as another language (`[lang="ko"]`, e.g. the language switch's own name).
 */
function labelTexts({ chrome, data }: { chrome: string; data: string }): string[] {
  return [...document.querySelectorAll<HTMLElement>(chrome)]
    .filter((element) => !element.closest(`[lang="ko"], [data-content], ${data}`) && element.checkVisibility())
    .map((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelectorAll(`[lang="ko"], [data-content], ${data}`).forEach((node) => node.remove());
      return (copy.textContent ?? '').trim();
    })
    .filter(Boolean);
}

/** Figures this run measured, written for the report (e2e/.artifacts is ignored by git). */
const measured: Record<string, number> = {};

describeWithBrowser('an expert and a company staff member working together', () => {
  let hub: Hub;
  let expert: Person;
  let staff: Person;
  let companyId: string;
  let taskId: string;

  beforeAll(async () => {
    const started = performance.now();
    hub = await startHub();
    measured.hubStartMs = Math.round(performance.now() - started);
    [expert, staff] = await Promise.all([signInAs(hub, 'expert@ecofrontier.co.kr'), signInAs(hub, 'staff@hanilplating.co.kr')]);
    const match = /\/companies\/([^/]+)/.exec(new URL(staff.page.url()).pathname);
    companyId = match?.[1] ?? '';
    expect(companyId).not.toBe('');
  });

  afterAll(async () => {
    mkdirSync(join(webRoot, 'e2e', '.artifacts'), { recursive: true });
    writeFileSync(join(webRoot, 'e2e', '.artifacts', 'measurements.json'), `${JSON.stringify(measured, null, 2)}\n`);
    console.warn(`[e2e] measured: ${JSON.stringify(measured)}`);
    await expert?.context.close();
    await staff?.context.close();
    await hub?.close();
  });

  it('shows a program manager the board of every company, on a wide screen and on a phone', async () => {
    const manager = await signInAs(hub, 'manager@ecofrontier.co.kr');
    try {
      await manager.page.getByTestId('board-totals').waitFor();
      expect(await manager.page.getByTestId('board-row').count()).toBe(20);
      await expect(manager.page.locator('h1').textContent()).resolves.toBe('사업 현황판');
      await screenshot(manager.page, 'program-board');
      await manager.page.setViewportSize({ width: 390, height: 844 });
      await manager.page.locator('.row-card').first().waitFor();
      await screenshot(manager.page, 'program-board-phone');
      expect(manager.consoleErrors).toEqual([]);
    } finally {
      await manager.context.close();
    }
  });

  it('shows the expert the companies of their team', async () => {
    const { page } = expert;
    await page.goto('/board');
    await page.getByTestId('board-totals').waitFor();
    expect(await page.getByTestId('board-row').count()).toBeGreaterThanOrEqual(2);
    await page.locator(`[data-testid="board-row"][data-company-id="${companyId}"]`).waitFor();
  });

  it('an expert moves a task on the board and the staff member sees it within 2 s, without reloading', async () => {
    await staff.page.goto(`/companies/${companyId}/tasks`);
    await expert.page.goto(`/companies/${companyId}/tasks`);
    const card = expert.page.locator('[data-testid="column-TODO"] [data-task-id]').first();
    await card.waitFor();
    taskId = (await card.getAttribute('data-task-id')) ?? '';
    await staff.page.locator(`[data-testid="column-TODO"] [data-task-id="${taskId}"]`).waitFor();
    await staff.page.evaluate(() => ((window as unknown as { marker: string }).marker = 'not reloaded'));

    await card.focus();
    await expert.page.keyboard.press('Space');
    await expert.page.keyboard.press('ArrowRight');
    const answered = expert.page.waitForResponse((response) => response.request().postData()?.includes('mutation MoveTask') ?? false);
    const moved = performance.now();
    await expert.page.keyboard.press('Space');
    void answered.then(() => (measured.moveMutationMs = Math.round(performance.now() - moved)));
    await expert.page.locator(`[data-testid="column-IN_PROGRESS"] [data-task-id="${taskId}"]`).waitFor({ timeout: 1000 });
    const seenByStaff = staff.page.locator(`[data-testid="column-IN_PROGRESS"] [data-task-id="${taskId}"]`);
    await seenByStaff.waitFor({ timeout: 2000 }).catch(async (error: unknown) => {
      const toasts = await expert.page.locator('.toast').allTextContents();
      const staffColumns = await staff.page.locator('[data-testid^="column-"]').evaluateAll((columns) =>
        columns.map((column) => `${column.getAttribute('data-testid')}: ${[...column.querySelectorAll('[data-task-id]')].map((c) => c.getAttribute('data-task-id')).join(',')}`),
      );
      throw new Error(`${String(error)}\nexpert toasts: ${JSON.stringify(toasts)}\nstaff board: ${staffColumns.join(' | ')}\nlive: ${await staff.page.getByTestId('live-indicator').textContent()}`);
    });
    measured.moveSeenByOtherMs = Math.round(performance.now() - moved);
    expect(measured.moveSeenByOtherMs).toBeLessThan(2000);
    await expect(staff.page.evaluate(() => (window as unknown as { marker?: string }).marker)).resolves.toBe('not reloaded');
    await expect(expert.page.getByTestId('board-announcer').textContent()).resolves.toContain('내려놓았습니다');
    await screenshot(staff.page, 'company-workspace');
  });

  it('an expert comments on the task and the staff member sees it within 2 s; markdown is rendered safely', async () => {
    await Promise.all([
      expert.page.goto(`/companies/${companyId}/tasks/${taskId}`),
      staff.page.goto(`/companies/${companyId}/tasks/${taskId}`),
    ]);
    await Promise.all([expert.page.getByTestId('comment-form').waitFor(), staff.page.getByTestId('comment-thread').waitFor()]);
    await staff.page.evaluate(() => ((window as unknown as { marker: string }).marker = 'not reloaded'));

    const textarea = expert.page.getByTestId('comment-form').locator('textarea');
    await textarea.fill('세척수 유량 측정 결과를 **공유**합니다. 확인 부탁드립니다 @이수');
    await expect(expert.page.getByRole('option').first().textContent()).resolves.toContain('이수진');
    await textarea.press('Enter');
    await textarea.pressSequentially(' <img src=x onerror="window.__xss = 1">');
    const answered = expert.page.waitForResponse((response) => response.request().postData()?.includes('mutation AddComment') ?? false);
    const sent = performance.now();
    await expert.page.getByTestId('comment-send').click();
    void answered.then(() => (measured.commentMutationMs = Math.round(performance.now() - sent)));
    const seen = staff.page.getByTestId('comment-thread').locator('.comment__body', { hasText: '세척수 유량 측정 결과를' });
    await seen.waitFor({ timeout: 2000 });
    measured.commentSeenByOtherMs = Math.round(performance.now() - sent);
    expect(measured.commentSeenByOtherMs).toBeLessThan(2000);

    await expect(seen.locator('strong').textContent()).resolves.toBe('공유');
    await expect(seen.locator('.mention').textContent()).resolves.toBe('@이수진');
    expect(await seen.locator('img').count()).toBe(0);
    await expect(staff.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).resolves.toBeUndefined();
    await expect(staff.page.evaluate(() => (window as unknown as { marker?: string }).marker)).resolves.toBe('not reloaded');
    await expert.page.getByTestId('comment-thread').locator('.comment__body', { hasText: '세척수 유량 측정 결과를' }).waitFor();
    await screenshot(expert.page, 'task-with-comments');
  });

  it('shows "not found" to a staff member who types another company’s address', async () => {
    await expert.page.goto('/board');
    const other = await expert.page
      .locator(`[data-testid="board-row"]:not([data-company-id="${companyId}"])`)
      .first()
      .getAttribute('data-company-id');
    expect(other).toBeTruthy();
    await staff.page.goto(`/companies/${other}/tasks`);
    await staff.page.getByTestId('not-found').waitFor();
    expect(await staff.page.getByTestId('task-board').count()).toBe(0);
    await staff.page.goto(`/companies/${other}/tasks/${taskId}`);
    await staff.page.getByTestId('not-found').waitFor();
  });

  it('switches every label to English (only data such as names stays Korean)', async () => {
    const { page } = expert;
    await page.goto('/board');
    await page.getByTestId('board-totals').waitFor();
    await page.getByTestId('lang-en').click();
    await page.locator('h1', { hasText: 'Program board' }).waitFor();
    const labels = await page.evaluate(labelTexts, {
      chrome: 'nav, header, h1, h2, h3, label, legend, caption, figcaption, thead th, button, [role="status"], .stat__label, .stat__sub, .badge, .page-header p',
      data: '[data-testid="board-row"]',
    });
    expect(labels.length).toBeGreaterThan(20);
    expect(labels.filter((text) => HANGUL.test(text))).toEqual([]);
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    await screenshot(page, 'program-board-en');

    await page.goto(`/companies/${companyId}/tasks/${taskId}`);
    await page.getByTestId('comment-thread').waitFor();
    const taskLabels = await page.evaluate(labelTexts, {
      chrome: 'nav, header, label, h2, button, .task__label, .field__hint',
      // Data: the task's own text, comments, history entries, the company name in the byline.
      data: '.comment, .timeline, .task__description, [data-testid="task-title"], .task__byline, option',
    });
    expect(taskLabels.filter((text) => HANGUL.test(text))).toEqual([]);
    await page.getByTestId('lang-ko').click();
  });

  it('exports the measures register to CSV and Excel files', async () => {
    const { page } = expert;
    await page.goto('/measures');
    await page.locator('[data-measure-id]').first().waitFor();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const csvText = readFileSync((await csv.path()) as string, 'utf8');
    expect(csv.suggestedFilename()).toMatch(/^ecohub-measures-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csvText.startsWith('\uFEFF기업,과제,유형,상태,투자비 (원)')).toBe(true);
    expect(csvText.trim().split('\r\n').length).toBe((await page.locator('[data-measure-id]').count()) + 1);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    const bytes = readFileSync((await xlsx.path()) as string);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.length).toBeGreaterThan(2000);
  });

  it('keeps the pages within the Content Security Policy and free of script errors', () => {
    const problems = [...expert.consoleErrors, ...staff.consoleErrors].filter((message) => !/Failed to load resource/.test(message));
    expect(problems).toEqual([]);
  });
});
