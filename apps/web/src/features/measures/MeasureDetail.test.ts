import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { shallowRef } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { session, type Viewer } from '@/features/auth/session';
import { LAST_PAGE, mockClient } from '@/testing/mock-client';
import MeasureDetail from './MeasureDetail.vue';

const factor = (kind: string) => ({ id: `f-${kind}`, kind, value: 0.4567, validFromYear: 2012, validToYear: 2013 });

function measure(answer: boolean) {
  return {
    id: 'm-1',
    version: 3,
    title: '세척수 재이용',
    category: 'ON_SITE_REUSE',
    status: 'IMPLEMENTED',
    description: null,
    investmentKrw: 12_000_000,
    expectedAnnualSavingsKrw: 8_000_000,
    verifiedAnnualSavingsKrw: answer ? 6_500_000 : null,
    paybackYears: 1.5,
    ghgReductionTco2e: 3.2,
    electricityKwhPerYear: 0,
    lngNm3PerYear: 0,
    waterM3PerYear: 1200,
    wasteTPerYear: 0,
    rawMaterialsTPerYear: 0,
    implementedOn: '2013-05-02',
    followUpDueOn: '2013-11-02',
    followUpCheckedOn: answer ? '2014-02-10' : null,
    followUpNote: null,
    reportedOutcome: answer ? 'IMPLEMENTED' : null,
    reportedOn: answer ? '2013-06-01' : null,
    reportedInvestmentKrw: answer ? 13_500_000 : null,
    reportedAnnualSavingsKrw: answer ? 7_100_000 : null,
    verifiedInvestmentKrw: answer ? 13_000_000 : null,
    archivedAt: null,
    allowedNextStatuses: ['VERIFIED'],
    tasksCount: 0,
    company: { id: 'co-1', nameKo: '(주)한일도금', nameEn: null },
    programYear: { id: 'year-1', number: 1 },
    owner: null,
    electricityFactor: factor('ELECTRICITY'),
    lngFactor: factor('LNG'),
    waterFactor: factor('WATER'),
  };
}

async function setup(answer: boolean) {
  session.set({ id: 'p-1', name: '이서연', nameEn: null, email: 'expert@ecofrontier.co.kr', role: 'EXPERT', locale: 'ko', company: null } as Viewer);
  const mock = mockClient({
    MeasureDetail: () => ({ data: { liveSequence: 10, measure: measure(answer) } }),
    MeasureTasks: () => ({ data: { tasks: { totalCount: 0, pageInfo: LAST_PAGE, edges: [] } } }),
    MeasureDetailChanged: () => 'pending',
    Activity: () => ({ data: { liveSequence: 10, activity: { pageInfo: { endCursor: null, hasNextPage: false }, edges: [] } } }),
    ActivityAdded: () => 'pending',
    TargetAttachments: () => ({ data: { attachments: { totalCount: 0, edges: [] } } }),
    AttachmentLimits: () => ({ data: { attachmentLimits: { maxBytes: 20 * 1024 * 1024, types: [{ contentType: 'application/pdf', extensions: ['pdf'] }] } } }),
  });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
  await router.push('/companies/co-1/measures/m-1');
  const wrapper = mount(MeasureDetail, { props: { companyId: 'co-1', measureId: 'm-1' }, global: { plugins: [router, [urql, shallowRef(mock.client)]] }, attachTo: document.body });
  await flushPromises();
  return { wrapper };
}

describe('the measure page and its follow-up', () => {
  afterEach(() => {
    session.set(null);
    document.body.innerHTML = '';
  });

  it("shows the company's follow-up answer beside the proposed and verified figures, and links to the follow-up tab", async () => {
    const { wrapper } = await setup(true);
    const answer = wrapper.find('[data-testid="measure-follow-up-answer"]');
    const text = answer.text();
    expect(text).toContain('적용 완료');
    expect(text).toContain('₩8,000,000');
    expect(answer.find('[data-testid="measure-reported-savings"]').text()).toBe('₩7,100,000');
    expect(text).toContain('₩13,500,000');
    expect(text).toContain('₩13,000,000');
    expect(wrapper.find('[data-testid="measure-verified"]').text()).toBe('₩6,500,000');
    expect(answer.find('[data-testid="measure-follow-up-tab"]').attributes('href')).toBe('/companies/co-1/follow-up');
  });

  it('says when the company has not answered yet, and still links to the tab', async () => {
    const { wrapper } = await setup(false);
    const answer = wrapper.find('[data-testid="measure-follow-up-answer"]');
    expect(answer.text()).toContain('아직 사후관리 요청에 답하지 않았습니다');
    expect(answer.find('[data-testid="measure-reported-savings"]').exists()).toBe(false);
    expect(answer.find('[data-testid="measure-follow-up-tab"]').exists()).toBe(true);
  });
});
