import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { shallowRef } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { session, type Viewer } from '@/features/auth/session';
import { mockClient } from '@/testing/mock-client';
import { PROGRAMS } from '@/testing/programs.fixture';
import ProgramResults from './ProgramResults.vue';

const company = (i: number, tco2e: number) => ({
  companyId: `co-${i}`,
  nameKo: `기업${i}`,
  nameEn: null,
  industryCode: 'C25',
  stage: i === 1 ? 'COMPLETED' : 'ACTIVE',
  measures: 5,
  implementationRate: 0.4,
  investmentKrw: 10_000_000,
  expectedAnnualSavingsKrw: 20_000_000 + i,
  ghgReductionTco2e: tco2e,
});

function results(companies: number) {
  return {
    completedCompanies: 1,
    payback: { overallYears: 0.76, averageYears: 1.25, medianYears: 0.9 },
    events: [
      { kind: 'KICKOFF', title: '착수보고회', venue: '안산 스마트허브', startsAt: '2012-10-15T05:00:00Z', attendees: 38, companies: 19 },
      { kind: 'WORKSHOP', title: '폐수 재이용 워크숍', venue: '안산시청', startsAt: '2012-11-20T05:00:00Z', attendees: 12, companies: 7 },
    ],
    companies: Array.from({ length: companies }, (_, i) => company(i + 1, (i + 1) * 10.5)),
  };
}

async function setup(companies = 3) {
  session.set({ id: 'p-1', name: '김정민', nameEn: null, email: 'manager@ecofrontier.co.kr', role: 'PROGRAM_MANAGER', locale: 'ko', company: null } as Viewer);
  const mock = mockClient({
    Programs: () => ({ data: PROGRAMS }),
    ProgramResults: () => ({
      data: {
        programYear: {
          id: 'year-1',
          number: 1,
          startsOn: '2012-10-01',
          endsOn: '2013-07-31',
          followUpMonths: [6, 12],
          results: results(companies),
          kpis: {
            totals: {
              companies,
              measureCounts: { total: 5 * companies, dropped: 0, verified: 1 },
              implementationRate: 0.4,
              implementationRateBySavings: 0.3,
              followUpAnswered: 2,
              investmentKrw: 10_000_000 * companies,
              expectedAnnualSavingsKrw: 60_000_006,
              reportedAnnualSavingsKrw: 1,
              verifiedAnnualSavingsKrw: 1,
              ghgReductionTco2e: 63,
              electricityKwhPerYear: 1,
              lngNm3PerYear: 1,
              waterM3PerYear: 1,
              wasteTPerYear: 1,
              rawMaterialsTPerYear: 1,
            },
            byCategory: [],
            budget: [],
          },
        },
      },
    }),
  });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
  await router.push('/reports');
  const wrapper = mount(ProgramResults, { global: { plugins: [router, [urql, shallowRef(mock.client)]] }, attachTo: document.body });
  await flushPromises();
  return { wrapper };
}

describe('the program results page', () => {
  afterEach(() => {
    session.set(null);
    document.body.innerHTML = '';
    localStorage.clear();
  });

  it('lists every company as the files do: name, industry, stage, measures, rate, investment, savings, tCO2e', async () => {
    const { wrapper } = await setup();
    const rows = wrapper.findAll('[data-testid="report-companies"] tbody tr');
    expect(rows).toHaveLength(3);
    const first = rows[0]!.text();
    expect(first).toContain('기업1');
    expect(first).toContain('(C25)');
    expect(first).toContain('완료');
    expect(first).toContain('40%');
    expect(first).toContain('₩10,000,000');
    expect(first).toContain('₩20,000,001');
    expect(first).toContain('10.5');
    expect(rows[0]!.find('a').attributes('href')).toBe('/companies/co-1');
  });

  it('shows events with attendance and their total, the completed companies and the payback', async () => {
    const { wrapper } = await setup();
    const events = wrapper.find('[data-testid="report-events"]').text();
    expect(events).toContain('착수보고회');
    expect(events).toContain('안산 스마트허브');
    expect(events).toContain('38');
    expect(events).toContain('19');
    expect(wrapper.find('[data-testid="report-events"] tfoot').text()).toContain('50');
    const text = wrapper.text();
    expect(text).toContain('완료 기업');
    expect(text).toContain('참여 3개 중');
    expect(text).toContain('1.25년');
    expect(text).toContain('중앙값 0.9년');
  });

  it('charts tCO2e by company, largest first, at most the 20 the PDF shows', async () => {
    const { wrapper } = await setup(25);
    const chart = wrapper.find('[data-testid="report-ghg-by-company"]');
    const labels = chart.findAll('.bars__label').map((label) => label.text());
    expect(labels).toHaveLength(20);
    expect(labels[0]).toBe('기업25');
    expect(labels[19]).toBe('기업6');
    expect(chart.text()).toContain('상위 20개 기업');
    expect(wrapper.findAll('[data-testid="report-companies"] tbody tr')).toHaveLength(25);
  });
});
