import { isValidBusinessNumber } from '@ecohub/domain';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeWithBrowser, managerWatchingChanges, openEveryPage } from './harness.ts';

const CREATE_COMPANY = `mutation($input: CreateCompanyInput!) { createCompany(input: $input) { id } }`;
const APPLY = `mutation($input: ApplyToProgramYearInput!) { applyToProgramYear(input: $input) { id } }`;
const TRANSITION = `mutation($input: TransitionParticipationInput!) { transitionParticipation(input: $input) { id } }`;
const YEAR_REGISTER = `query($y: ID!, $after: String) { participations(programYearId: $y, first: 200, after: $after) {
  totalCount pageInfo { endCursor hasNextPage } edges { node { id version status appliedOn } } } }`;
const ROWS = 'tbody tr[data-participation-id]';

interface Participation {
  id: string;
  version: number;
  status: string;
  appliedOn: string;
}
type RegisterPage = { participations: { totalCount: number; pageInfo: { endCursor: string; hasNextPage: boolean }; edges: { node: Participation }[] } };

/** A valid business registration number of its own for the n-th generated company (the check digit is computed). */
function businessNumber(n: number): string {
  const stem = `7${String(n).padStart(8, '0')}`;
  const digits = [...'0123456789'].map((check) => `${stem}${check}`).find((candidate) => isValidBusinessNumber(candidate))!;
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

/** The register as shown: the count line and every row's text. */
function registerText(page: Page) {
  return page.evaluate((rows) => ({
    count: document.querySelector<HTMLElement>('.toolbar p')?.innerText.replace(/\s+/g, ' ').trim() ?? '',
    rows: [...document.querySelectorAll<HTMLElement>(rows)].map((row) => `${row.dataset.participationId} ${row.innerText.replace(/\s+/g, ' ').trim()}`),
  }), ROWS);
}

describeWithBrowser('the company register pages through a long year and stays live', () => {
  const setup = managerWatchingChanges();

  it('a register of more than two pages, every page loaded, equals a fresh load after a burst of joins and stage changes, with zero refetches', async () => {
    // The year the page shows, as it asks for it.
    const probe = await setup.manager.context.newPage();
    const asked = probe.waitForRequest((request) => (request.postData() ?? '').includes('query CompanyRegister('));
    await probe.goto('/companies');
    const yearId = (JSON.parse((await asked).postData()!) as { variables: { programYearId: string } }).variables.programYearId;
    await probe.close();

    const seeded = (await setup.writer.data<RegisterPage>(YEAR_REGISTER, { y: yearId })).participations;
    const days = [...new Set(seeded.edges.map((edge) => edge.node.appliedOn))].sort();
    expect(days.length).toBeGreaterThan(0);
    let made = 0;
    /** A new company that applies to the year on the given day. */
    async function join(appliedOn: string, name: string) {
      made += 1;
      const company = await setup.writer.data<{ createCompany: { id: string } }>(CREATE_COMPANY, {
        input: { nameKo: name, businessNumber: businessNumber(made), industryCode: '25921', industryLabel: '금속가공' },
      });
      await setup.writer.data(APPLY, { input: { companyId: company.createCompany.id, programYearId: yearId, appliedOn } });
    }
    const missing = 230 - seeded.totalCount;
    for (let from = 0; from < missing; from += 10) {
      await Promise.all(Array.from({ length: Math.min(10, missing - from) }, (_, i) => join(days[(from + i) % days.length]!, `대량 기업 ${from + i + 1}`)));
    }

    const register = await setup.manager.context.newPage();
    expect(await openEveryPage(register, '/companies', ROWS)).toBeGreaterThan(200);
    await register.getByTestId('live-indicator').and(register.locator('.live--live')).waitFor({ timeout: 10_000 });
    const loads: string[] = [];
    register.on('request', (request) => {
      const body = request.postData() ?? '';
      if (/query CompanyRegister(After)?\b/.test(body)) loads.push(body.slice(0, 40));
    });

    const pageOne = (await setup.writer.data<RegisterPage>(YEAR_REGISTER, { y: yearId })).participations;
    const pageTwo = (await setup.writer.data<RegisterPage>(YEAR_REGISTER, { y: yearId, after: pageOne.pageInfo.endCursor })).participations;
    const applied = [...pageOne.edges, ...pageTwo.edges].map((edge) => edge.node).filter((row) => row.status === 'APPLIED');
    // Rows from the first, second and third page of 100 change stage.
    const changing = [applied[5], applied.find((row, i) => i > 110 && row), applied.at(-3)].filter((row): row is Participation => Boolean(row));
    expect(changing.length).toBe(3);
    await Promise.all([
      ...changing.map((row) => setup.writer.data(TRANSITION, { input: { id: row.id, to: 'WITHDRAWN', version: row.version } })),
      // Newcomers whose application day puts them early, in the middle and at the end of the register.
      join(days[0]!, '버스트 신규 기업 1'),
      join(days[Math.floor(days.length / 2)]!, '버스트 신규 기업 2'),
      join(days.at(-1)!, '버스트 신규 기업 3'),
    ]);
    await setup.hub.server.server.services.realtime.dispatcher.caughtUp();

    const fresh = await setup.manager.context.newPage();
    await openEveryPage(fresh, '/companies', ROWS);
    const expected = await registerText(fresh);
    expect(expected.rows.filter((row) => row.includes('버스트 신규 기업'))).toHaveLength(3);
    await expect.poll(() => registerText(register), { timeout: 5000 }).toEqual(expected);
    expect(loads).toEqual([]);
    for (const page of [register, fresh]) await page.close();
  });
});
