import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { shallowRef } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { useToasts } from '@/composables/useToasts';
import { mockClient } from '@/testing/mock-client';
import TaskBoardPanel from './TaskBoardPanel.vue';

function task(id: string, status: string, rank: string, version = 1, dueOn: string | null = null, asOfOn: string | null = null) {
  return {
    id,
    title: `업무 ${id}`,
    status,
    rank,
    version,
    priority: 'MEDIUM',
    dueOn,
    asOfOn,
    isOverdue: false,
    assignees: [],
    measure: null,
  };
}

const TASKS = [task('a', 'TODO', 'h', 4), task('b', 'TODO', 'p', 2), task('c', 'TODO', 'x'), task('d', 'IN_PROGRESS', 'i', 7)];

function setup(
  moveAnswer: () => ReturnType<Parameters<typeof mockClient>[0][string]>,
  canMove: (task: { assignees: readonly { id: string }[] }) => boolean = () => true,
  tasks: ReturnType<typeof task>[] = TASKS,
) {
  const mock = mockClient({
    CompanyTasks: () => ({ data: { liveSequence: 10, tasks: { totalCount: tasks.length, edges: tasks.map((node) => ({ node })) } } }),
    MoveTask: moveAnswer,
  });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
  const wrapper = mount(TaskBoardPanel, {
    props: { companyId: 'company-1', canAdd: true, canMove },
    global: { plugins: [router, [urql, shallowRef(mock.client)]] },
    attachTo: document.body,
  });
  return { mock, wrapper };
}

function columnIds(wrapper: ReturnType<typeof mount>, status: string): string[] {
  return wrapper.find(`[data-testid="column-${status}"]`).findAll('[data-task-id]').map((card) => card.attributes('data-task-id') as string);
}

