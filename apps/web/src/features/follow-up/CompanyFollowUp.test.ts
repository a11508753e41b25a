import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { shallowRef } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { session } from '@/features/auth/session';
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
