import { isValidBusinessNumber } from '@ecohub/domain';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, screenshot, signInAs, startHub, type Hub, type Person } from './harness.ts';

/** A business registration number with a valid check digit (the form refuses any other). */
function businessNumber(prefix = '134-81-1234'): string {
  for (let digit = 0; digit <= 9; digit++) {
    if (isValidBusinessNumber(`${prefix}${digit}`)) return `${prefix}${digit}`;
  }
  throw new Error('no check digit fits');
}

const LIVE = { timeout: 5_000 };

/** The text of a board KPI card's value, e.g. "43.7 tCO₂e". */
async function kpi(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).locator('.stat__value').textContent())?.trim() ?? '';
}

async function waitForChange(read: () => Promise<string>, before: string): Promise<string> {
  const deadline = Date.now() + LIVE.timeout;
  for (;;) {
    const now = await read();
    if (now !== before) return now;
    if (Date.now() > deadline) throw new Error(`still ${before} after ${LIVE.timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The watcher's board exported as CSV (exactly what the board shows), and the line of one company. */
async function exportedLine(page: Page, company: string): Promise<string | undefined> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('board-export-csv').click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  return csv.split(/\r?\n/).find((line) => line.includes(company));
}

/** Which program year the client shows: chosen on the device, read when the app loads. */
async function useYear(person: Person, yearId: string, path: string): Promise<void> {
  await person.page.evaluate((id) => localStorage.setItem('ecohub.programYear', id), yearId);
  await person.page.goto(path);
}

describeWithBrowser('running year 2 from the browser, watched live from a second browser', () => {
  let hub: Hub;
  let manager: Person;
  let expert: Person;
  let watcher: Person;
  let year2Id: string;
  let teamName: string;
  let companyId: string;
  let measureId: string;
  let exportedBeforeMeasures: string | undefined;

  async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await hub.server.server.orm.em.fork().execute(sql, params)) as T[];
  }

  beforeAll(async () => {
    hub = await startHub();
    [manager, expert, watcher] = await Promise.all([
      signInAs(hub, 'manager@ecofrontier.co.kr', { locale: 'en' }),
      signInAs(hub, 'expert@ecofrontier.co.kr', { locale: 'en' }),
      signInAs(hub, 'observer@ansan.go.kr', { locale: 'en' }),
    ]);
    const [year2] = await rows<{ id: string }>('select id from program_year where number = 2');
    year2Id = year2!.id;
    const [team] = await rows<{ name: string }>(
      `select t.name from expert_team t join program_year y on y.id = t.program_year_id join person p on p.id = t.lead_id
        where y.number = 1 and p.email = 'expert@ecofrontier.co.kr'`,
    );
    teamName = team!.name;
    // The second browser watches year 2's board from the start: every step must reach it without a reload.
    await useYear(watcher, year2Id, '/board');
    await watcher.page.getByTestId('program-board').waitFor();
  });

  afterAll(async () => {
    for (const person of [manager, expert, watcher]) await person?.context.close();
    await hub?.close();
  });

  it('a manager sets up year 2 from year 1 (teams and continuing companies) and the board fills live', async () => {
    const { page } = manager;
    await page.goto('/program-years');
    const year2 = page.locator('[data-year="2"]');
    await year2.getByRole('button', { name: 'Set up year 2 from year 1' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Carry over' }).click();
    await year2.getByText(/[1-9]\d* expert teams · [1-9]\d* companies/).waitFor(LIVE);
    const [selected] = await rows<{ count: string }>("select count(*) from participation where program_year_id = ? and status = 'SELECTED'", [year2Id]);
    expect(Number(selected!.count)).toBeGreaterThan(0);
    await expect.poll(() => watcher.page.getByTestId('board-row').count(), LIVE).toBe(Number(selected!.count));
  });

  it('a manager forms an expert team of year 2 and adds an expert to it', async () => {
    const { page } = manager;
    await page.goto('/teams');
    await page.getByRole('button', { name: 'New expert team' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('This is required.').waitFor();
    await dialog.getByRole('textbox', { name: 'Team name' }).fill('Energy team');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const team = page.locator('article.team', { hasText: 'Energy team' });
    await team.waitFor(LIVE);
    await team.getByLabel('Add a member').selectOption({ index: 1 });
    await team.getByLabel('Specialty').selectOption('ENERGY');
    await team.getByRole('button', { name: 'Add', exact: true }).click();
    await team.locator('.members').getByText('Energy', { exact: true }).waitFor(LIVE);
    const [row] = await rows<{ members: string }>(
      "select count(*) as members from team_membership m join expert_team t on t.id = m.team_id where t.name = 'Energy team' and t.program_year_id = ?",
      [year2Id],
    );
    expect(Number(row!.members)).toBe(1);
  });

  it('a manager adds a budget line and its spending, with messages that say what is allowed', async () => {
    const { page } = manager;
    await page.goto('/program-years');
    const year2 = page.locator('[data-year="2"]');
    await year2.getByRole('button', { name: 'Add budget line' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Funding source').selectOption('GOVERNMENT');
    await dialog.getByLabel('Planned (KRW)').fill('-5,000,000');
    await dialog.getByRole('button', { name: 'Save' }).click();
    // The message says what is allowed, not only that something is wrong.
    await dialog.getByText('Enter a value from 0 to 1,000,000,000,000.').waitFor();
    await dialog.getByLabel('Planned (KRW)').fill('abc');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Enter a number (digits only; commas are fine).').waitFor();
    await dialog.getByLabel('Planned (KRW)').fill('308,000,000');
    await dialog.getByLabel('Spent (KRW)').fill('0');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await year2.locator('[data-source="GOVERNMENT"]').waitFor();
    // The second browser's board follows the budget without a reload: the new line, then its spending.
    const watcherBudget = watcher.page.getByTestId('board-totals');
    await watcherBudget.getByText('₩0 spent of ₩308M').waitFor(LIVE);

    await year2.locator('[data-source="GOVERNMENT"]').getByRole('button', { name: 'Edit' }).click();
    await dialog.getByLabel('Spent (KRW)').fill('120000000');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await year2.getByText('₩120,000,000 spent of ₩308,000,000').waitFor(LIVE);
    await watcherBudget.getByText('₩120M spent of ₩308M').waitFor(LIVE);
    await screenshot(page, 'years-and-budget');
  });

  it('a manager registers a company and takes it to ACTIVE with a team; it appears on the board live', async () => {
    const { page } = manager;
    await page.goto('/companies');
    await page.getByRole('button', { name: 'New company' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name (Korean)').fill('그린도금');
    await dialog.getByLabel('Name (English)').fill('Green Plating');
    await dialog.getByLabel('Business registration number').fill(businessNumber());
    await dialog.getByLabel('Industry code (KSIC)').fill('25921');
    await dialog.getByRole('textbox', { name: /^Industry(?! code)/ }).fill('Electroplating');
    await dialog.getByRole('button', { name: 'Register' }).click();
    await page.waitForURL(/\/companies\/[^/]+\/overview$/);
    companyId = /\/companies\/([^/]+)\//.exec(new URL(page.url()).pathname)![1]!;

    const stage = page.getByTestId('participation-stage');
    for (const step of ['Initially diagnosed', 'Selected', 'Agreement signed', 'Active']) {
      await stage.getByRole('button', { name: step, exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Change' }).click();
      await stage.locator('[aria-current="step"]').getByText(step, { exact: true }).waitFor(LIVE);
      if (step === 'Selected') {
        // A selected company is a participant: the watcher's board gains its row.
        await watcher.page.locator(`[data-testid="board-row"][data-company-id="${companyId}"]`).waitFor(LIVE);
      }
    }
    const manage = page.getByTestId('participation-manage');
    await manage.getByLabel('Expert team').selectOption({ label: teamName });
    await manage.getByRole('button', { name: 'Assign' }).click();
    await page.getByTestId('company-team').getByText(teamName).waitFor(LIVE);
    await watcher.page.locator(`[data-testid="board-row"][data-company-id="${companyId}"]`).getByText(teamName).waitFor(LIVE);
    exportedBeforeMeasures = await exportedLine(watcher.page, 'Green Plating');
    expect(exportedBeforeMeasures).toContain(teamName);
  });

  it('a manager creates an event on the program clock and records attendance, with removal asked and undoable', async () => {
    const { page } = manager;
    await page.goto('/events');
    await page.getByRole('button', { name: 'New event' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Event type').selectOption('WORKSHOP');
    await dialog.getByLabel('Title').fill('Year 2 CEO workshop');
    await dialog.getByLabel('Starts (Korea time)').fill('2013-09-10T14:00');
    await dialog.getByLabel('Ends (Korea time)').fill('2013-09-10T17:00');
    await dialog.getByLabel('Venue').fill('Ansan Techno Park');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/events\/[^/]+$/);
    await page.getByText('2:00 PM', { exact: false }).first().waitFor();
    const [event] = await rows<{ starts_at: string | Date }>("select starts_at from program_event where title = 'Year 2 CEO workshop'");
    expect(new Date(event!.starts_at).toISOString()).toBe('2013-09-10T05:00:00.000Z');

    const attendance = page.getByTestId('attendance');
    await attendance.getByLabel('Guest name').fill('Kim Mayor');
    await attendance.getByRole('button', { name: 'Add guest' }).click();
    await attendance.getByRole('row', { name: /Kim Mayor/ }).waitFor(LIVE);
    await attendance.getByRole('row', { name: /Kim Mayor/ }).getByRole('button', { name: 'Delete' }).click();
    await attendance.getByRole('button', { name: 'Confirm removal' }).click();
    await attendance.getByText("Removed Kim Mayor's attendance.").waitFor(LIVE);
    await attendance.getByRole('button', { name: 'Undo' }).click();
    await attendance.getByRole('row', { name: /Kim Mayor/ }).waitFor(LIVE);
    await screenshot(page, 'event-attendance');
  });

  it('an expert enters a diagnosis and a measure, edits its figures and records verified savings; the board follows live', async () => {
    const { page } = expert;
    await useYear(expert, year2Id, `/companies/${companyId}/diagnoses`);
    await page.getByRole('button', { name: 'Enter a diagnosis' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('Kind').selectOption('DETAILED');
    await dialog.getByLabel('Conducted on').fill('2013-09-05');
    await dialog.getByLabel('Processes examined').fill('Pretreatment, plating line, rinsing');
    await dialog.getByLabel('Findings').fill('- **세척(수세)**공정에서 물 사용이 큽니다\n- 정류기 효율 저하');
    await dialog.getByLabel('Electricity (per year) (kWh)').fill('1,200,000');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.locator('.diagnosis__findings li strong', { hasText: '세척(수세)' }).waitFor(LIVE);

    const tco2eBefore = await kpi(watcher.page, 'kpi-tco2e');
    await page.goto(`/companies/${companyId}/measures`);
    await page.getByTestId('add-measure').click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await dialog.getByText('This is required.').first().waitFor();
    await dialog.getByRole('textbox', { name: 'Measure', exact: true }).fill('Counter-flow rinsing');
    await dialog.getByLabel('Category').selectOption('ON_SITE_REUSE');
    await dialog.getByLabel('Investment (KRW)').fill('12,000,000');
    await dialog.getByLabel('Expected annual savings (KRW)').fill('8,000,000');
    await dialog.getByLabel('Electricity saved (kWh/yr)').fill('50000');
    await dialog.getByLabel('LNG saved (Nm³/yr)').fill('10000');
    await dialog.getByLabel('Water saved (m³/yr)').fill('3000');
    const preview = dialog.getByTestId('measure-preview');
    await preview.getByText('1.5 yrs').waitFor();
    const previewTco2e = (await preview.locator('dd').nth(1).textContent())?.trim();
    await dialog.getByRole('button', { name: 'Add' }).click();
    await page.getByRole('link', { name: 'Counter-flow rinsing' }).click();
    await page.waitForURL(/\/measures\/[^/]+$/);
    measureId = /\/measures\/([^/]+)$/.exec(new URL(page.url()).pathname)![1]!;
    // The preview used the same formulas and factors as the API.
    await expect.poll(async () => (await page.getByTestId('measure-tco2e').textContent())?.trim(), LIVE).toBe(previewTco2e);
    const tco2eAfterCreate = await waitForChange(() => kpi(watcher.page, 'kpi-tco2e'), tco2eBefore);

    const figures = page.getByTestId('measure-figures');
    await figures.getByRole('button', { name: 'Edit figures' }).click();
    await figures.getByLabel('Investment (KRW)').fill('16,000,000');
    await figures.getByLabel('Electricity saved (kWh/yr)').fill('80000');
    await figures.getByTestId('measure-preview').getByText('2 yrs').waitFor();
    await figures.getByRole('button', { name: 'Save' }).click();
    await figures.getByText('₩16,000,000').waitFor(LIVE);
    await waitForChange(() => kpi(watcher.page, 'kpi-tco2e'), tco2eAfterCreate);

    for (const status of ['Approved', 'In progress', 'Implemented']) {
      await page.getByRole('button', { name: `Move to ${status}` }).click();
      await page.locator('header .row').getByText(status, { exact: true }).first().waitFor(LIVE);
    }
    const savingsBefore = (await watcher.page.getByTestId('kpi-savings').locator('.stat__sub').textContent()) ?? '';
    const followUp = page.getByTestId('measure-follow-up');
    await followUp.getByRole('button', { name: 'Record follow-up check' }).click();
    await followUp.getByLabel('Verified annual savings (KRW)').fill('7,500,000');
    await followUp.getByRole('button', { name: 'Save' }).click();
    await followUp.getByTestId('measure-verified').getByText('₩7,500,000').waitFor(LIVE);
    await expect
      .poll(async () => (await watcher.page.getByTestId('kpi-savings').locator('.stat__sub').textContent()) ?? '', LIVE)
      .not.toBe(savingsBefore);
    const [measure] = await rows<{ verified_annual_savings_krw: string; investment_krw: string }>(
      'select verified_annual_savings_krw, investment_krw from measure where id = ?',
      [measureId],
    );
    expect(Number(measure!.verified_annual_savings_krw)).toBe(7_500_000);
    expect(Number(measure!.investment_krw)).toBe(16_000_000);
    // The export is what the board shows now: the company's line carries the new measure's effects.
    const exportedAfter = await exportedLine(watcher.page, 'Green Plating');
    expect(exportedAfter).toBeDefined();
    expect(exportedAfter).not.toBe(exportedBeforeMeasures);
    await screenshot(page, 'measure-page');
    await screenshot(watcher.page, 'board-watching-year-2');
  });

  it('left no errors in any browser console', () => {
    expect([...manager.consoleErrors, ...expert.consoleErrors, ...watcher.consoleErrors]).toEqual([]);
  });
});
