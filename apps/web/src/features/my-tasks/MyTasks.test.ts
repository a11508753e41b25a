import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { shallowRef } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { session, type Viewer } from '@/features/auth/session';
import { ViewerDocument } from '@/graphql/generated/graphql';
import { cachedMockClient, LAST_PAGE } from '@/testing/mock-client';
import MyTasks from './MyTasks.vue';

const ME = { id: 'me', name: '김정민', nameEn: null };
const PROGRAMS = {
  liveSequence: 3,
  programs: [
    {
      id: 'prog-1',
      name: '안산',
      nameKo: '안산',
      nameEn: 'Ansan',
      region: '안산',
      description: null,
      durationYears: 3,
      hostOrganization: { id: 'org-1', nameKo: '에코프론티어', nameEn: 'EcoFrontier' },
      years: [{ id: 'year-1', number: 1, startsOn: '2012-10-01', endsOn: '2013-07-31', plannedTotalKrw: 1, spentTotalKrw: 0, budgetLines: [] }],
    },
  ],
};

function task(id: string, title: string, version: number, assignees = [ME]) {
  return {
    id,
    title,
    status: 'TODO',
    rank: 'm',
    version,
    priority: 'MEDIUM',
    dueOn: null,
    isOverdue: false,
    commentCount: 0,
    assignees,
    measure: null,
    company: { id: 'co-1', nameKo: '(주)한일도금', nameEn: null },
  };
}

/** My tasks in one page, unless a test gives more. */
type Pages = Parameters<typeof cachedMockClient>[0];
const ONE_PAGE: Pages = {
  MyTasks: () => ({ data: { liveSequence: 7, myTasks: { totalCount: 1, pageInfo: LAST_PAGE, edges: [{ node: task('t-1', '세척수 유량 측정', 1) }] } } }),
};

async function setup(pages: Pages = ONE_PAGE) {
  const viewer = { id: 'me', name: '김정민', nameEn: null, email: 'expert@ecofrontier.co.kr', role: 'EXPERT', locale: 'ko', company: null } as Viewer;
  session.set(viewer);
  const mock = cachedMockClient({
    Viewer: () => ({ data: { viewer } }),
    Programs: () => ({ data: PROGRAMS }),
    ...pages,
  });
  // The app reads who is signed in through the same client, so the cache knows whose tasks these are.
  await mock.client.query(ViewerDocument, {}).toPromise();
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
  await router.push('/my-tasks');
  const wrapper = mount(MyTasks, { global: { plugins: [router, [urql, shallowRef(mock.client)]] } });
  await flushPromises();
  return { mock, wrapper };
}

describe('my tasks', () => {
  afterEach(() => session.set(null));

  it('applies task events to the list: a task assigned to me joins, one taken from me leaves, without reloading', async () => {
    const { mock, wrapper } = await setup();
    const titles = () => wrapper.findAll('.task-link').map((link) => link.text());
    expect(titles()).toEqual(['세척수 유량 측정']);
    expect(mock.networkOf('MyTaskChanged')[0]?.variables).toEqual({ programYearId: 'year-1', since: 7 });
    mock.emit('MyTaskChanged', { taskChanged: { seq: 8, kind: 'CREATED', taskId: 't-2', task: task('t-2', '폐수 재이용 검토', 1) } });
    mock.emit('MyTaskChanged', { taskChanged: { seq: 9, kind: 'UPDATED', taskId: 't-1', task: task('t-1', '세척수 유량 측정', 2, []) } });
    mock.emit('MyTaskChanged', { taskChanged: { seq: 10, kind: 'CREATED', taskId: 't-3', task: task('t-3', '남의 업무', 1, [{ id: 'other', name: '이수진', nameEn: null }]) } });
    await flushPromises();
    expect(titles()).toEqual(['폐수 재이용 검토']);
    expect(mock.networkOf('MyTasks')).toHaveLength(1);
  });

  it('reads every page of my tasks (all of them are grouped), and a task on a later page follows its events', async () => {
    const later = Array.from({ length: 3 }, (_, i) => task(`t-${i + 2}`, `나중 페이지 업무 ${i + 1}`, 1));
    const { mock, wrapper } = await setup({
      MyTasks: () => ({
        data: { liveSequence: 7, myTasks: { totalCount: 4, pageInfo: { hasNextPage: true, endCursor: 'm1' }, edges: [{ node: task('t-1', '세척수 유량 측정', 1) }] } },
      }),
      MyTasksAfter: ({ after }) => ({
        data: {
          myTasks:
            after === 'm1'
              ? { totalCount: 4, pageInfo: { hasNextPage: true, endCursor: 'm2' }, edges: later.slice(0, 2).map((node) => ({ node })) }
              : { totalCount: 4, pageInfo: LAST_PAGE, edges: later.slice(2).map((node) => ({ node })) },
        },
      }),
    });
    const titles = () => wrapper.findAll('.task-link').map((link) => link.text());
    expect(titles()).toEqual(['세척수 유량 측정', '나중 페이지 업무 1', '나중 페이지 업무 2', '나중 페이지 업무 3']);
    expect(mock.networkOf('MyTasksAfter').map((call) => call.variables)).toEqual([
      { first: 200, after: 'm1' },
      { first: 200, after: 'm2' },
    ]);
    // The last page's task is taken from me.
    mock.emit('MyTaskChanged', { taskChanged: { seq: 8, kind: 'UPDATED', taskId: 't-4', task: task('t-4', '나중 페이지 업무 3', 2, []) } });
    await flushPromises();
    expect(titles()).toEqual(['세척수 유량 측정', '나중 페이지 업무 1', '나중 페이지 업무 2']);
    expect(mock.networkOf('MyTasks')).toHaveLength(1);
    expect(mock.networkOf('MyTasksAfter')).toHaveLength(2);
  });
});
