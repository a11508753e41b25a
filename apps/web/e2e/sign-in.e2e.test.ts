import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, describeWithBrowser, signInAs, startHub, type Hub } from './harness.ts';

describeWithBrowser('signing in', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('shows the public program overview to anonymous visitors', async () => {
    const context = await hub.browser.newContext({ baseURL: hub.baseUrl });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('에코혁신');
    await page.getByText('563,000,000').first().waitFor();
    await context.close();
  });

  it('says plainly when the password is wrong', async () => {
    const context = await hub.browser.newContext({ baseURL: hub.baseUrl });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.locator('input[type=email]').fill('manager@ecofrontier.co.kr');
    await page.locator('input[type=password]').fill('not-the-password');
    await page.locator('button[type=submit]').click();
    const error = page.getByTestId('sign-in-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('이메일 또는 비밀번호가 맞지 않습니다');
    await context.close();
  });

  it('signing out loads the sign-in page afresh, so the next person on this browser starts with an empty cache', async () => {
    const { context, page } = await signInAs(hub, 'manager@ecofrontier.co.kr');
    await page.goto('/board');
    await page.getByTestId('user-menu').waitFor();
    // A mark in this page's JavaScript realm: it survives client-side navigation, not a reload.
    await page.evaluate(() => Object.assign(window, { __managerWasHere: true }));
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByTestId('sign-in-form').waitFor();
    expect(await page.evaluate(() => '__managerWasHere' in window)).toBe(false);

    await page.locator('input[type=email]').fill('staff@hanilplating.co.kr');
    await page.locator('input[type=password]').fill(DEMO_PASSWORD);
    await page.locator('button[type=submit]').click();
    await page.waitForURL((url) => url.pathname.startsWith('/companies/'));
    await page.goto('/board');
    await expect(page.getByTestId('user-menu').textContent()).resolves.not.toContain('manager');
    await context.close();
  });
});
