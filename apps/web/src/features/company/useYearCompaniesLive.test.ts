import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, shallowRef } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { session, type Viewer } from '@/features/auth/session';
import MyTasks from '@/features/my-tasks/MyTasks.vue';
import { ViewerDocument } from '@/graphql/generated/graphql';
import { cachedMockClient, LAST_PAGE } from '@/testing/mock-client';
import { PROGRAMS } from '@/testing/programs.fixture';
import { useYearCompaniesLive } from './useYearCompaniesLive';

const EXPERT = { id: 'me', name: '김정민', nameEn: null, email: 'expert@ecofrontier.co.kr', role: 'EXPERT', locale: 'ko', company: null } as Viewer;
const COMPANY = { id: 'co-1', nameKo: '(주)한일도금', nameEn: null };
const TASK = {
  id: 't-1',
  title: '세척수 유량 측정',
  status: 'TODO',
  rank: 'm',
  version: 1,
  priority: 'MEDIUM',
  dueOn: null,
  isOverdue: false,
  commentCount: 0,
  assignees: [{ id: 'me', name: '김정민', nameEn: null }],
  measure: null,
  company: COMPANY,
};

/** The shell as far as this concerns it: the year-wide subscription, and a page (my tasks) below it. */
const Shell = defineComponent({
  components: { MyTasks },
  setup: () => useYearCompaniesLive(() => !!session.viewer.value),
  template: '<MyTasks v-if="$route.path === \'/my-tasks\'" />',
});

async function mountShell(viewer: Viewer | null, programs: object = PROGRAMS) {
  session.set(viewer);
  const mock = cachedMockClient({
    Viewer: () => ({ data: { viewer } }),
    Programs: () => ({ data: programs }),
    MyTasks: () => ({ data: { liveSequence: 7, myTasks: { totalCount: 1, pageInfo: LAST_PAGE, edges: [{ node: TASK }] } } }),
  });
  await mock.client.query(ViewerDocument, {}).toPromise();
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
  await router.push(viewer ? '/my-tasks' : '/sign-in');
  const wrapper = mount(Shell, { global: { plugins: [router, [urql, shallowRef(mock.client)]] } });
  await flushPromises();
  return { mock, wrapper };
}

describe("the shell's live company names", () => {
  afterEach(() => session.set(null));

  it('subscribes once for the working year from where the years were read, and a page shows a renamed company without reading it again', async () => {
    const { mock, wrapper } = await mountShell(EXPERT);
    expect(wrapper.text()).toContain('(주)한일도금');
    expect(mock.networkOf('YearCompaniesChanged').map((call) => call.variables)).toEqual([{ programYearId: 'year-1', since: 3 }]);

    mock.emit('YearCompaniesChanged', { companyChanged: { seq: 8, companyId: 'co-1', company: { ...COMPANY, nameKo: '(주)한일표면처리', version: 2, industryLabel: '표면처리업' } } });
    await flushPromises();
    expect(wrapper.text()).toContain('(주)한일표면처리');
    expect(wrapper.text()).not.toContain('(주)한일도금');
    expect(mock.networkOf('MyTasks')).toHaveLength(1);
  });

  it('opens nothing for an anonymous visitor, nor for a person with no program year', async () => {
    const anonymous = await mountShell(null);
    expect(anonymous.mock.network.map((call) => call.name)).toEqual(['Viewer']);
    const yearless = await mountShell(EXPERT, { ...PROGRAMS, programs: [] });
    expect(yearless.mock.networkOf('Programs').length).toBeGreaterThan(0);
    expect(yearless.mock.networkOf('YearCompaniesChanged')).toEqual([]);
  });
});
