import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../../testing/index.ts';
import { buildWorkWorld, UNKNOWN_ID, type WorkWorld } from '../../testing/work-world.ts';

const FIELDS = `id version title status priority dueOn rank isOverdue completedAt archivedAt allowedNextStatuses
  company { id } measure { id } assignees { id } createdBy { id }`;
const CREATE = `mutation($input: CreateTaskInput!) { createTask(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateTaskInput!) { updateTask(input: $input) { ${FIELDS} } }`;
const ASSIGN = `mutation($taskId: ID!, $personId: ID!) { assignTask(taskId: $taskId, personId: $personId) { id version assignees { id } } }`;
const UNASSIGN = `mutation($taskId: ID!, $personId: ID!) { unassignTask(taskId: $taskId, personId: $personId) { id assignees { id } } }`;
const ARCHIVE = `mutation($id: ID!, $version: Int!) { archiveTask(id: $id, version: $version) { id archivedAt } }`;
const LIST = `query($filter: TaskFilter, $first: Int, $after: String) {
  tasks(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title status rank } } } }`;
const MINE = `query($filter: TaskFilter) { myTasks(filter: $filter) { totalCount edges { node { id } } } }`;
const CREATE_MEASURE = `mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id tasksCount } }`;

type TaskData = { id: string; version: number; rank: string; status: string; assignees: { id: string }[]; [key: string]: unknown };

