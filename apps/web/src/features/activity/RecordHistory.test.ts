import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { shallowRef } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { session } from '@/features/auth/session';
import { mockClient } from '@/testing/mock-client';
import RecordHistory from './RecordHistory.vue';

async function openAs(role: 'OBSERVER' | 'PROGRAM_MANAGER') {
  session.set({ id: 'p-1', name: '김정민', nameEn: null, email: 'someone@ecohub.test', role, locale: 'ko', company: null });
  const mock = mockClient({ Activity: () => ({ data: { liveSequence: 1, activity: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } }) });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
  const wrapper = mount(RecordHistory, { props: { entityId: 'm-1', version: 1 }, global: { plugins: [router, [urql, shallowRef(mock.client)]] } });
  await flushPromises();
  return { mock, wrapper };
}

describe("a record's history, by role", () => {
  afterEach(() => session.set(null));

  it('tells an observer the history is not shown to their role, without asking for it', async () => {
    const { mock, wrapper } = await openAs('OBSERVER');
    expect(wrapper.find('[data-testid="history-hidden"]').text()).toBe('이 역할에는 변경 이력이 공개되지 않습니다.');
    expect(mock.callsOf('Activity')).toEqual([]);
  });

  it('asks for the history of who may read it', async () => {
    const { mock, wrapper } = await openAs('PROGRAM_MANAGER');
    expect(wrapper.find('[data-testid="history-hidden"]').exists()).toBe(false);
    expect(mock.callsOf('Activity')).toHaveLength(1);
  });
});
