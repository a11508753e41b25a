import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { shallowRef } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { session, type Viewer } from '@/features/auth/session';
import { mockClient } from '@/testing/mock-client';
import CompanyFollowUp from './CompanyFollowUp.vue';

async function openAs(role: 'OBSERVER' | 'EXPERT') {
  session.set({ id: 'p-1', name: '최관찰', nameEn: null, email: 'someone@ecohub.test', role, locale: 'ko', company: null });
  // The API lists no requests to a role that may not read the work: the same empty answer as "none yet".
  const mock = mockClient({ CompanyFollowUp: () => ({ data: { followUpRequests: [], company: { id: 'co-1', participations: [] } } }) });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
  const wrapper = mount(CompanyFollowUp, { props: { companyId: 'co-1' }, global: { plugins: [router, [urql, shallowRef(mock.client)]] } });
  await flushPromises();
  return wrapper;
}

describe('the company follow-up page, by role', () => {
  afterEach(() => session.set(null));

  it('tells an observer the requests are not shown to their role, not that there are none', async () => {
    const wrapper = await openAs('OBSERVER');
    expect(wrapper.find('[data-testid="follow-up-hidden"]').text()).toContain('이 역할에는 사후관리 요청과 답변이 공개되지 않습니다');
    expect(wrapper.text()).not.toContain('사후관리 요청이 없습니다');
  });

  it('tells an expert there are no requests yet', async () => {
    const wrapper = await openAs('EXPERT');
    expect(wrapper.find('[data-testid="follow-up-hidden"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('사후관리 요청이 없습니다');
  });
});

function request(answered: boolean) {
  return {
    id: 'req-1',
    version: answered ? 2 : 1,
    monthsAfter: 6,
    dueOn: '2014-01-31',
    submittedAt: answered ? '2014-02-03T01:00:00Z' : null,
    programYear: { id: 'year-1', number: 1 },
    items: [
      {
        measure: {
          id: 'm-1',
          title: '세척수 재이용',
          category: 'ON_SITE_REUSE',
          status: 'IMPLEMENTED',
          investmentKrw: 12_000_000,
          expectedAnnualSavingsKrw: 8_000_000,
          reportedOutcome: answered ? 'IMPLEMENTED' : null,
          reportedAnnualSavingsKrw: answered ? 7_100_000 : null,
          verifiedAnnualSavingsKrw: null,
        },
        answer: answered
          ? { id: 'a-1', outcome: 'IMPLEMENTED', reason: null, actualInvestmentKrw: 13_500_000, actualAnnualSavingsKrw: 7_100_000, implementedOn: '2013-06-01', verifiedAt: null, verifiedAnnualSavingsKrw: null }
          : null,
      },
    ],
  };
}

async function setup() {
  session.set({ id: 'p-9', name: '김정민', nameEn: null, email: 'expert@ecofrontier.co.kr', role: 'EXPERT', locale: 'ko', company: null } as Viewer);
  let answered = false;
  const mock = mockClient({
    CompanyFollowUp: () => ({ data: { liveSequence: 40, followUpRequests: [request(answered)], company: { id: 'co-1', participations: [] } } }),
  });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
  await router.push('/companies/co-1/follow-up');
  const wrapper = mount(CompanyFollowUp, { props: { companyId: 'co-1' }, global: { plugins: [router, [urql, shallowRef(mock.client)]] }, attachTo: document.body });
  await flushPromises();
  return { mock, wrapper, answer: () => (answered = true) };
}

const settle = async () => {
  // The tab batches bursts of events into one refetch (debounced 120 ms).
  await new Promise((resolve) => setTimeout(resolve, 250));
  await flushPromises();
};

describe('the follow-up tab, live', () => {
  afterEach(() => {
    session.set(null);
    document.body.innerHTML = '';
  });

  it("subscribes to the company's activity from the page's liveSequence", async () => {
    const { mock } = await setup();
    expect(mock.callsOf('ActivityAdded')).toEqual([{ name: 'ActivityAdded', variables: { companyId: 'co-1', since: 40 } }]);
  });

  it('refetches when someone else answers or verifies, and shows the answer', async () => {
    const { mock, wrapper, answer } = await setup();
    // An expert may answer for the company: the answer shows in the form's fields.
    const fieldValues = () => wrapper.findAll('input').map((input) => (input.element as HTMLInputElement).value);
    expect(fieldValues()).not.toContain('7100000');
    answer();
    mock.emit('ActivityAdded', { activityAdded: { seq: 41, entry: { id: 'act-1', action: 'measure.followUpReported', entityType: 'Measure', entityId: 'm-1' } } });
    await settle();
    expect(mock.callsOf('CompanyFollowUp')).toHaveLength(2);
    expect(fieldValues()).toContain('7100000');
  });

  it('ignores activity that does not touch follow-ups or measures', async () => {
    const { mock } = await setup();
    mock.emit('ActivityAdded', { activityAdded: { seq: 41, entry: { id: 'act-2', action: 'task.moved', entityType: 'Task', entityId: 't-1' } } });
    await settle();
    expect(mock.callsOf('CompanyFollowUp')).toHaveLength(1);
  });
});
