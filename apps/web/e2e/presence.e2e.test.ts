import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, screenshot, signInAs, startHub, type Hub, type Person } from './harness.ts';

describeWithBrowser('two people on one task see each other', () => {
  let hub: Hub;
  let expert: Person;
  let staff: Person;

  beforeAll(async () => {
    hub = await startHub();
    [expert, staff] = await Promise.all([signInAs(hub, 'expert@ecofrontier.co.kr'), signInAs(hub, 'staff@hanilplating.co.kr')]);
  });

  afterAll(async () => {
    await expert?.context.close();
    await hub?.close();
  });

  it('shows each the other’s avatar, "is typing" while the other writes a comment, and the avatar gone when the tab closes', async () => {
    const companyId = /\/companies\/([^/]+)/.exec(new URL(staff.page.url()).pathname)?.[1] ?? '';
    expect(companyId).not.toBe('');
    await expert.page.goto(`/companies/${companyId}/tasks`);
    const card = expert.page.locator('[data-task-id]').first();
    await card.waitFor();
    const taskId = (await card.getAttribute('data-task-id')) ?? '';
    await Promise.all([expert.page.goto(`/companies/${companyId}/tasks/${taskId}`), staff.page.goto(`/companies/${companyId}/tasks/${taskId}`)]);

    // The task's own avatars (the company workspace around it shows the company's).
    const onExpert = expert.page.locator('[data-testid="presence"][data-page="TASK"] li');
    const onStaff = staff.page.locator('[data-testid="presence"][data-page="TASK"] li');
    await Promise.all([onExpert.first().waitFor(), onStaff.first().waitFor()]);
    expect(await onExpert.count()).toBe(1);
    expect(await onStaff.count()).toBe(1);
    await expect(onExpert.first().getAttribute('title')).resolves.toContain('이수진');
    expect(await onExpert.first().getAttribute('data-state')).toBe('VIEWING');

    const textarea = staff.page.getByTestId('comment-form').locator('textarea');
    await textarea.click();
    await textarea.pressSequentially('측정 결과는');
    const typing = expert.page.getByTestId('comment-typing');
    await typing.waitFor({ timeout: 5_000 });
    await expect(typing.textContent()).resolves.toContain('이수진');
    expect(await onExpert.first().getAttribute('data-state')).toBe('TYPING');
    await screenshot(expert.page, 'presence-typing');

    // Leaving the composer ends "is typing" at once.
    await staff.page.getByTestId('task-title').click();
    await typing.waitFor({ state: 'detached', timeout: 5_000 });

    // The expert opens the task's edit form: the staff member sees EDITING, then VIEWING once it closes.
    const expertOnStaff = onStaff.first();
    await expert.page.getByTestId('task-edit').click();
    await staff.page.locator('[data-testid="presence"][data-page="TASK"] li[data-state="EDITING"]').waitFor({ timeout: 5_000 });
    await expert.page.getByTestId('task-edit-form').locator('input').first().press('Escape');
    await staff.page.locator('[data-testid="presence"][data-page="TASK"] li[data-state="VIEWING"]').waitFor({ timeout: 5_000 });
    expect(await expertOnStaff.getAttribute('data-state')).toBe('VIEWING');

    // The staff member's tab closes: gone from the expert's page well within 30 s.
    const closed = performance.now();
    await staff.context.close();
    await onExpert.first().waitFor({ state: 'detached', timeout: 30_000 });
    console.warn(`[e2e] presence gone ${Math.round(performance.now() - closed)} ms after the tab closed`);
    expect(expert.consoleErrors).toEqual([]);
  });
});
