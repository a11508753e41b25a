import { TestClient } from '@ecohub/server/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, screenshot, signInAs, startHub, type Hub, type Person } from './harness.ts';

const ASSIGN_TEAM = `mutation($input: AssignParticipationTeamInput!) { assignParticipationTeam(input: $input) { id } }`;

describeWithBrowser('an expert whose company is taken off their team', () => {
  let hub: Hub;
  let expert: Person;

  beforeAll(async () => {
    hub = await startHub();
    expert = await signInAs(hub, 'expert@ecofrontier.co.kr');
  });

  afterAll(async () => {
    await expert?.context.close();
    await hub?.close();
  });

  it('sees the page stop being live with a notice and reload, and stays signed in', async () => {
    // The plating company, served by the team the expert demo login leads.
    const [participation] = await hub.server.server.orm.em.fork().execute<{ id: string; version: number; company_id: string }[]>(
      `select p.id, p.version, p.company_id from participation p join person s on s.company_id = p.company_id where s.email = 'staff@hanilplating.co.kr'`,
    );
    await expert.page.goto(`/companies/${participation!.company_id}/tasks`);
    await expert.page.locator('[data-task-id]').first().waitFor();
    // Listening: the page's subscriptions are registered before the change.
    await expect.poll(() => hub.server.server.services.realtime.subscriptions, { timeout: 10_000 }).toBeGreaterThan(0);

    const manager = await new TestClient(hub.baseUrl).signInAs('manager@ecofrontier.co.kr');
    await manager.data(ASSIGN_TEAM, { input: { id: participation!.id, teamId: null, version: participation!.version } });

    const page = expert.page;
    await page.getByTestId('live-indicator').and(page.locator('.live--accessChanged')).waitFor({ timeout: 10_000 });
    await expect(page.getByTestId('live-indicator').textContent()).resolves.toContain('실시간 아님');
    await page.getByText('접근 권한이 바뀌었습니다').waitFor();
    // Reloaded with the new rights: the company's tasks are gone from the page.
    await page.locator('[data-task-id]').first().waitFor({ state: 'detached', timeout: 10_000 });
    await screenshot(page, 'access-changed');
    // Not a sign-out: still on the page, and elsewhere the header is live again.
    expect(new URL(page.url()).pathname).toBe(`/companies/${participation!.company_id}/tasks`);
    await page.goto('/');
    await page.getByTestId('live-indicator').and(page.locator('.live--live')).waitFor({ timeout: 10_000 });
    expect(expert.consoleErrors.filter((message) => !message.includes('404'))).toEqual([]);
  });
});