describe('tasks over HTTP', () => {
  let hub: TestServer;
  let w: WorkWorld;
  let measureId: string;

  const create = async (extra: Record<string, unknown> = {}, client: keyof WorkWorld['as'] = 'expert') =>
    (await w.as[client].data<{ createTask: TaskData }>(CREATE, { input: { companyId: w.company.id, title: '폐수 시료 채취', ...extra } })).createTask;
  const titles = async (filter: Record<string, unknown>, client: keyof WorkWorld['as'] = 'manager') =>
    (await w.as[client].data<{ tasks: { edges: { node: { title: string } }[] } }>(LIST, { filter, first: 200 })).tasks.edges.map((e) => e.node.title);

  beforeAll(async () => {
    hub = await startTestServer({ seeded: false });
    w = await buildWorkWorld(hub);
    const { createMeasure } = await w.as.expert.data<{ createMeasure: { id: string } }>(CREATE_MEASURE, {
      input: { companyId: w.company.id, programYearId: w.year.id, category: 'ON_SITE_REUSE', title: '세척수 재이용' },
    });
    measureId = createMeasure.id;
  });
  afterAll(() => hub.close());

  describe('createTask', () => {
    it('puts the card at the end of its column, notifies the assignees and publishes task.created', async () => {
      const first = await create({ title: '첫 카드' });
      const second = await create({
        title: '둘째 카드',
        measureId,
        priority: 'HIGH',
        dueOn: '2013-01-15',
        assigneeIds: [w.people.staff.id, w.people.expert.id],
      });
      expect(second.rank > first.rank).toBe(true);
      expect(second).toMatchObject({
        status: 'TODO',
        priority: 'HIGH',
        isOverdue: true,
        measure: { id: measureId },
        createdBy: { id: w.people.expert.id },
        company: { id: w.company.id },
      });
      expect(second.assignees.map((a) => a.id).sort()).toEqual([w.people.staff.id, w.people.expert.id].sort());
      // The creator assigned themselves: only the staff member is notified.
      const notes = await w.fx.rows(`select recipient_id, kind, actor_id from notification where task_id = ?`, [second.id]);
      expect(notes).toEqual([{ recipient_id: w.people.staff.id, kind: 'ASSIGNMENT', actor_id: w.people.expert.id }]);
      const events = await w.fx.rows(`select type, task_id, company_id, program_year_id, recipient_id from outbox_event where task_id = ? order by seq`, [
        second.id,
      ]);
      expect(events).toEqual([
        { type: 'task.created', task_id: second.id, company_id: w.company.id, program_year_id: w.year.id, recipient_id: null },
        { type: 'notification.added', task_id: second.id, company_id: w.company.id, program_year_id: null, recipient_id: w.people.staff.id },
      ]);
      const { measure } = await w.as.expert.data<{ measure: { tasksCount: number } }>(`query($id: ID!) { measure(id: $id) { tasksCount } }`, { id: measureId });
      expect(measure.tasksCount).toBe(1);
    });

    it('creates once for a repeated idempotency key', async () => {
      const first = await create({ idempotencyKey: 'task-key-1' });
      expect((await create({ idempotencyKey: 'task-key-1' })).id).toBe(first.id);
    });

    it('rejects bad input: empty title, bad date, a measure or assignee of another company', async () => {
      expect(await w.as.expert.errorCode(CREATE, { input: { companyId: w.company.id, title: '' } })).toBe('BAD_USER_INPUT');
      expect(await w.as.expert.errorCode(CREATE, { input: { companyId: w.company.id, title: 'x', dueOn: '2013-02-30' } })).toBe('BAD_USER_INPUT');
      expect(await w.as.manager.errorCode(CREATE, { input: { companyId: w.otherCompany.id, title: 'x', measureId } })).toBe('BAD_USER_INPUT');
      const error = await w.as.expert.error(CREATE, { input: { companyId: w.company.id, title: 'x', assigneeIds: [w.people.otherStaff.id] } });
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(await w.as.expert.errorCode(CREATE, { input: { companyId: w.company.id, title: 'x', assigneeIds: [w.people.manager.id] } })).toBe('BAD_USER_INPUT');
    });

    it('answers unknown companies and other tenants with NOT_FOUND, staff with FORBIDDEN', async () => {
      expect(await w.as.manager.errorCode(CREATE, { input: { companyId: UNKNOWN_ID, title: 'x' } })).toBe('NOT_FOUND');
      expect(await w.as.otherExpert.errorCode(CREATE, { input: { companyId: w.company.id, title: 'x' } })).toBe('NOT_FOUND');
      expect(await w.as.staff.errorCode(CREATE, { input: { companyId: w.company.id, title: 'x' } })).toBe('FORBIDDEN');
      expect(await new TestClient(hub.url).errorCode(CREATE, { input: { companyId: w.company.id, title: 'x' } })).toBe('UNAUTHENTICATED');
    });
  });

  describe('updateTask', () => {
    it('changes what is given, clears with null and bumps the version', async () => {
      const task = await create({ measureId, dueOn: '2013-05-01' });
      const { updateTask } = await w.as.expert.data<{ updateTask: TaskData }>(UPDATE, {
        input: { id: task.id, version: task.version, title: '시료 채취 (2회)', dueOn: null, measureId: null, priority: 'URGENT' },
      });
      expect(updateTask).toMatchObject({ version: 2, title: '시료 채취 (2회)', dueOn: null, measure: null, priority: 'URGENT', isOverdue: false });
    });

    it('rejects a stale version with CONFLICT and the current version', async () => {
      const task = await create();
      await w.as.expert.data(UPDATE, { input: { id: task.id, version: 1, title: 'a' } });
      const error = await w.as.manager.error(UPDATE, { input: { id: task.id, version: 1, title: 'b' } });
      expect(error).toMatchObject({ code: 'CONFLICT', extensions: { currentVersion: 2 } });
    });

    it('rejects bad input, unknown ids, other tenants and staff', async () => {
      const task = await create();
      expect(await w.as.expert.errorCode(UPDATE, { input: { id: task.id, version: 1, title: null } })).toBe('BAD_USER_INPUT');
      expect(await w.as.expert.errorCode(UPDATE, { input: { id: UNKNOWN_ID, version: 1, title: 'x' } })).toBe('NOT_FOUND');
      expect(await w.as.otherExpert.errorCode(UPDATE, { input: { id: task.id, version: 1, title: 'x' } })).toBe('NOT_FOUND');
      expect(await w.as.otherStaff.errorCode(UPDATE, { input: { id: task.id, version: 1, title: 'x' } })).toBe('NOT_FOUND');
      expect(await w.as.staff.errorCode(UPDATE, { input: { id: task.id, version: 1, title: 'x' } })).toBe('FORBIDDEN');
    });
  });

  describe('assignTask and unassignTask', () => {
    it('adds an assignee once, notifies them once, and removes them', async () => {
      const task = await create();
      await w.as.expert.data(ASSIGN, { taskId: task.id, personId: w.people.staff.id });
      const { assignTask } = await w.as.expert.data<{ assignTask: TaskData }>(ASSIGN, { taskId: task.id, personId: w.people.staff.id });
      expect(assignTask.assignees).toEqual([{ id: w.people.staff.id }]);
      const notes = await w.fx.rows(`select kind from notification where task_id = ? and recipient_id = ?`, [task.id, w.people.staff.id]);
      expect(notes).toEqual([{ kind: 'ASSIGNMENT' }]);
      const { unassignTask } = await w.as.expert.data<{ unassignTask: TaskData }>(UNASSIGN, { taskId: task.id, personId: w.people.staff.id });
      expect(unassignTask.assignees).toEqual([]);
    });

    it('rejects people who may not see the company, unknown tasks and staff', async () => {
      const task = await create();
      expect(await w.as.expert.errorCode(ASSIGN, { taskId: task.id, personId: w.people.otherExpert.id })).toBe('BAD_USER_INPUT');
      expect(await w.as.expert.errorCode(ASSIGN, { taskId: task.id, personId: UNKNOWN_ID })).toBe('BAD_USER_INPUT');
      expect(await w.as.expert.errorCode(ASSIGN, { taskId: UNKNOWN_ID, personId: w.people.staff.id })).toBe('NOT_FOUND');
      expect(await w.as.staff.errorCode(ASSIGN, { taskId: task.id, personId: w.people.staff.id })).toBe('FORBIDDEN');
    });
  });

  describe('archiveTask', () => {
    it('removes the card from lists and publishes task.deleted', async () => {
      const task = await create({ title: '보관할 카드' });
      await w.as.expert.data(ARCHIVE, { id: task.id, version: 1 });
      expect(await titles({ search: '보관할' })).toEqual([]);
      const [event] = await w.fx.rows(`select type from outbox_event where task_id = ? order by seq desc limit 1`, [task.id]);
      expect(event).toEqual({ type: 'task.deleted' });
      expect(await w.as.expert.errorCode(ARCHIVE, { id: task.id, version: 2 })).toBe('BAD_USER_INPUT');
      expect(await w.as.expert.errorCode(ARCHIVE, { id: UNKNOWN_ID, version: 1 })).toBe('NOT_FOUND');
    });
  });

  describe('tasks, myTasks and task', () => {
    beforeAll(async () => {
      await create({ title: '필터: 지난 마감', dueOn: '2000-01-01', assigneeIds: [w.people.staff.id] });
      await create({ title: '필터: 먼 마감', dueOn: '2999-01-01', status: 'IN_REVIEW' });
      await create({ title: '필터: 끝난 일', dueOn: '2000-01-01', status: 'DONE' });
      await w.as.otherExpert.data(CREATE, { input: { companyId: w.otherCompany.id, title: '필터: 다른 회사' } });
    });

    it('filters by status, assignee, due date, overdue and title', async () => {
      expect(await titles({ search: '필터', status: 'IN_REVIEW' })).toEqual(['필터: 먼 마감']);
      expect(await titles({ search: '필터', assigneeId: w.people.staff.id })).toEqual(['필터: 지난 마감']);
      expect((await titles({ search: '필터', dueBefore: '2001-01-01' })).sort()).toEqual(['필터: 끝난 일', '필터: 지난 마감']);
      expect(await titles({ search: '필터', overdue: true })).toEqual(['필터: 지난 마감']);
      expect(await titles({ search: '필터', companyId: w.otherCompany.id })).toEqual(['필터: 다른 회사']);
      expect(await w.as.manager.errorCode(LIST, { filter: { assigneeId: 'x' } })).toBe('BAD_USER_INPUT');
    });

    it('lists in board order: column by column, rank within', async () => {
      const { tasks } = await w.as.manager.data<{ tasks: { edges: { node: { status: string; rank: string } }[] } }>(LIST, {
        filter: { companyId: w.company.id },
        first: 200,
      });
      const order = ['TODO', 'IN_PROGRESS', 'IN_REVIEW', 'DONE', 'BLOCKED'];
      const keys = tasks.edges.map((e) => `${order.indexOf(e.node.status)}:${e.node.rank}`);
      expect(keys).toEqual([...keys].sort());
    });

    it("keeps each viewer in their own companies; observers and anonymous see no tasks", async () => {
      expect(await titles({ search: '필터' }, 'staff')).not.toContain('필터: 다른 회사');
      expect(await titles({ search: '필터' }, 'otherExpert')).toEqual(['필터: 다른 회사']);
      expect(await titles({ search: '필터', companyId: w.otherCompany.id }, 'staff')).toEqual([]);
      expect(await titles({}, 'observer')).toEqual([]);
      const one = (await create()).id;
      expect(await w.as.otherStaff.errorCode(`query($id: ID!) { task(id: $id) { id } }`, { id: one })).toBe('NOT_FOUND');
      expect(await w.as.manager.errorCode(`query($id: ID!) { task(id: $id) { id } }`, { id: 'x' })).toBe('NOT_FOUND');
    });

    it("myTasks lists the viewer's assigned cards", async () => {
      const mine = await w.as.staff.data<{ myTasks: { totalCount: number } }>(MINE, { filter: { search: '필터' } });
      expect(mine.myTasks.totalCount).toBe(1);
      expect(await new TestClient(hub.url).errorCode(MINE)).toBe('UNAUTHENTICATED');
    });

    it('pages in board order without gaps or repeats', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let total: number;
      do {
        const page: { tasks: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string } }[] } } =
          await w.as.manager.data(LIST, { first: 3, after });
        total = page.tasks.totalCount;
        seen.push(...page.tasks.edges.map((e) => e.node.id));
        after = page.tasks.pageInfo.hasNextPage ? page.tasks.pageInfo.endCursor : null;
      } while (after);
      expect(seen.length).toBe(total);
      expect(new Set(seen).size).toBe(total);
      expect(await w.as.manager.errorCode(LIST, { after: 'garbage' })).toBe('BAD_USER_INPUT');
    });
  });
});
