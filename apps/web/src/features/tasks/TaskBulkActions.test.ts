import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { shallowRef } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { useToasts } from '@/composables/useToasts';
import { LAST_PAGE, mockClient } from '@/testing/mock-client';
import TaskBoardPanel from './TaskBoardPanel.vue';

function task(id: string, status: string, rank: string, version = 1, assignees: { id: string; name: string; nameEn: null }[] = []) {
  return { id, title: `업무 ${id}`, status, rank, version, priority: 'MEDIUM', dueOn: null, isOverdue: false, commentCount: 0, assignees, measure: null };
}
const LEE = { id: 'p-lee', name: '이수진', nameEn: null };
const TASKS = [task('a', 'TODO', 'h', 4), task('b', 'TODO', 'p', 2), task('c', 'TODO', 'x', 1, [LEE]), task('d', 'IN_PROGRESS', 'i', 7)];
const PEOPLE = {
  company: { id: 'company-1', staff: [{ ...LEE, role: 'COMPANY_STAFF' }], participations: [] },
};

function setup(canAdd = true) {
  const mock = mockClient({
    CompanyTasks: () => ({ data: { liveSequence: 10, tasks: { totalCount: TASKS.length, pageInfo: LAST_PAGE, edges: TASKS.map((node) => ({ node })) } } }),
    CompanyPeople: () => ({ data: PEOPLE }),
    // b was changed by someone else since the board loaded.
    MoveTask: (variables) => (variables.id === 'b' ? { error: { code: 'CONFLICT' } } : { data: { moveTask: { ...TASKS.find((t) => t.id === variables.id), status: variables.status } } }),
    UpdateTask: (variables) => {
      const input = variables.input as { id: string; dueOn: string };
      return input.id === 'a' ? { error: { code: 'CONFLICT' } } : { data: { updateTask: { ...TASKS.find((t) => t.id === input.id), dueOn: input.dueOn } } };
    },
    AssignTask: (variables) => ({ data: { assignTask: { ...TASKS.find((t) => t.id === variables.taskId), assignees: [LEE] } } }),
  });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
  const wrapper = mount(TaskBoardPanel, {
    props: { companyId: 'company-1', canAdd, canMove: () => true },
    global: { plugins: [router, [urql, shallowRef(mock.client)]] },
    attachTo: document.body,
  });
  return { mock, wrapper };
}
function toastMessages() {
  return useToasts().toasts.value.map((toast) => toast.message);
}

describe('bulk actions on the task board', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    const toasts = useToasts();
    for (const toast of toasts.toasts.value) toasts.dismiss(toast.id);
  });

  it('selects a range with shift-click and moves each card with its own version, reporting a CONFLICT per card', async () => {
    const { mock, wrapper } = setup();
    await flushPromises();
    expect(wrapper.find('[data-testid="bulk-bar"]').exists()).toBe(false);
    await wrapper.find('[data-testid="select-a"]').trigger('click');
    await wrapper.find('[data-testid="select-c"]').trigger('click', { shiftKey: true });
    expect(wrapper.find('[data-testid="bulk-bar"]').text()).toContain('3개 선택됨');

    await wrapper.find('[data-testid="bulk-move"]').setValue('IN_PROGRESS');
    await flushPromises();
    expect(mock.callsOf('MoveTask').map((call) => call.variables)).toEqual([
      { id: 'a', status: 'IN_PROGRESS', version: 4 },
      { id: 'b', status: 'IN_PROGRESS', version: 2 },
      { id: 'c', status: 'IN_PROGRESS', version: 1 },
    ]);
    expect(toastMessages()).toContain('2개 이동, 1개는 다른 사람이 먼저 변경');
    // The selection is done with, and the board reloads the server's truth.
    expect(wrapper.find('[data-testid="bulk-bar"]').exists()).toBe(false);
    expect(mock.callsOf('CompanyTasks').length).toBeGreaterThan(1);
  });

  it('sets a due date and assigns through updateTask and assignTask, skipping cards that already match', async () => {
    const { mock, wrapper } = setup();
    await flushPromises();
    await wrapper.find('[data-testid="select-a"]').trigger('click');
    await wrapper.find('[data-testid="select-d"]').trigger('click');
    await wrapper.find('[data-testid="bulk-due"]').setValue('2013-03-15');
    await wrapper.find('[data-testid="bulk-due-apply"]').trigger('submit');
    await flushPromises();
    expect(mock.callsOf('UpdateTask').map((call) => call.variables.input)).toEqual([
      { id: 'a', version: 4, dueOn: '2013-03-15' },
      { id: 'd', version: 7, dueOn: '2013-03-15' },
    ]);
    expect(toastMessages()).toContain('1개 마감일 지정, 1개는 다른 사람이 먼저 변경');

    await wrapper.find('[data-testid="select-b"]').trigger('click');
    await wrapper.find('[data-testid="select-c"]').trigger('click');
    await wrapper.find('[data-testid="bulk-assign"]').setValue('p-lee');
    await flushPromises();
    expect(mock.callsOf('AssignTask').map((call) => call.variables)).toEqual([{ taskId: 'b', personId: 'p-lee' }]);
    expect(toastMessages()).toContain('1개 담당자 지정, 1개 변경 없음');
  });

  it('offers no selection to someone who may not change the company’s tasks', async () => {
    const { wrapper } = setup(false);
    await flushPromises();
    expect(wrapper.find('[data-testid="select-a"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="select-mode"]').exists()).toBe(false);
  });
});
