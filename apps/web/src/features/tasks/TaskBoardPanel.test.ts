import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { shallowRef } from 'vue';
import { pipe, subscribe } from 'wonka';
import { createMemoryHistory, createRouter } from 'vue-router';
import { useToasts } from '@/composables/useToasts';
import { TaskDetailDocument } from '@/graphql/generated/graphql';
import { cachedMockClient, LAST_PAGE } from '@/testing/mock-client';
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
    commentCount: 0,
    assignees: [],
    measure: null,
  };
}

/** The task page's view of a board task. */
function taskDetail(board: ReturnType<typeof task>) {
  return {
    ...board,
    description: null,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    completedAt: null,
    allowedNextStatuses: ['IN_PROGRESS'],
    company: { id: 'company-1', nameKo: '회사', nameEn: 'Company' },
    createdBy: null,
  };
}

const TASKS = [task('a', 'TODO', 'h', 4), task('b', 'TODO', 'p', 2), task('c', 'TODO', 'x'), task('d', 'IN_PROGRESS', 'i', 7)];

function setup(
  moveAnswer: () => ReturnType<Parameters<typeof cachedMockClient>[0][string]>,
  canMove: (task: { assignees: readonly { id: string }[] }) => boolean = () => true,
  tasks: ReturnType<typeof task>[] = TASKS,
) {
  const mock = cachedMockClient({
    CompanyTasks: () => ({ data: { liveSequence: 10, tasks: { totalCount: tasks.length, pageInfo: LAST_PAGE, edges: tasks.map((node) => ({ node })) } } }),
    TaskDetail: ({ id }) => ({ data: { liveSequence: 10, task: taskDetail(tasks.find((candidate) => candidate.id === id)!) } }),
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

    expect(mock.networkOf('MoveTask').map((call) => call.variables)).toEqual([
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

    expect(mock.networkOf('MoveTask').map((call) => call.variables)).toEqual([
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
    expect(mock.networkOf('MoveTask')).toEqual([]);
  });

  it('puts the card back and says why when someone else moved it first (CONFLICT)', async () => {
    const { mock, wrapper } = setup(() => ({ error: { code: 'CONFLICT' } }));
    await flushPromises();
    await wrapper.find('[data-task-id="a"]').trigger('dragstart');
    const target = wrapper.find('[data-testid="column-DONE"]');
    await target.trigger('drop', { clientY: 10_000 });
    await flushPromises();

    expect(mock.networkOf('MoveTask')).toHaveLength(1);
    expect(columnIds(wrapper, 'TODO')).toEqual(['a', 'b', 'c']);
    expect(columnIds(wrapper, 'DONE')).toEqual([]);
    expect(useToasts().toasts.value.map((toast) => toast.message)).toContain(
      '다른 사람이 이 업무를 먼저 바꿨습니다. 원래 자리로 되돌리고 최신 보드를 불러왔습니다.',
    );
    // The board reloads the server's truth.
    expect(mock.networkOf('CompanyTasks').length).toBeGreaterThan(1);
  });

  it('applies a move by someone else from its taskChanged event alone, with a highlight and no reload', async () => {
    const { mock, wrapper } = setup(() => 'pending');
    await flushPromises();
    const loads = mock.networkOf('CompanyTasks').length;
    expect(mock.networkOf('CompanyTaskChanged')[0]?.variables).toEqual({ companyId: 'company-1', since: 10 });
    mock.emit('CompanyTaskChanged', {
      taskChanged: { seq: 11, kind: 'MOVED', taskId: 'b', companyId: 'company-1', task: { ...task('b', 'DONE', 'm', 3) } },
    });
    await flushPromises();
    expect(columnIds(wrapper, 'TODO')).toEqual(['a', 'c']);
    expect(columnIds(wrapper, 'DONE')).toEqual(['b']);
    expect(wrapper.find('[data-task-id="b"]').classes()).toContain('live-changed');
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(mock.networkOf('CompanyTasks')).toHaveLength(loads);
  });

  it('applies one taskChanged payload to every query that shows the task (board and task page), with no request', async () => {
    const { mock, wrapper } = setup(() => 'pending');
    await flushPromises();
    const page: { status?: string; title?: string }[] = [];
    const { unsubscribe } = pipe(
      mock.client.query(TaskDetailDocument, { id: 'b' }),
      subscribe((result) => page.push({ status: result.data?.task?.status, title: result.data?.task?.title })),
    );
    await flushPromises();
    expect(page.at(-1)).toEqual({ status: 'TODO', title: '업무 b' });
    const requests = mock.network.length;

    mock.emit('CompanyTaskChanged', {
      taskChanged: { seq: 11, kind: 'UPDATED', taskId: 'b', companyId: 'company-1', task: { ...task('b', 'BLOCKED', 'k', 3), title: '새 제목' } },
    });
    await flushPromises();
    expect(columnIds(wrapper, 'BLOCKED')).toEqual(['b']);
    expect(wrapper.find('[data-task-id="b"]').text()).toContain('새 제목');
    expect(page.at(-1)).toEqual({ status: 'BLOCKED', title: '새 제목' });
    expect(mock.network.length).toBe(requests);
    unsubscribe();
  });

  it('ignores an event older than the version already shown (events and answers can cross)', async () => {
    const { mock, wrapper } = setup(() => 'pending');
    await flushPromises();
    // a is at version 4 in TODO; a late event of version 3 says IN_PROGRESS.
    mock.emit('CompanyTaskChanged', {
      taskChanged: { seq: 11, kind: 'MOVED', taskId: 'a', companyId: 'company-1', task: task('a', 'IN_PROGRESS', 'z', 3) },
    });
    await flushPromises();
    expect(columnIds(wrapper, 'TODO')).toEqual(['a', 'b', 'c']);
    expect(columnIds(wrapper, 'IN_PROGRESS')).toEqual(['d']);
    expect(wrapper.find('[data-task-id="a"]').text()).toContain('업무 a');
  });

  it('adds a task created by someone else to the board and takes a deleted one off, with no reload', async () => {
    const { mock, wrapper } = setup(() => 'pending');
    await flushPromises();
    const loads = mock.networkOf('CompanyTasks').length;
    mock.emit('CompanyTaskChanged', {
      taskChanged: { seq: 11, kind: 'CREATED', taskId: 'e', companyId: 'company-1', task: task('e', 'IN_PROGRESS', 'z') },
    });
    await flushPromises();
    expect(columnIds(wrapper, 'IN_PROGRESS')).toEqual(['d', 'e']);

    mock.emit('CompanyTaskChanged', { taskChanged: { seq: 12, kind: 'DELETED', taskId: 'b', companyId: 'company-1', task: null } });
    await flushPromises();
    expect(columnIds(wrapper, 'TODO')).toEqual(['a', 'c']);
    expect(mock.networkOf('CompanyTasks')).toHaveLength(loads);
  });

  it('keeps a created task off a board of another company', async () => {
    const { mock, wrapper } = setup(() => 'pending');
    await flushPromises();
    mock.emit('CompanyTaskChanged', {
      taskChanged: { seq: 11, kind: 'CREATED', taskId: 'x', companyId: 'company-2', task: task('x', 'TODO', 'z') },
    });
    await flushPromises();
    expect(columnIds(wrapper, 'TODO')).toEqual(['a', 'b', 'c']);
  });

  it('does not let people move cards they may not move (staff: only their own)', async () => {
    const { mock, wrapper } = setup(() => 'pending', () => false);
    await flushPromises();
    const card = wrapper.find('[data-task-id="a"]');
    expect(card.attributes('draggable')).toBe('false');
    await card.trigger('keydown', { key: ' ' });
    await card.trigger('keydown', { key: 'ArrowRight' });
    await card.trigger('keydown', { key: ' ' });
    expect(mock.networkOf('MoveTask')).toEqual([]);
    expect(columnIds(wrapper, 'TODO')).toEqual(['a', 'b', 'c']);
  });
});

describe('a task board longer than a page', () => {
  type Task = ReturnType<typeof task>;
  /** The company's tasks in board order (column, rank), three to a page. */
  const PAGES: { after: string | null; end: string | null; tasks: Task[] }[] = [
    { after: null, end: 'p1', tasks: [task('a', 'TODO', 'h'), task('b', 'TODO', 'p'), task('c', 'TODO', 'x')] },
    { after: 'p1', end: 'p2', tasks: [task('d', 'IN_PROGRESS', 'i'), task('e', 'IN_PROGRESS', 'm'), task('f', 'IN_REVIEW', 'h')] },
    { after: 'p2', end: null, tasks: [task('g', 'DONE', 'h'), task('h', 'DONE', 'm'), task('i', 'BLOCKED', 'q')] },
  ];

  function connection(tasks: Task[], end: string | null, total = 9) {
    return { totalCount: total, pageInfo: end ? { hasNextPage: true, endCursor: end } : LAST_PAGE, edges: tasks.map((node) => ({ node })) };
  }

  /** A page as the server gives it: `pageAfter` may answer instead (a connection, or a failure). */
  function setupPaged(options: { firstPage?: () => ReturnType<typeof connection>; pageAfter?: (after: string) => ReturnType<typeof connection> | 'fails' | undefined } = {}) {
    const byCursor = (after: string) => PAGES.find((page) => page.after === after)!;
    const mock = cachedMockClient({
      CompanyTasks: () => ({ data: { liveSequence: 10, tasks: options.firstPage?.() ?? connection(PAGES[0]!.tasks, PAGES[0]!.end) } }),
      CompanyTasksAfter: ({ after }) => {
        const answer = options.pageAfter?.(after as string) ?? connection(byCursor(after as string).tasks, byCursor(after as string).end);
        return answer === 'fails' ? { error: { code: 'INTERNAL_SERVER_ERROR' } } : { data: { tasks: answer } };
      },
      MoveTask: () => ({ error: { code: 'CONFLICT' } }),
    });
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
    const wrapper = mount(TaskBoardPanel, {
      props: { companyId: 'company-1', canAdd: true, canMove: () => true },
      global: { plugins: [router, [urql, shallowRef(mock.client)]] },
      attachTo: document.body,
    });
    return { mock, wrapper };
  }

  function board(wrapper: ReturnType<typeof mount>) {
    return Object.fromEntries(['TODO', 'IN_PROGRESS', 'IN_REVIEW', 'DONE', 'BLOCKED'].map((status) => [status, columnIds(wrapper, status)]));
  }
  /** The count each column's header shows. */
  function counts(wrapper: ReturnType<typeof mount>) {
    return Object.fromEntries(wrapper.findAll('section[data-status]').map((column) => [column.attributes('data-status'), Number(column.find('.column__header .column__count').text())]));
  }

  afterEach(() => {
    document.body.innerHTML = '';
    const toasts = useToasts();
    for (const toast of toasts.toasts.value) toasts.dismiss(toast.id);
  });

  it('follows every page, in the largest pages the server gives, and fills and counts whole columns', async () => {
    const { mock, wrapper } = setupPaged();
    await flushPromises();
    expect(board(wrapper)).toEqual({ TODO: ['a', 'b', 'c'], IN_PROGRESS: ['d', 'e'], IN_REVIEW: ['f'], DONE: ['g', 'h'], BLOCKED: ['i'] });
    expect(counts(wrapper)).toEqual({ TODO: 3, IN_PROGRESS: 2, IN_REVIEW: 1, DONE: 2, BLOCKED: 1 });
    expect(mock.networkOf('CompanyTasks').map((call) => call.variables)).toEqual([{ companyId: 'company-1', first: 200 }]);
    expect(mock.networkOf('CompanyTasksAfter').map((call) => call.variables)).toEqual([
      { companyId: 'company-1', first: 200, after: 'p1' },
      { companyId: 'company-1', first: 200, after: 'p2' },
    ]);
  });

  it('applies events to tasks of any page: one moves across columns and pages, one joins, one is archived, with no reload', async () => {
    const { mock, wrapper } = setupPaged();
    await flushPromises();
    const loads = () => [mock.networkOf('CompanyTasks').length, mock.networkOf('CompanyTasksAfter').length];
    const before = loads();
    // h is on the last page (DONE); moved to the top of TODO it belongs on the first.
    mock.emit('CompanyTaskChanged', { taskChanged: { seq: 11, kind: 'MOVED', taskId: 'h', companyId: 'company-1', task: task('h', 'TODO', 'a', 2) } });
    mock.emit('CompanyTaskChanged', { taskChanged: { seq: 12, kind: 'CREATED', taskId: 'j', companyId: 'company-1', task: task('j', 'IN_REVIEW', 'z') } });
    mock.emit('CompanyTaskChanged', { taskChanged: { seq: 13, kind: 'DELETED', taskId: 'g', companyId: 'company-1', task: null } });
    // The same removal again (as a replay after a reconnect may bring it): nothing left to take out, nothing to reload.
    mock.emit('CompanyTaskChanged', { taskChanged: { seq: 14, kind: 'DELETED', taskId: 'g', companyId: 'company-1', task: null } });
    await flushPromises();
    expect(board(wrapper)).toEqual({ TODO: ['h', 'a', 'b', 'c'], IN_PROGRESS: ['d', 'e'], IN_REVIEW: ['f', 'j'], DONE: [], BLOCKED: ['i'] });
    expect(counts(wrapper)).toEqual({ TODO: 4, IN_PROGRESS: 2, IN_REVIEW: 2, DONE: 0, BLOCKED: 1 });
    expect(loads()).toEqual(before);
  });

  it('after a refusal reloads the board, and reads the later pages again from where the new first page ends', async () => {
    let reloaded = false;
    const { mock, wrapper } = setupPaged({
      // Someone else moved c away meanwhile: the first page now ends at b, and the rest follows it.
      firstPage: () => (reloaded ? connection(PAGES[0]!.tasks.slice(0, 2), 'p1-b', 9) : connection(PAGES[0]!.tasks, 'p1')),
      pageAfter: (after) => (after === 'p1-b' ? connection([task('c', 'IN_PROGRESS', 'z', 2), ...PAGES[1]!.tasks, ...PAGES[2]!.tasks], null, 9) : undefined!),
    });
    await flushPromises();
    reloaded = true;
    await wrapper.find('[data-task-id="a"]').trigger('dragstart');
    await wrapper.find('[data-testid="column-DONE"]').trigger('drop', { clientY: 10_000 });
    await flushPromises();
    expect(board(wrapper)).toEqual({ TODO: ['a', 'b'], IN_PROGRESS: ['d', 'e', 'c'], IN_REVIEW: ['f'], DONE: ['g', 'h'], BLOCKED: ['i'] });
    expect(mock.networkOf('CompanyTasksAfter').map((call) => call.variables.after)).toContain('p1-b');
  });

  it('says so when a later page does not come, counts what the server counts, and reads the page again on retry', async () => {
    let down = true;
    const { mock, wrapper } = setupPaged({ pageAfter: (after) => (after === 'p2' && down ? 'fails' : undefined) });
    await flushPromises();
    expect(board(wrapper)).toEqual({ TODO: ['a', 'b', 'c'], IN_PROGRESS: ['d', 'e'], IN_REVIEW: ['f'], DONE: [], BLOCKED: [] });
    expect(wrapper.find('[data-testid="tasks-not-all-loaded"]').text()).toContain('일부 업무를 불러오지 못해');
    expect(wrapper.find('.task-panel__count').text()).toBe('9개 중 6개 표시');
    // Not asked again by itself: a server that fails is not hammered.
    expect(mock.networkOf('CompanyTasksAfter').filter((call) => call.variables.after === 'p2')).toHaveLength(1);

    down = false;
    await wrapper.find('[data-testid="tasks-not-all-loaded"] button').trigger('click');
    await flushPromises();
    expect(board(wrapper)).toEqual({ TODO: ['a', 'b', 'c'], IN_PROGRESS: ['d', 'e'], IN_REVIEW: ['f'], DONE: ['g', 'h'], BLOCKED: ['i'] });
    expect(wrapper.find('[data-testid="tasks-not-all-loaded"]').exists()).toBe(false);
    expect(wrapper.find('.task-panel__count').text()).toBe('9개 중 9개 표시');
  });
});
