import { TestClient } from '@ecohub/server/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, signInAs, startHub, type Hub, type Person } from './harness.ts';

const OWN_COMPANY = '{ viewer { company { id nameKo version } } }';
const UPDATE_COMPANY = 'mutation($input: UpdateCompanyInput!) { updateCompany(input: $input) { id version } }';
const STAFF = 'staff@hanilplating.co.kr';
const MANAGER = 'manager@ecofrontier.co.kr';
/** The queries that would reload a page's company names: none may run for a live edit. */
const PAGE_LOADS = /query (CompanyRegister|CompanyRegisterAfter|ProgramBoard|CompanyWorkspace|Measures|MeasuresAfter)\b/;

/** The texts of the links to a company on a page (register rows, board rows). */
function linkTexts(page: Page, href: string) {
  return page.evaluate((target) => [...document.querySelectorAll<HTMLAnchorElement>(`a[href="${target}"]`)].map((link) => link.innerText.trim()), href);
}

describeWithBrowser("a company's edit reaches every open page showing it, without a reload", () => {
  let hub: Hub;
  let manager: Person;
  let staff: Person;
  let writer: TestClient;

  beforeAll(async () => {
    hub = await startHub();
    writer = await new TestClient(hub.baseUrl).signInAs(MANAGER);
    manager = await signInAs(hub, MANAGER);
    staff = await signInAs(hub, STAFF);
  });

  afterAll(async () => {
    await manager?.context.close();
    await staff?.context.close();
    await hub?.close();
  });

  it("a manager's register, board and measures register and the company's own staff on its page show the new name once another manager renames it", async () => {
    const { viewer } = await new TestClient(hub.baseUrl).signInAs(STAFF).then((client) => client.data<{ viewer: { company: { id: string; nameKo: string; version: number } } }>(OWN_COMPANY));
    const company = viewer.company;

    const register = manager.page;
    await register.goto('/companies');
    await expect.poll(() => linkTexts(register, `/companies/${company.id}/overview`), { timeout: 10_000 }).toEqual([company.nameKo]);
    const board = await manager.context.newPage();
    await board.goto('/board');
    await expect.poll(() => linkTexts(board, `/companies/${company.id}`), { timeout: 10_000 }).toContain(company.nameKo);
    // The year-wide measures register has no company subscription of its own: the shell's one serves every page.
    const measures = await manager.context.newPage();
    const companySubscriptions: string[] = [];
    measures.on('websocket', (socket) =>
      socket.on('framesent', ({ payload }) => {
        if (String(payload).includes('"subscribe"') && String(payload).includes('companyChanged(')) companySubscriptions.push(String(payload));
      }),
    );
    await measures.goto('/measures');
    const measureLinks = () => linkTexts(measures, `/companies/${company.id}/measures`);
    await expect.poll(async () => [...new Set(await measureLinks())], { timeout: 10_000 }).toEqual([company.nameKo]);
    const header = staff.page.getByTestId('company-name');
    await staff.page.goto(`/companies/${company.id}/tasks`);
    await expect.poll(() => header.innerText(), { timeout: 10_000 }).toBe(company.nameKo);
    for (const page of [register, board, measures, staff.page]) await page.getByTestId('live-indicator').and(page.locator('.live--live')).waitFor({ timeout: 10_000 });
    const loads: string[] = [];
    for (const page of [register, board, measures, staff.page]) {
      page.on('request', (request) => {
        const body = request.postData() ?? '';
        if (PAGE_LOADS.test(body)) loads.push(body.slice(0, 60));
      });
    }

    const renamed = `${company.nameKo} 신사명`;
    await writer.data(UPDATE_COMPANY, { input: { id: company.id, version: company.version, nameKo: renamed, industryLabel: '표면처리업' } });

    await expect.poll(() => linkTexts(register, `/companies/${company.id}/overview`), { timeout: 5_000 }).toEqual([renamed]);
    await expect.poll(() => register.locator(`tr:has(a[href="/companies/${company.id}/overview"])`).innerText(), { timeout: 5_000 }).toContain('표면처리업');
    await expect.poll(async () => (await linkTexts(board, `/companies/${company.id}`)).filter((text) => text === renamed).length, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(await linkTexts(board, `/companies/${company.id}`)).not.toContain(company.nameKo);
    await expect.poll(async () => [...new Set(await measureLinks())], { timeout: 5_000 }).toEqual([renamed]);
    expect(companySubscriptions).toHaveLength(1);
    await expect.poll(() => header.innerText(), { timeout: 5_000 }).toBe(renamed);
    await expect.poll(() => staff.page.locator('.workspace__eyebrow').innerText(), { timeout: 5_000 }).toContain('표면처리업');
    expect(loads).toEqual([]);
    expect([...manager.consoleErrors, ...staff.consoleErrors]).toEqual([]);
    await board.close();
    await measures.close();
  });
});
