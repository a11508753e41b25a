import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, screenshot, signInAs, startHub, type Hub } from './harness.ts';

describeWithBrowser('search with Ctrl-K, as a program manager and as company staff', () => {
  let hub: Hub;

  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('a manager finds a company by a two-syllable word and opens it with the keyboard', async () => {
    const manager = await signInAs(hub, 'manager@ecofrontier.co.kr');
    try {
      const { page } = manager;
      await page.getByTestId('search-open').waitFor();
      await page.keyboard.press('Control+k');
      await page.getByTestId('search-input').fill('도금');
      const company = page.locator('[data-testid="search-hit"][data-kind="COMPANY"]', { hasText: '(주)한일도금' });
      await company.waitFor();
      expect(await page.locator('[data-testid="search-hit"][data-kind="COMPANY"]').count()).toBeGreaterThan(1);
      await screenshot(page, 'search-manager');
      await page.getByTestId('search-input').fill('(주)한일도금');
      await page.locator('[data-testid="search-hit"]').first().filter({ hasText: '(주)한일도금' }).waitFor();
      await page.keyboard.press('Enter');
      await page.getByTestId('search-palette').waitFor({ state: 'hidden' });
      await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/companies\/[^/]+/);
      expect(manager.consoleErrors).toEqual([]);
    } finally {
      await manager.context.close();
    }
  });

  it("staff find their own company's work, and nothing of another company by its name", async () => {
    const staff = await signInAs(hub, 'staff@hanilplating.co.kr');
    try {
      const { page } = staff;
      await page.getByTestId('search-open').click();
      await page.getByTestId('search-input').fill('동아표면처리');
      await page.getByTestId('search-empty').waitFor();
      expect(await page.getByTestId('search-hit').count()).toBe(0);
      await page.getByTestId('search-input').fill('한일도금');
      await page.locator('[data-testid="search-hit"][data-kind="COMPANY"]').waitFor();
      const companies = await page.locator('[data-testid="search-hit"][data-kind="COMPANY"]').allTextContents();
      expect(companies.every((text) => text.includes('한일도금'))).toBe(true);

      // Shortcuts: ? lists them, g then t opens my tasks, / opens search again.
      await page.keyboard.press('Escape');
      await page.getByTestId('search-palette').waitFor({ state: 'hidden' });
      await page.keyboard.press('?');
      await page.getByTestId('shortcuts-help').waitFor();
      expect(await page.getByTestId('shortcuts-help').locator('tr').count()).toBeGreaterThan(5);
      await page.keyboard.press('Escape');
      await page.getByTestId('shortcuts-help').waitFor({ state: 'hidden' });
      await page.keyboard.press('g');
      await page.keyboard.press('t');
      await expect.poll(() => new URL(page.url()).pathname).toBe('/my-tasks');
      await page.keyboard.press('/');
      await page.getByTestId('search-input').waitFor();
      expect(staff.consoleErrors).toEqual([]);
    } finally {
      await staff.context.close();
    }
  });
});