describe('the task board', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    const toasts = useToasts();
    for (const toast of toasts.toasts.value) toasts.dismiss(toast.id);
  });

  it('reads the due marks of a board recorded for a past year on its own day, and says which day', async () => {
    // Recorded as of 2013-07-19: due on the 10th is late then; due on the 25th is not, though the real date is long past.
    const recorded = [task('late', 'IN_PROGRESS', 'h', 1, '2013-07-10', '2013-07-19'), task('coming', 'TODO', 'h', 1, '2013-07-25', '2013-07-19')];
    const { wrapper } = setup(() => 'pending', () => true, recorded);
    await flushPromises();
    expect(wrapper.find('[data-task-id="late"]').classes()).toContain('task-card--overdue');
    expect(wrapper.find('[data-task-id="coming"]').classes()).not.toContain('task-card--overdue');
    expect(wrapper.find('.task-panel__as-of').text()).toContain('2013');
    expect(wrapper.find('.task-panel__as-of').text()).toContain('기준');

    const dueFilter = wrapper.findAll('select').find((select) => select.findAll('option').some((option) => option.element.value === 'overdue'));
    await dueFilter!.setValue('overdue');
    expect([...columnIds(wrapper, 'TODO'), ...columnIds(wrapper, 'IN_PROGRESS')]).toEqual(['late']);
  });

  it('drops a card dragged with the mouse between its new neighbours, with the version it was moved from', async () => {
    const { mock, wrapper } = setup(() => 'pending');
    await flushPromises();
    expect(columnIds(wrapper, 'TODO')).toEqual(['a', 'b', 'c']);

    await wrapper.find('[data-task-id="a"]').trigger('dragstart');
    const target = wrapper.find('[data-testid="column-IN_PROGRESS"]');
    await target.trigger('dragover', { clientY: 10_000 });
    await target.trigger('drop', { clientY: 10_000 });
    await flushPromises();

    expect(mock.callsOf('MoveTask').map((call) => call.variables)).toEqual([
      { id: 'a', status: 'IN_PROGRESS', afterId: 'd', beforeId: null, version: 4 },
    ]);
    // Optimistic: the card is in its new place before the server answers.
    expect(columnIds(wrapper, 'TODO')).toEqual(['b', 'c']);
    expect(columnIds(wrapper, 'IN_PROGRESS')).toEqual(['d', 'a']);
  });

  it('moves a card with the keyboard: Space picks up, arrows move, Space drops, and each step is announced', async () => {
    const { mock, wrapper } = setup(() => 'pending');
    await flushPromises();
    const card = wrapper.find('[data-task-id="c"]');
    await card.trigger('keydown', { key: ' ' });
    await flushPromises();
    expect(wrapper.find('[data-testid="board-announcer"]').text()).toContain('업무 c 업무를 집었습니다');
    await wrapper.find('[data-task-id="c"]').trigger('keydown', { key: 'ArrowUp' });
    await wrapper.find('[data-task-id="c"]').trigger('keydown', { key: 'ArrowUp' });
    // While held, the board previews where the card would land.
    expect(columnIds(wrapper, 'TODO')).toEqual(['c', 'a', 'b']);
    await wrapper.find('[data-task-id="c"]').trigger('keydown', { key: ' ' });
    await flushPromises();

    expect(mock.callsOf('MoveTask').map((call) => call.variables)).toEqual([
      { id: 'c', status: 'TODO', afterId: null, beforeId: 'a', version: 1 },
    ]);
    expect(wrapper.find('[data-testid="board-announcer"]').text()).toContain('내려놓았습니다');
  });

  it('moves across columns with the arrow keys and Escape puts the card back', async () => {
    const { mock, wrapper } = setup(() => 'pending');
    await flushPromises();
    await wrapper.find('[data-task-id="b"]').trigger('keydown', { key: ' ' });
    await wrapper.find('[data-task-id="b"]').trigger('keydown', { key: 'ArrowRight' });
    expect(columnIds(wrapper, 'IN_PROGRESS')).toEqual(['d', 'b']);
    await wrapper.find('[data-task-id="b"]').trigger('keydown', { key: 'Escape' });
    expect(columnIds(wrapper, 'TODO')).toEqual(['a', 'b', 'c']);
    expect(mock.callsOf('MoveTask')).toEqual([]);
  });

  it('puts the card back and says why when someone else moved it first (CONFLICT)', async () => {
    const { mock, wrapper } = setup(() => ({ error: { code: 'CONFLICT' } }));
    await flushPromises();
    await wrapper.find('[data-task-id="a"]').trigger('dragstart');
    const target = wrapper.find('[data-testid="column-DONE"]');
    await target.trigger('drop', { clientY: 10_000 });
    await flushPromises();

    expect(mock.callsOf('MoveTask')).toHaveLength(1);
    expect(columnIds(wrapper, 'TODO')).toEqual(['a', 'b', 'c']);
    expect(columnIds(wrapper, 'DONE')).toEqual([]);
    expect(useToasts().toasts.value.map((toast) => toast.message)).toContain(
      '다른 사람이 이 업무를 먼저 바꿨습니다. 원래 자리로 되돌리고 최신 보드를 불러왔습니다.',
    );
    // The board reloads the server's truth.
    expect(mock.callsOf('CompanyTasks').length).toBeGreaterThan(1);
  });

  it('applies a move by someone else from its taskChanged event alone, with a highlight and no reload', async () => {
    const { mock, wrapper } = setup(() => 'pending');
    await flushPromises();
    const loads = mock.callsOf('CompanyTasks').length;
    expect(mock.callsOf('CompanyTaskChanged')[0]?.variables).toEqual({ companyId: 'company-1', since: 10 });
    mock.emit('CompanyTaskChanged', {
      taskChanged: { seq: 11, kind: 'MOVED', taskId: 'b', companyId: 'company-1', task: { ...task('b', 'DONE', 'm', 3) } },
    });
    await flushPromises();
    expect(columnIds(wrapper, 'TODO')).toEqual(['a', 'c']);
    expect(columnIds(wrapper, 'DONE')).toEqual(['b']);
    expect(wrapper.find('[data-task-id="b"]').classes()).toContain('live-changed');
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(mock.callsOf('CompanyTasks')).toHaveLength(loads);
  });

  it('does not let people move cards they may not move (staff: only their own)', async () => {
    const { mock, wrapper } = setup(() => 'pending', () => false);
    await flushPromises();
    const card = wrapper.find('[data-task-id="a"]');
    expect(card.attributes('draggable')).toBe('false');
    await card.trigger('keydown', { key: ' ' });
    await card.trigger('keydown', { key: 'ArrowRight' });
    await card.trigger('keydown', { key: ' ' });
    expect(mock.callsOf('MoveTask')).toEqual([]);
    expect(columnIds(wrapper, 'TODO')).toEqual(['a', 'b', 'c']);
  });
});
