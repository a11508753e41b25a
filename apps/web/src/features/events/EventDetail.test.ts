import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { shallowRef } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { session, type Viewer } from '@/features/auth/session';
import { cachedMockClient } from '@/testing/mock-client';
import EventDetail from './EventDetail.vue';

const GANA = { id: 'co-1', nameKo: '가나전자', nameEn: null };

function visit(changes: Record<string, unknown> = {}) {
  return {
    id: 'e-1',
    kind: 'SITE_VISIT',
    title: '가나전자 현장 방문',
    description: null,
    venue: '가나전자 1공장',
    startsAt: '2013-01-10T01:00:00.000Z',
    endsAt: '2013-01-10T03:00:00.000Z',
    cancelledAt: null,
    invitedCount: 1,
    attendedCount: 0,
    version: 1,
    programYear: { id: 'year-1' },
    invitedCompanies: [GANA],
    attendances: [],
    ...changes,
  };
}

async function open() {
  session.set({ id: 'p-1', name: '이수진', nameEn: null, email: 'staff@gana.co.kr', role: 'COMPANY_STAFF', locale: 'ko', company: GANA } as Viewer);
  const state = { visible: true };
  const mock = cachedMockClient({
    EventDetail: () => (state.visible ? { data: { liveSequence: 7, event: visit() } } : { error: { code: 'NOT_FOUND' } }),
  });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
  await router.push('/events/e-1');
  mount(EventDetail, { props: { eventId: 'e-1' }, global: { plugins: [router, [urql, shallowRef(mock.client)]] }, attachTo: document.body });
  await flushPromises();
  return { mock, state };
}

describe('an event page, live', () => {
  afterEach(() => {
    session.set(null);
    document.body.innerHTML = '';
  });

  it('shows attendance recorded elsewhere in place, and turns into "not found" when the event leaves the viewer\'s calendar', async () => {
    const { mock, state } = await open();
    expect(mock.networkOf('EventChanged')[0]?.variables).toMatchObject({ programYearId: 'year-1', since: 7 });
    const attendee = { id: 'a-1', attended: true, guestName: null, guestAffiliation: null, person: { id: 'p-1', name: '이수진', nameEn: null, role: 'COMPANY_STAFF' }, company: GANA };
    mock.emit('EventChanged', { eventChanged: { seq: 8, kind: 'ATTENDANCE_CHANGED', eventId: 'e-1', event: visit({ attendedCount: 1, attendances: [attendee] }) } });
    await flushPromises();
    expect(document.querySelector('[data-testid="attendance"]')?.textContent).toContain('이수진');
    expect(mock.networkOf('EventDetail')).toHaveLength(1);

    // The company is uninvited: the page asks once more and learns the event is no longer the viewer's to see.
    state.visible = false;
    mock.emit('EventChanged', { eventChanged: { seq: 9, kind: 'INVITATIONS_CHANGED', eventId: 'e-1', event: null } });
    await flushPromises();
    expect(mock.networkOf('EventDetail')).toHaveLength(2);
    expect(document.querySelector('[data-testid="not-found"]')).not.toBeNull();
    expect(document.querySelector('[data-testid="attendance"]')).toBeNull();
  });
});
