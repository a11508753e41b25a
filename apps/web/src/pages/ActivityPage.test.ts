import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { shallowRef } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { session } from '@/features/auth/session';
import { mockClient } from '@/testing/mock-client';
import ActivityPage from './ActivityPage.vue';

describe('the activity page, by role', () => {
  afterEach(() => session.set(null));

  it('tells an observer history is not shown to their role, without asking for it', async () => {
    session.set({ id: 'p-1', name: '최관찰', nameEn: null, email: 'observer@ecohub.test', role: 'OBSERVER', locale: 'ko', company: null });
    const mock = mockClient({});
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: ActivityPage }] });
    await router.push('/activity');
    const wrapper = mount(ActivityPage, { global: { plugins: [router, [urql, shallowRef(mock.client)]] } });
    await flushPromises();
    expect(wrapper.find('[data-testid="activity-hidden"]').text()).toContain('이 역할에는 활동 기록이 공개되지 않습니다');
    expect(wrapper.text()).not.toContain('아직 활동이 없습니다');
    expect(mock.callsOf('Activity')).toEqual([]);
  });
});
