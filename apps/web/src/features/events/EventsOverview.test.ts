import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { shallowRef } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { session, type Viewer } from '@/features/auth/session';
import { cachedMockClient } from '@/testing/mock-client';
import { PROGRAMS } from '@/testing/programs.fixture';
import EventsOverview from './EventsOverview.vue';

const YEAR = PROGRAMS.programs[0]!.years[0]!.id;

/** An event as the list and the event page select it (EventDetailFields). */
function event(id: string, title: string, startsAt: string, changes: Record<string, unknown> = {}) {
  const end = new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString();
  return {
    id,
    kind: 'WORKSHOP',
    title,
    description: null,
    venue: '안산시청',
    startsAt,
    endsAt: end,
    cancelledAt: null,
    invitedCount: 0,
    attendedCount: 0,
    version: 1,
    programYear: { id: YEAR },
    invitedCompanies: [],
    attendances: [],
    ...changes,
  };
}

const KICK_OFF = event('e-1', '착수보고회', '2012-11-22T05:00:00.000Z');
const TRAINING = event('e-2', '청정생산 교육', '2013-03-05T01:00:00.000Z');

/** The events page over a calendar read in pages: the first as the page loads it, the rest as "more" does. */
async function open(pages: ReturnType<typeof event>[][] = [[KICK_OFF, TRAINING]]) {
  session.set({ id: 'p-1', name: '이수진', nameEn: null, email: 'staff@gana.co.kr', role: 'COMPANY_STAFF', locale: 'ko', company: { id: 'co-1' } } as Viewer);
  const total = pages.flat().length;
  const page = (index: number) => ({
    totalCount: total,
    pageInfo: { hasNextPage: index < pages.length - 1, endCursor: `c${index}` },
    edges: pages[index]!.map((node) => ({ node })),
  });
  const mock = cachedMockClient({
    Programs: () => ({ data: PROGRAMS }),
    Events: () => ({ data: { liveSequence: 40, events: page(0) } }),
    EventsAfter: (variables) => ({ data: { events: page(Number(String(variables.after).slice(1)) + 1) } }),
  });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
  await router.push('/events');
  const wrapper = mount(EventsOverview, { global: { plugins: [router, [urql, shallowRef(mock.client)]] }, attachTo: document.body });
  await flushPromises();
  return { mock, wrapper };
}

const titles = () => [...document.querySelectorAll('.event__title a')].map((link) => link.textContent?.trim());

describe('the events list, live', () => {
  afterEach(() => {
    session.set(null);
    document.body.innerHTML = '';
  });

  it('applies scheduled, edited, cancelled and hidden events in calendar order without reloading', async () => {
    const { mock } = await open();
    expect(titles()).toEqual(['착수보고회', '청정생산 교육']);
    expect(mock.networkOf('EventChanged')[0]?.variables).toMatchObject({ programYearId: YEAR, since: 40 });
    const requests = mock.network.length;

    // A site visit for the viewer's company joins between the two, in its month.
    const visit = event('e-3', '가나전자 현장 방문', '2013-01-10T01:00:00.000Z', { kind: 'SITE_VISIT', invitedCount: 1 });
    mock.emit('EventChanged', { eventChanged: { seq: 41, kind: 'INVITATIONS_CHANGED', eventId: 'e-3', event: visit } });
    await flushPromises();
    expect(titles()).toEqual(['착수보고회', '가나전자 현장 방문', '청정생산 교육']);

    // The kick-off is renamed and moved after the training: it changes in place and moves.
    mock.emit('EventChanged', { eventChanged: { seq: 42, kind: 'UPDATED', eventId: 'e-1', event: event('e-1', '착수보고회 (연기)', '2013-04-01T05:00:00.000Z', { version: 2 }) } });
    await flushPromises();
    expect(titles()).toEqual(['가나전자 현장 방문', '청정생산 교육', '착수보고회 (연기)']);

    // An answer older than what arrived live does not undo it.
    mock.emit('EventChanged', { eventChanged: { seq: 43, kind: 'CANCELLED', eventId: 'e-2', event: event('e-2', '청정생산 교육', '2013-03-05T01:00:00.000Z', { version: 2, cancelledAt: '2013-02-01T00:00:00.000Z' }) } });
    mock.emit('EventChanged', { eventChanged: { seq: 44, kind: 'ATTENDANCE_CHANGED', eventId: 'e-1', event: event('e-1', '착수보고회', '2012-11-22T05:00:00.000Z', { version: 1 }) } });
    await flushPromises();
    expect(titles()).toEqual(['가나전자 현장 방문', '청정생산 교육', '착수보고회 (연기)']);
    // Cancelled events stay in the list, marked.
    expect(document.querySelectorAll('.event--cancelled')).toHaveLength(1);

    // The company is uninvited: the visit leaves this viewer's calendar.
    mock.emit('EventChanged', { eventChanged: { seq: 45, kind: 'INVITATIONS_CHANGED', eventId: 'e-3', event: null } });
    await flushPromises();
    expect(titles()).toEqual(['청정생산 교육', '착수보고회 (연기)']);
    expect(mock.network.slice(requests)).toEqual([]);
  });

  it('says how many of the year it shows, reads the rest with "more", and moves a rescheduled event across the loaded pages without reloading', async () => {
    const { mock, wrapper } = await open([
      [KICK_OFF, TRAINING],
      [event('e-4', '에코클럽 4월', '2013-04-10T05:00:00.000Z'), event('e-5', '성과 공유회', '2013-05-20T05:00:00.000Z')],
    ]);
    expect(titles()).toEqual(['착수보고회', '청정생산 교육']);
    expect(wrapper.text()).toContain('일정 4개 중 2개 표시');
    await wrapper.get('.more button').trigger('click');
    await flushPromises();
    expect(titles()).toEqual(['착수보고회', '청정생산 교육', '에코클럽 4월', '성과 공유회']);
    expect(wrapper.find('.more').exists()).toBe(false);
    const requests = mock.network.length;

    // The kick-off moves into May, between the second page's events; a new event closes the year.
    mock.emit('EventChanged', { eventChanged: { seq: 41, kind: 'UPDATED', eventId: 'e-1', event: event('e-1', '착수보고회 (연기)', '2013-05-01T05:00:00.000Z', { version: 2 }) } });
    mock.emit('EventChanged', { eventChanged: { seq: 42, kind: 'CREATED', eventId: 'e-6', event: event('e-6', '연말 평가회', '2013-07-01T05:00:00.000Z') } });
    await flushPromises();
    expect(titles()).toEqual(['청정생산 교육', '에코클럽 4월', '착수보고회 (연기)', '성과 공유회', '연말 평가회']);
    expect(wrapper.find('.more').exists()).toBe(false);
    expect(mock.network.slice(requests)).toEqual([]);
  });
});
