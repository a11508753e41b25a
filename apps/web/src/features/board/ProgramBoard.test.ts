import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { shallowRef } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { session, type Viewer } from '@/features/auth/session';
import { cachedMockClient } from '@/testing/mock-client';
import { PROGRAMS } from '@/testing/programs.fixture';
import ProgramBoard from './ProgramBoard.vue';

const MEASURE_COUNTS = { total: 5, proposed: 1, approved: 1, inProgress: 1, implemented: 1, verified: 1, dropped: 1 };

/** A row's figures for one category (the rest of its figures are in other categories). */
function categoryFigures(category: string, savings: number, tco2e: number) {
  return {
    category,
    investmentKrw: 1_000_000,
    expectedAnnualSavingsKrw: savings,
    implementedExpectedAnnualSavingsKrw: 0,
    reportedAnnualSavingsKrw: 0,
    verifiedAnnualSavingsKrw: 0,
    ghgReductionTco2e: tco2e,
    implementationRate: 0,
    implementationRateBySavings: 0,
    implemented: 0,
    measureCounts: { ...MEASURE_COUNTS, total: 1, proposed: 1, approved: 0, inProgress: 0, implemented: 0, verified: 0, dropped: 0 },
  };
}

function row(id: string, nameKo: string, extra: { done: number; total: number; overdue: number; savings: number; tco2e: number; version?: number }) {
  return {
    id: `p-${id}`,
    version: extra.version ?? 40,
    stage: 'ACTIVE',
    lastActivityAt: '2012-12-05T09:00:00Z',
    investmentKrw: 10_000_000,
    expectedAnnualSavingsKrw: extra.savings,
    implementedExpectedAnnualSavingsKrw: extra.savings / 2,
    reportedAnnualSavingsKrw: 3_000_000,
    verifiedAnnualSavingsKrw: 1_000_000,
    ghgReductionTco2e: extra.tco2e,
    implementationRate: 0.5,
    implementationRateBySavings: 0.5,
    implemented: 2,
    company: { id, nameKo, nameEn: null, industryLabel: '도금업' },
    participation: { id: `p-${id}` },
    team: { id: 'team-1', name: '1팀 · 도금·표면처리' },
    taskCounts: { total: extra.total, todo: 1, inProgress: 1, inReview: 0, blocked: 0, done: extra.done, overdue: extra.overdue },
    measureCounts: MEASURE_COUNTS,
    byCategory: [categoryFigures('ON_SITE_REUSE', 20_000_000, 10), categoryFigures('GREEN_MANAGEMENT', extra.savings - 20_000_000, extra.tco2e - 10)],
  };
}

const KPIS = {
  totals: {
    companies: 2,
    investmentKrw: 2_180_000_000,
    expectedAnnualSavingsKrw: 2_857_580_000,
    verifiedAnnualSavingsKrw: 799_530_000,
    ghgReductionTco2e: 3027.8,
    implementationRate: 0.33,
    implementationRateBySavings: 0.4,
    reportedAnnualSavingsKrw: 500_000_000,
    implemented: 39,
    measureCounts: { total: 125, dropped: 6 },
  },
  budget: [
    { source: 'GOVERNMENT', plannedKrw: 308_000_000, spentKrw: 171_400_000, spentRate: 0.56 },
    { source: 'CITY', plannedKrw: 100_000_000, spentKrw: 52_300_000, spentRate: 0.52 },
  ],
  byCategory: [{ category: 'ON_SITE_REUSE', expectedAnnualSavingsKrw: 1, ghgReductionTco2e: 1, measureCounts: { total: 24 } }],
};

