import { TestClient } from '@ecohub/server/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, screenshot, signInAs, startHub, type Hub } from './harness.ts';

interface Request {
  id: string;
  monthsAfter: number;
  items: { measure: { id: string; title: string } }[];
}

/**
 * Follow-up end to end: the year has ended, the manager opens the due follow-ups, the company's
 * staff member is notified, answers per measure in the browser, the team's expert verifies one
 * answer, and the program results show the reported and verified savings.
 */
describeWithBrowser('follow-up of implementation', () => {
  let hub: Hub;
  let companyId: string;
  let request: Request;

  beforeAll(async () => {
    hub = await startHub();
    const manager = await new TestClient(hub.baseUrl).signInAs('manager@ecofrontier.co.kr');
    const { programs } = await manager.data<{ programs: { years: { id: string; number: number }[] }[] }>('{ programs { years { id number } } }');
    const yearId = programs[0]!.years.find((year) => year.number === 1)!.id;
    const { openDueFollowUps } = await manager.data<{ openDueFollowUps: number }>('mutation($y: ID!) { openDueFollowUps(programYearId: $y) }', { y: yearId });
    expect(openDueFollowUps).toBeGreaterThan(0);
    const staff = await new TestClient(hub.baseUrl).signInAs('staff@hanilplating.co.kr');
    const { followUpRequests } = await staff.data<{ followUpRequests: (Request & { company: { id: string } })[] }>(
      '{ followUpRequests { id monthsAfter company { id } items { measure { id title } } } }',
    );
    request = followUpRequests.find((r) => r.monthsAfter === 6)!;
    companyId = followUpRequests[0]!.company.id;
    expect(request.items.length).toBeGreaterThanOrEqual(2);
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('lets the staff answer per measure, the expert verify, and the results show all three figures', async () => {
    const [first, second] = request.items.map((item) => item.measure);
    const staff = await signInAs(hub, 'staff@hanilplating.co.kr');
    await staff.page.goto('/notifications');
    await staff.page.getByText('사후관리 시기입니다').first().waitFor();
    await staff.page.getByRole('link', { name: '사후관리' }).first().click();
    await staff.page.waitForURL(`**/companies/${companyId}/follow-up`);

    const card = staff.page.getByTestId('follow-up-6');
    const firstItem = card.getByTestId(`follow-up-item-${first!.id}`);
    await firstItem.getByLabel('적용 여부').selectOption('IMPLEMENTED');
    await firstItem.getByLabel('실제 투자비(원)').fill('12,000,000');
    await firstItem.getByLabel('실제 연간 절감액(원)').fill('7,654,321');
    await firstItem.getByLabel('적용 일자').fill('2013-12-02');
    const secondItem = card.getByTestId(`follow-up-item-${second!.id}`);
    await secondItem.getByLabel('적용 여부').selectOption('NOT_IMPLEMENTED');
    // A "not implemented" answer needs its reason: the form says so before anything is sent.
    await card.getByRole('button', { name: '답변 보내기' }).click();
    await secondItem.locator('.field__error', { hasText: '필수 항목입니다.' }).waitFor();
    await secondItem.getByLabel('미적용 사유').fill('설비 교체 예산 부족');
    await card.getByRole('button', { name: '답변 보내기' }).click();
    await staff.page.getByText('사후관리 답변을 보냈습니다.').waitFor();
    await card.locator('.badge', { hasText: /^\s*답변 \d/ }).waitFor();
    await screenshot(staff.page, 'follow-up-staff-answered');

    const expert = await signInAs(hub, 'expert@ecofrontier.co.kr');
    await expert.page.goto(`/companies/${companyId}/follow-up`);
    const expertItem = expert.page.getByTestId('follow-up-6').getByTestId(`follow-up-item-${first!.id}`);
    await expertItem.getByRole('button', { name: '검증' }).click();
    await expert.page.getByText('답변을 검증했습니다.').waitFor();
    await expertItem.getByText('검증됨').waitFor();
    await screenshot(expert.page, 'follow-up-expert-verified');

    const manager = await signInAs(hub, 'manager@ecofrontier.co.kr');
    await manager.page.goto('/reports');
    const split = manager.page.getByTestId('savings-split');
    await split.waitFor();
    const text = (await split.textContent()) ?? '';
    expect(text).toContain('7,654,321');
    expect(text).toContain('기업 보고');
    expect(text).toContain('전문가 검증');
    await screenshot(manager.page, 'program-results');

    for (const person of [staff, expert, manager]) {
      expect(person.consoleErrors).toEqual([]);
      await person.context.close();
    }
  });
});
