import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, screenshot, signInAs, startHub, type Hub, type Person } from './harness.ts';

describeWithBrowser('two people editing the same task', () => {
  let hub: Hub;
  let expert: Person;
  let manager: Person;

  beforeAll(async () => {
    hub = await startHub();
    [expert, manager] = await Promise.all([signInAs(hub, 'expert@ecofrontier.co.kr'), signInAs(hub, 'manager@ecofrontier.co.kr')]);
  });
  afterAll(async () => {
    await expert?.context.close();
    await manager?.context.close();
    await hub?.close();
  });

  it('keeps what the expert typed when the manager saves first, shows the difference and saves the choice', async () => {
    const staff = await signInAs(hub, 'staff@hanilplating.co.kr');
    const companyId = /\/companies\/([^/]+)/.exec(new URL(staff.page.url()).pathname)?.[1] ?? '';
    await staff.context.close();
    await expert.page.goto(`/companies/${companyId}/tasks`);
    const card = expert.page.locator('[data-task-id]').first();
    await card.waitFor();
    const url = `/companies/${companyId}/tasks/${await card.getAttribute('data-task-id')}`;
    await Promise.all([expert.page.goto(url), manager.page.goto(url)]);
    for (const { page } of [expert, manager]) {
      await page.getByTestId('task-edit').click();
      await page.getByTestId('task-edit-form').waitFor();
    }
    const title = (page: Person['page']) => page.getByTestId('task-edit-form').locator('input').first();
    await title(expert.page).fill('전문가 제목: 도금조 세척수 재이용');
    await title(manager.page).fill('관리자 제목: 세척수 재이용 계획');
    await manager.page.getByTestId('task-edit-form').locator('button[type="submit"]').click();
    await manager.page.getByTestId('task-edit-form').waitFor({ state: 'detached' });

    // The live update does not touch the open form; it says the task changed.
    await expert.page.getByTestId('changed-while-editing').waitFor({ timeout: 5000 });
    expect(await title(expert.page).inputValue()).toBe('전문가 제목: 도금조 세척수 재이용');

    // Saving anyway meets the newer version: the difference is shown, nothing is lost.
    await expert.page.getByTestId('task-edit-form').locator('button[type="submit"]').click();
    const review = expert.page.getByTestId('conflict-review');
    await review.waitFor();
    const field = review.locator('[data-field="title"]');
    expect(await field.textContent()).toContain('관리자 제목: 세척수 재이용 계획');
    expect(await field.textContent()).toContain('전문가 제목: 도금조 세척수 재이용');
    await screenshot(expert.page, 'conflict-review');
    await field.getByTestId('keep-mine').check();
    await review.getByTestId('conflict-apply').click();
    await expert.page.getByTestId('task-edit-form').waitFor({ state: 'detached' });
    await expect.poll(() => expert.page.getByTestId('task-title').textContent()).toBe('전문가 제목: 도금조 세척수 재이용');
    await expect.poll(() => manager.page.getByTestId('task-title').textContent(), { timeout: 5000 }).toBe('전문가 제목: 도금조 세척수 재이용');
  });
});