async function setup(options: { role?: Viewer['role']; path?: string } = {}) {
  session.set({ id: 'p-1', name: '김정민', nameEn: null, email: 'manager@ecofrontier.co.kr', role: options.role ?? 'PROGRAM_MANAGER', locale: 'ko', company: null } as Viewer);
  let savings = 110_000_000;
  const mock = cachedMockClient({
    Programs: () => ({ data: PROGRAMS }),
    BoardTrend: () => ({
      data: {
        programYear: {
          id: 'year-1',
          boardTrend: [
            { month: '2012-10-01', tasksCompleted: 3, measuresImplemented: 1, savingsImplementedKrw: 40_000_000, ghgImplementedTco2e: 12.5 },
            { month: '2012-11-01', tasksCompleted: 5, measuresImplemented: 2, savingsImplementedKrw: 60_000_000, ghgImplementedTco2e: 20 },
          ],
        },
      },
    }),
    SetProgramYearTargets: (variables) => {
      const input = variables.input as { version: number; savingsKrw: number | null; ghgTco2e: number | null; implementationRate: number | null };
      return input.version === 3
        ? { data: { setProgramYearTargets: { id: 'year-1', version: 4, targetSavingsKrw: input.savingsKrw, targetGhgTco2e: input.ghgTco2e, targetImplementationRate: input.implementationRate } } }
        : { error: { code: 'CONFLICT' } };
    },
    ProgramBoard: (variables) => ({
      data: {
        liveSequence: 40,
        programYear: {
          id: 'year-1',
          number: 1,
          startsOn: '2012-10-01',
          endsOn: '2013-07-31',
          version: 3,
          targetSavingsKrw: 5_000_000_000,
          targetGhgTco2e: null,
          targetImplementationRate: 0.5,
          program: { id: 'prog-1', nameKo: '안산 지역에코혁신사업', nameEn: 'Ansan Regional Eco-Innovation Program' },
          expertTeams: [{ id: 'team-1', name: '1팀 · 도금·표면처리' }],
          board: (variables.filter as { teamId?: string | null; category?: string | null }).teamId === 'team-1' || (variables.filter as { category?: string | null }).category
            ? [row('co-1', '(주)한일도금', { done: 4, total: 12, overdue: 1, savings, tco2e: 140.2 })]
            : [
                row('co-1', '(주)한일도금', { done: 4, total: 12, overdue: 1, savings, tco2e: 140.2 }),
                row('co-2', '(주)대원염색', { done: 3, total: 9, overdue: 0, savings: 190_000_000, tco2e: 166.1 }),
              ],
          kpis: KPIS,
        },
      },
    }),
  });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
  await router.push(options.path ?? '/board');
  const wrapper = mount(ProgramBoard, { global: { plugins: [router, [urql, shallowRef(mock.client)]] }, attachTo: document.body });
  return { mock, wrapper, router, raiseSavings: (value: number) => (savings = value) };
}

