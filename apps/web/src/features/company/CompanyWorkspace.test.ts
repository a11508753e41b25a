import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { shallowRef } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { session } from '@/features/auth/session';
import CompanyTasksPage from '@/pages/CompanyTasksPage.vue';
import { cachedMockClient, LAST_PAGE, mockClient } from '@/testing/mock-client';
import CompanyWorkspace from './CompanyWorkspace.vue';

const COMPANY = {
  id: 'co-1',
  nameKo: '(주)한일도금',
  nameEn: 'Hanil Plating',
  businessNumber: '1348112345',
  industryCode: 'C25',
  industryLabel: '도금업',
  industrialComplex: '반월산업단지',
  address: '경기도 안산시',
  employees: 42,
  ceoName: null,
  contactName: null,
  contactEmail: null,
  contactPhone: null,
  version: 1,
};
const TASK = { id: 't-1', title: '폐수 시료 채취', status: 'TODO', rank: 'h', version: 1, priority: 'MEDIUM', dueOn: null, asOfOn: null, isOverdue: false, assignees: [], measure: null };

async function openTasksAs(role: 'OBSERVER' | 'PROGRAM_MANAGER') {
  session.set({ id: 'p-1', name: '최관찰', nameEn: null, email: 'someone@ecohub.test', role, locale: 'ko', company: null });
  const mock = mockClient({
    CompanyWorkspace: () => ({ data: { company: COMPANY } }),
    // What the API answers an observer too: an empty page, since the rows are filtered out.
    CompanyTasks: () => ({ data: { liveSequence: 1, tasks: { totalCount: role === 'OBSERVER' ? 0 : 1, pageInfo: LAST_PAGE, edges: role === 'OBSERVER' ? [] : [{ node: TASK }] } } }),
  });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/companies/:companyId', component: CompanyWorkspace, props: true, children: [{ path: 'tasks', component: CompanyTasksPage, props: true }] }],
  });
  await router.push('/companies/co-1/tasks');
  const wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [router, [urql, shallowRef(mock.client)]] }, attachTo: document.body });
  await flushPromises();
  return { mock, wrapper };
}

describe('the company workspace, by role', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    session.set(null);
  });

  it('tells an observer the task board is not shown to their role instead of "0 of 0"', async () => {
    const { mock, wrapper } = await openTasksAs('OBSERVER');
    expect(wrapper.find('[data-testid="tasks-hidden"]').text()).toContain('이 역할에는 과제 보드가 공개되지 않습니다');
    expect(wrapper.text()).not.toContain('0개 중 0개');
    expect(wrapper.find('[data-testid="column-TODO"]').exists()).toBe(false);
    // The board is not even asked for.
    expect(mock.callsOf('CompanyTasks')).toEqual([]);
  });

  it('shows a manager the board with its cards and count', async () => {
    const { wrapper } = await openTasksAs('PROGRAM_MANAGER');
    expect(wrapper.find('[data-testid="tasks-hidden"]').exists()).toBe(false);
    expect(wrapper.find('[data-task-id="t-1"]').exists()).toBe(true);
    expect(wrapper.text()).toContain('1개 중 1개 표시');
  });

  it('shows who else is on the company page and who is editing there, not the viewer', async () => {
    const { mock, wrapper } = await openTasksAs('PROGRAM_MANAGER');
    expect(mock.callsOf('Presence')[0]?.variables).toEqual({ topic: { page: 'COMPANY', id: 'co-1' } });
    mock.emit('Presence', {
      presence: {
        people: [
          { personId: 'p-1', name: '최관찰', state: 'VIEWING' },
          { personId: 'p-2', name: '박성훈', state: 'EDITING' },
          { personId: 'p-3', name: '이수진', state: 'VIEWING' },
        ],
      },
    });
    await flushPromises();
    const people = wrapper.findAll('[data-testid="presence"] [data-person]');
    expect(people.map((person) => [person.attributes('data-person'), person.attributes('data-state')])).toEqual([
      ['p-2', 'EDITING'],
      ['p-3', 'VIEWING'],
    ]);
    expect(people[0]!.text()).toContain('박성훈');
  });

  it("shows an edit made elsewhere in its header from the live event, without reading the company again", async () => {
    session.set({ id: 'p-3', name: '이수진', nameEn: null, email: 'staff@ecohub.test', role: 'COMPANY_STAFF', locale: 'ko', company: { id: 'co-1', nameKo: COMPANY.nameKo, nameEn: null } });
    const mock = cachedMockClient({ CompanyWorkspace: () => ({ data: { liveSequence: 7, company: COMPANY } }) });
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/companies/:companyId', component: CompanyWorkspace, props: true, children: [{ path: 'overview', component: { template: '<p />' } }] }],
    });
    await router.push('/companies/co-1/overview');
    const wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [router, [urql, shallowRef(mock.client)]] }, attachTo: document.body });
    await flushPromises();
    expect(wrapper.get('[data-testid="company-name"]').text()).toBe('(주)한일도금');
    expect(mock.networkOf('CompanyChanged').map((call) => call.variables)).toEqual([{ companyId: 'co-1', since: 7 }]);

    mock.emit('CompanyChanged', { companyChanged: { seq: 8, companyId: 'co-1', company: { ...COMPANY, nameKo: '(주)한일표면처리', industryLabel: '표면처리업', version: 2 } } });
    await flushPromises();
    expect(wrapper.get('[data-testid="company-name"]').text()).toBe('(주)한일표면처리');
    expect(wrapper.text()).toContain('표면처리업');
    expect(mock.networkOf('CompanyWorkspace')).toHaveLength(1);
  });
});
