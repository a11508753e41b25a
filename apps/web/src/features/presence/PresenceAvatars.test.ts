import urql from '@urql/vue';
import { ACCESS_CHANGED } from '@ecohub/domain';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { shallowRef } from 'vue';
import { session, type Viewer } from '@/features/auth/session';
import { mockClient } from '@/testing/mock-client';
import PresenceAvatars from './PresenceAvatars.vue';

const STAFF = { personId: 'p-staff', name: '이수진', state: 'VIEWING' };

function open() {
  session.set({ id: 'p-expert', name: '김정민', nameEn: null, email: 'expert@ecofrontier.co.kr', role: 'EXPERT', locale: 'ko', company: null } as Viewer);
  const mock = mockClient({ ReportPresence: () => ({ data: { reportPresence: true } }) });
  const wrapper = mount(PresenceAvatars, { props: { page: 'COMPANY', id: 'co-1' }, global: { plugins: [[urql, shallowRef(mock.client)]] } });
  return { mock, wrapper };
}

describe('who else is on a page', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    session.set(null);
  });

  it('opens the presence again after a failure, and shows who is there once it answers', async () => {
    const { mock, wrapper } = open();
    await flushPromises();
    mock.fail('Presence', 'INTERNAL_SERVER_ERROR');
    await flushPromises();
    expect(wrapper.find('li').exists()).toBe(false);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(mock.callsOf('Presence')).toHaveLength(2);
    mock.emit('Presence', { presence: { people: [STAFF, { personId: 'p-expert', name: '김정민', state: 'VIEWING' }] } });
    await flushPromises();
    expect(wrapper.findAll('li').map((li) => li.attributes('data-person'))).toEqual(['p-staff']);
  });

  it('stays closed when the viewer no longer sees the company (the page reloads its data instead)', async () => {
    const { mock } = open();
    await flushPromises();
    mock.fail('Presence', 'FORBIDDEN', ACCESS_CHANGED);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(mock.callsOf('Presence')).toHaveLength(1);
  });
});