describe('the program board', () => {
  afterEach(() => {
    session.set(null);
    document.body.innerHTML = '';
    localStorage.clear();
  });

  it('shows one row per company with stage, team, task progress, measures, savings and tCO2e', async () => {
    const { wrapper } = await setup();
    await flushPromises();
    const rows = wrapper.findAll('[data-testid="board-row"]');
    expect(rows.map((r) => r.find('th').text())).toEqual([expect.stringContaining('(주)한일도금'), expect.stringContaining('(주)대원염색')]);
    const first = rows[0]!.text();
    expect(first).toContain('참여 중');
    expect(first).toContain('1팀 · 도금·표면처리');
    expect(first).toContain('12개 중 4개 완료');
    expect(first).toContain('지연 1');
    expect(first).toContain('2 / 4');
    expect(first).toContain('140.2 tCO₂e');
  });

  it('puts the year totals on top: companies, measures, savings expected vs verified, tCO2e, budget and categories', async () => {
    const { wrapper } = await setup();
    await flushPromises();
    const totals = wrapper.find('[data-testid="board-totals"]').text();
    expect(totals).toContain('참여 기업');
    expect(totals).toContain('119');
    expect(totals).toContain('3,027.8 tCO₂e');
    expect(totals).toContain('₩2,857,580,000');
    expect(totals).toContain('₩799,530,000');
    expect(totals).toContain('국비');
    expect(totals).toContain('현장 재사용');
  });

  it('filters by team through the API, keeps the filter and year in the URL, and totals what is shown', async () => {
    const { mock, wrapper, router } = await setup();
    await flushPromises();
    expect(wrapper.find('[data-testid="board-totals-scope"]').text()).toBe('사업 전체 기준');
    await wrapper.findAll('select').find((select) => select.text().includes('1팀'))!.setValue('team-1');
    await flushPromises();
    expect(mock.networkOf('ProgramBoard').at(-1)?.variables.filter).toMatchObject({ teamId: 'team-1' });
    expect(router.currentRoute.value.query).toMatchObject({ year: 'year-1', team: 'team-1' });
    expect(wrapper.findAll('[data-testid="board-row"]')).toHaveLength(1);
    expect(wrapper.find('[data-testid="board-totals-scope"]').text()).toBe('선택한 조건의 기업 1곳 기준');
    expect(wrapper.find('[data-testid="kpi-savings"]').text()).toContain('₩1.1억');
  });

  it('opens with the filters and sort a shared address carries, and sorts by a column when its header is clicked', async () => {
    const { mock, wrapper, router } = await setup({ path: '/board?year=year-1&sort=savings&dir=desc' });
    await flushPromises();
    const order = () => wrapper.findAll('[data-testid="board-row"]').map((r) => r.attributes('data-company-id'));
    expect(order()).toEqual(['co-2', 'co-1']);
    expect(wrapper.find('th[aria-sort="descending"]').text()).toContain('연간 절감액');
    await wrapper.find('[data-testid="sort-savings"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toMatchObject({ sort: 'savings', dir: 'asc' });
    expect(order()).toEqual(['co-1', 'co-2']);
    await wrapper.find('[data-testid="sort-savings"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query.sort).toBeUndefined();
    expect(mock.networkOf('ProgramBoard')).toHaveLength(1);
  });

  it('shows an expert the totals of the companies they can see, not the whole program, from the rows alone', async () => {
    const { mock, wrapper } = await setup({ role: 'EXPERT' });
    await flushPromises();
    expect(wrapper.find('[data-testid="board-totals-scope"]').text()).toBe('볼 수 있는 기업 2곳 기준');
    expect(wrapper.find('[data-testid="kpi-savings"]').text()).toContain('₩3억');
    expect(mock.networkOf('ProgramBoard')).toHaveLength(1);
    expect(mock.network.map((call) => call.name)).not.toContain('BoardKpis');
  });

  it('keeps a filtered board’s rows and totals live from events alone, and a late older copy of a row changes nothing', async () => {
    const { mock, wrapper } = await setup({ path: '/board?year=year-1&team=team-1' });
    await flushPromises();
    const loads = mock.networkOf('ProgramBoard').length;
    // It totals its own rows, so they come with their per-category figures.
    expect(mock.networkOf('ProgramBoard').at(-1)?.variables).toMatchObject({ withCategories: true });
    const savings = () => wrapper.find('[data-testid="kpi-savings"]').text();
    expect(savings()).toContain('₩1.1억');
    const event = (seq: number, value: ReturnType<typeof row> | null, companyId = 'co-1') => ({
      boardRowChanged: { seq, companyId, row: value, totals: KPIS.totals, byCategory: KPIS.byCategory, budget: KPIS.budget },
    });
    mock.emit('BoardRowChanged', event(41, row('co-1', '(주)한일도금', { done: 4, total: 12, overdue: 1, savings: 250_000_000, tco2e: 140.2, version: 41 })));
    await flushPromises();
    expect(savings()).toContain('₩2.5억');
    expect(wrapper.find('[data-company-id="co-1"]').text()).toContain('₩2.5억');
    // Delivered late: a copy read before the one shown.
    mock.emit('BoardRowChanged', event(42, row('co-1', '(주)한일도금', { done: 4, total: 12, overdue: 1, savings: 90_000_000, tco2e: 140.2, version: 39 })));
    await flushPromises();
    expect(wrapper.find('[data-company-id="co-1"]').text()).toContain('₩2.5억');
    // A company of the team joins the board, and its figures join the totals.
    mock.emit('BoardRowChanged', event(43, row('co-4', '(주)가람정밀', { done: 0, total: 0, overdue: 0, savings: 50_000_000, tco2e: 30, version: 43 }), 'co-4'));
    await flushPromises();
    expect(wrapper.findAll('[data-testid="board-row"]').map((r) => r.attributes('data-company-id'))).toEqual(['co-4', 'co-1']);
    expect(savings()).toContain('₩3억');
    expect(wrapper.find('[data-testid="board-totals-scope"]').text()).toBe('선택한 조건의 기업 2곳 기준');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(mock.networkOf('ProgramBoard')).toHaveLength(loads);
  });

  it('shows a category’s figures under its filter and applies events to them without reloading', async () => {
    const { mock, wrapper } = await setup({ path: '/board?year=year-1&category=ON_SITE_REUSE' });
    await flushPromises();
    const loads = mock.networkOf('ProgramBoard').length;
    expect(wrapper.find('[data-company-id="co-1"]').text()).toContain('₩2000만');
    const changed = row('co-1', '(주)한일도금', { done: 4, total: 12, overdue: 1, savings: 110_000_000, tco2e: 140.2, version: 41 });
    changed.byCategory[0] = categoryFigures('ON_SITE_REUSE', 60_000_000, 12);
    mock.emit('BoardRowChanged', { boardRowChanged: { seq: 41, companyId: 'co-1', row: changed, totals: KPIS.totals, byCategory: KPIS.byCategory, budget: KPIS.budget } });
    await flushPromises();
    expect(wrapper.find('[data-company-id="co-1"]').text()).toContain('₩6000만');
    expect(wrapper.find('[data-testid="kpi-savings"]').text()).toContain('₩6000만');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(mock.networkOf('ProgramBoard')).toHaveLength(loads);
  });

  it('updates live from the event alone: the row and the totals change, the company is highlighted, nothing is reloaded', async () => {
    const { mock, wrapper } = await setup();
    await flushPromises();
    // The whole year's board reads its rows without per-category figures: the year's totals come with it.
    expect(mock.networkOf('BoardRowChanged')[0]?.variables).toEqual({ programYearId: 'year-1', since: 40, withCategories: false });
    expect(mock.networkOf('ProgramBoard')[0]?.variables).toMatchObject({ withCategories: false });
    const loads = mock.networkOf('ProgramBoard').length;
    const changedRow = row('co-1', '(주)한일도금', { done: 5, total: 12, overdue: 0, savings: 150_000_000, tco2e: 140.2, version: 41 });
    mock.emit('BoardRowChanged', {
      boardRowChanged: {
        seq: 41,
        companyId: 'co-1',
        row: changedRow,
        totals: { ...KPIS.totals, expectedAnnualSavingsKrw: 2_897_580_000 },
        byCategory: KPIS.byCategory,
        budget: KPIS.budget,
      },
    });
    await flushPromises();
    const first = wrapper.find('[data-company-id="co-1"]');
    expect(first.classes()).toContain('live-changed');
    expect(first.text()).toContain('₩1.5억');
    expect(first.text()).toContain('12개 중 5개 완료');
    expect(wrapper.find('[data-testid="board-totals"]').text()).toContain('₩2,897,580,000');
    expect(wrapper.find('[data-company-id="co-2"]').classes()).not.toContain('live-changed');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(mock.networkOf('ProgramBoard')).toHaveLength(loads);
  });

  it("follows the year's budget live: a spending recorded elsewhere changes the budget card, no row moves, nothing is reloaded", async () => {
    const { mock, wrapper } = await setup();
    await flushPromises();
    const loads = mock.networkOf('ProgramBoard').length;
    const budgetCard = () => wrapper.find('[data-testid="board-totals"]').text();
    expect(budgetCard()).toContain('₩4.1억 중 ₩2.2억 집행');
    const rowsBefore = wrapper.findAll('[data-testid="board-row"]').map((r) => r.text());
    mock.emit('BoardRowChanged', {
      boardRowChanged: {
        seq: 41,
        companyId: null,
        row: null,
        totals: KPIS.totals,
        byCategory: KPIS.byCategory,
        budget: [{ ...KPIS.budget[0]!, spentKrw: 271_400_000, spentRate: 0.88 }, KPIS.budget[1]!],
      },
    });
    await flushPromises();
    expect(budgetCard()).toContain('₩4.1억 중 ₩3.2억 집행');
    expect(wrapper.findAll('[data-testid="board-row"]').map((r) => r.text())).toEqual(rowsBefore);
    expect(wrapper.find('.live-changed').exists()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(mock.networkOf('ProgramBoard')).toHaveLength(loads);
  });

  it('drops a withdrawn company’s row live and adds a newly selected one in name order', async () => {
    const { mock, wrapper } = await setup();
    await flushPromises();
    const event = (seq: number, companyId: string, value: ReturnType<typeof row> | null) => ({
      boardRowChanged: { seq, companyId, row: value, totals: KPIS.totals, byCategory: KPIS.byCategory, budget: KPIS.budget },
    });
    mock.emit('BoardRowChanged', event(41, 'co-1', { ...row('co-1', '(주)한일도금', { done: 4, total: 12, overdue: 1, savings: 1, tco2e: 1, version: 41 }), stage: 'WITHDRAWN' }));
    mock.emit('BoardRowChanged', event(42, 'co-3', row('co-3', '(주)가나화학', { done: 0, total: 0, overdue: 0, savings: 0, tco2e: 0, version: 42 })));
    await flushPromises();
    expect(wrapper.findAll('[data-testid="board-row"]').map((r) => r.attributes('data-company-id'))).toEqual(['co-3', 'co-2']);
  });

  it('shows the year targets against the actuals, and lets a manager set them with checks beside the fields', async () => {
    const { mock, wrapper } = await setup();
    await flushPromises();
    const targets = wrapper.find('[data-testid="board-targets"]');
    expect(targets.find('[data-testid="target-savings"]').text()).toContain('목표 ₩50억');
    expect(targets.find('[data-testid="target-tco2e"]').text()).toContain('목표 없음');
    expect(targets.find('[data-testid="target-implementation"]').text()).toContain('목표 50%');
    await targets.find('[data-testid="edit-targets"]').trigger('click');
    const inputs = wrapper.findAll('[data-testid="targets-form"] input');
    await inputs[1]!.setValue('-3');
    await inputs[2]!.setValue('150');
    await wrapper.find('[data-testid="targets-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="targets-form"]').text()).toContain('0부터 100까지 입력할 수 있습니다.');
    expect(mock.networkOf('SetProgramYearTargets')).toHaveLength(0);
    await inputs[1]!.setValue('3,100');
    await inputs[2]!.setValue('45');
    await wrapper.find('[data-testid="targets-form"]').trigger('submit');
    await flushPromises();
    expect(mock.networkOf('SetProgramYearTargets')[0]?.variables.input).toEqual({
      programYearId: 'year-1',
      version: 3,
      savingsKrw: 5_000_000_000,
      ghgTco2e: 3100,
      implementationRate: 0.45,
    });
    expect(wrapper.find('[data-testid="target-tco2e"]').text()).toContain('3,100');
    expect(wrapper.find('[data-testid="target-implementation"]').text()).toContain('목표 45%');
  });

  it('shows the year month by month with savings implemented to date', async () => {
    const { wrapper } = await setup();
    await flushPromises();
    const months = wrapper.findAll('[data-testid="trend-month"]');
    expect(months.map((m) => m.attributes('data-month'))).toEqual(['2012-10-01', '2012-11-01']);
    expect(wrapper.find('[data-testid="board-trend"]').text()).toContain('₩1억');
  });

  it('lets only managers set targets', async () => {
    const { wrapper } = await setup({ role: 'OBSERVER' });
    await flushPromises();
    expect(wrapper.find('[data-testid="board-targets"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="edit-targets"]').exists()).toBe(false);
  });
});
