import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { shallowRef } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { session, type Viewer } from '@/features/auth/session';
import { ViewerDocument } from '@/graphql/generated/graphql';
import { cachedMockClient } from '@/testing/mock-client';
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

async function setup() {
  const viewer = { id: 'me', name: '김정민', nameEn: null, email: 'expert@ecofrontier.co.kr', role: 'EXPERT', locale: 'ko', company: null } as Viewer;
  session.set(viewer);
  const mock = cachedMockClient({
    Viewer: () => ({ data: { viewer } }),
    Programs: () => ({ data: PROGRAMS }),
    MyTasks: () => ({ data: { liveSequence: 7, myTasks: { totalCount: 1, edges: [{ node: task('t-1', '세척수 유량 측정', 1) }] } } }),
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
});
