import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveClient } from '../../testing/live-client.ts';
import { startTestServer, TestClient, type TestServer } from '../../testing/index.ts';
import { EventType } from '../../core/realtime/event-types.ts';
import { publish, subscribed, until } from './live.test-kit.ts';

/** Subscriptions fed by the real mutations of the other modules. */

const ADMIN = 'admin@ecohub.kr';
const STAFF = 'staff@hanilplating.co.kr';

const COMMENT_CHANGED = `subscription($taskId: ID!, $since: SafeInt) {
  commentChanged(taskId: $taskId, since: $since) { seq kind commentId taskId comment { id body visibility } }
}`;
type CommentEvent = { seq: number; kind: string; commentId: string; comment: { id: string; body: string | null; visibility: string } | null };
const ADD_COMMENT = `mutation($input: AddCommentInput!) { addComment(input: $input) { id body } }`;

const TASK_CHANGED = `subscription($programYearId: ID, $since: SafeInt) {
  taskChanged(programYearId: $programYearId, since: $since) { seq kind taskId companyId task { id status version } }
}`;
type TaskEvent = { seq: number; kind: string; taskId: string; task: { id: string; status: string; version: number } | null };
const MOVE_TASK = `mutation($id: ID!, $status: TaskStatus!, $version: Int!) { moveTask(id: $id, status: $status, version: $version) { id status version } }`;

const BOARD_ROW_CHANGED = `subscription($programYearId: ID!, $since: SafeInt) {
  boardRowChanged(programYearId: $programYearId, since: $since) {
    seq companyId row { stage taskCounts { todo inProgress done total } company { id } }
    totals { ...Totals } byCategory { category implemented investmentKrw }
  }
}
fragment Totals on KpiTotals { companies implemented implementationRate investmentKrw expectedAnnualSavingsKrw ghgReductionTco2e measureCounts { total dropped } }`;
type BoardEvent = {
  seq: number;
  companyId: string;
  row: { taskCounts: { done: number; total: number }; company: { id: string } } | null;
  totals: Record<string, unknown>;
  byCategory: Record<string, unknown>[];
};
const YEAR_KPIS = `query($id: ID!) { programYear(id: $id) { kpis { totals { ...Totals } byCategory { category implemented investmentKrw } } } }
fragment Totals on KpiTotals { companies implemented implementationRate investmentKrw expectedAnnualSavingsKrw ghgReductionTco2e measureCounts { total dropped } }`;

const MEASURE_CHANGED = `subscription($companyId: ID, $since: SafeInt) {
  measureChanged(companyId: $companyId, since: $since) { seq kind measure { id company { id contactPhone } } }
}`;
type MeasureEvent = { seq: number; measure: { id: string; company: { contactPhone: string | null } } | null };

const NOTIFICATION_ADDED = `subscription($since: SafeInt) { notificationAdded(since: $since) { seq notification { id kind task { id } comment { id } } } }`;
type NotificationEvent = { seq: number; notification: { id: string; kind: string; task: { id: string } | null; comment: { id: string } | null } };

describe('live subscriptions fed by mutations', () => {
  let hub: TestServer;
  let admin: TestClient;
  let staff: TestClient;
  let staffPersonId: string;
  let programYearId: string;
  /** A task of the staff member's company. */
  let task: { id: string; company_id: string; status: string; version: number };
  const clients: LiveClient[] = [];

  function live(http: TestClient): LiveClient {
    const client = new LiveClient(hub.url, { cookie: http.cookie, retry: false });
    clients.push(client);
    return client;
  }

  async function subscribe<T extends { seq: number }>(http: TestClient, query: string, variables: Record<string, unknown>) {
    const before = hub.server.services.realtime.subscriptions;
    const subscription = live(http).subscribe<T>(query, variables);
    await subscribed(hub.server, before + 1);
    return subscription;
  }

  beforeAll(async () => {
    hub = await startTestServer();
    admin = await new TestClient(hub.url).signInAs(ADMIN);
    staff = await new TestClient(hub.url).signInAs(STAFF);
    const em = hub.server.orm.em.fork();
    const [person] = await em.execute<{ id: string; company_id: string }[]>('select id, company_id from person where email = ?', [STAFF]);
    staffPersonId = person!.id;
    const [row] = await em.execute<{ id: string; company_id: string; status: string; version: number; program_year_id: string }[]>(
      `select t.id, t.company_id, t.status, t.version, p.program_year_id
         from task t join participation p on p.company_id = t.company_id
        where t.company_id = ? and t.archived_at is null and t.status = 'TODO' order by t.id limit 1`,
      [person!.company_id],
    );
    task = row!;
    programYearId = row!.program_year_id;
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await hub.close();
  });

  it('creates one comment for an addComment sent twice with one idempotency key, and publishes it once', async () => {
    const comments = await subscribe<CommentEvent>(admin, COMMENT_CHANGED, { taskId: task.id });
    const input = { taskId: task.id, body: 'sent twice', idempotencyKey: 'live-idempotent-1' };
    const [first, second] = await Promise.all([admin.data(ADD_COMMENT, { input }), admin.data(ADD_COMMENT, { input })]);
    const third = await admin.data<{ addComment: { id: string } }>(ADD_COMMENT, { input });
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    const [count] = await hub.server.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from comment where task_id = ? and body = ?', [task.id, 'sent twice']);
    expect(Number(count?.n)).toBe(1);

    await admin.data(ADD_COMMENT, { input: { taskId: task.id, body: 'after the retries' } });
    const events = await comments.until((received) => received.length === 2);
    expect(events.map((event) => event.comment?.body)).toEqual(['sent twice', 'after the retries']);
    expect(events[0]?.commentId).toBe(third.addComment.id);
  });

  it('publishes nothing for a mutation that fails', async () => {
    const comments = await subscribe<CommentEvent>(admin, COMMENT_CHANGED, { taskId: task.id });
    expect(await admin.errorCode(ADD_COMMENT, { input: { taskId: task.id, body: '' } })).toBe('BAD_USER_INPUT');
    expect(await admin.errorCode(MOVE_TASK, { id: task.id, status: 'IN_PROGRESS', version: task.version + 100 })).toBe('CONFLICT');
    await admin.data(ADD_COMMENT, { input: { taskId: task.id, body: 'the only event' } });
    const [event] = await comments.until((received) => received.length >= 1);
    expect(event?.comment?.body).toBe('the only event');
    await hub.server.services.realtime.dispatcher.caughtUp();
    expect(comments.events).toHaveLength(1);
  });

  it('never sends company staff an internal comment, and sends them shared ones', async () => {
    const staffComments = await subscribe<CommentEvent>(staff, COMMENT_CHANGED, { taskId: task.id });
    const adminComments = await subscribe<CommentEvent>(admin, COMMENT_CHANGED, { taskId: task.id });
    await admin.data(ADD_COMMENT, { input: { taskId: task.id, body: 'experts only', visibility: 'INTERNAL' } });
    await admin.data(ADD_COMMENT, { input: { taskId: task.id, body: 'for everyone', visibility: 'SHARED' } });
    await adminComments.until((received) => received.length === 2);
    const seen = await staffComments.until((received) => received.length === 1);
    expect(seen.map((event) => event.comment?.body)).toEqual(['for everyone']);
  });

  it('streams task moves of a program year and the recomputed board row of the company', async () => {
    const tasks = await subscribe<TaskEvent>(admin, TASK_CHANGED, { programYearId });
    const board = await subscribe<BoardEvent>(admin, BOARD_ROW_CHANGED, { programYearId });
    const before = (await admin.data<{ programYear: { board: { company: { id: string }; taskCounts: { done: number } }[] } }>(
      'query($id: ID!) { programYear(id: $id) { board { company { id } taskCounts { done } } } }',
      { id: programYearId },
    )).programYear.board.find((row) => row.company.id === task.company_id);

    const moved = await admin.data<{ moveTask: { version: number } }>(MOVE_TASK, { id: task.id, status: 'IN_PROGRESS', version: task.version });
    await admin.data(MOVE_TASK, { id: task.id, status: 'DONE', version: moved.moveTask.version });

    const taskEvents = await tasks.until((received) => received.length === 2);
    expect(taskEvents.map((event) => [event.kind, event.taskId])).toEqual([
      ['MOVED', task.id],
      ['MOVED', task.id],
    ]);
    // The task is loaded when the event is delivered: both show it as it is now.
    expect(taskEvents[1]?.task?.status).toBe('DONE');

    const rows = await board.until((received) => received.length === 2);
    expect(rows.every((event) => event.companyId === task.company_id && event.row?.company.id === task.company_id)).toBe(true);
    expect(rows[1]?.row?.taskCounts.done).toBe((before?.taskCounts.done ?? 0) + 1);
  });

  it("sends the year's totals with each board row, equal to what the KPI query answers after the change", async () => {
    const board = await subscribe<BoardEvent>(admin, BOARD_ROW_CHANGED, { programYearId });
    const [measure] = await hub.server.orm.em
      .fork()
      .execute<{ id: string; version: number; status: string }[]>(
        `select id, version, status from measure where company_id = ? and archived_at is null and status = 'PROPOSED' order by id limit 1`,
        [task.company_id],
      );
    expect(measure).toBeTruthy();
    await admin.data('mutation($input: UpdateMeasureInput!) { updateMeasure(input: $input) { id } }', {
      input: { id: measure!.id, version: measure!.version, investmentKrw: 123_456_789 },
    });
    const [event] = await board.until((received) => received.length === 1);
    const { kpis } = (await admin.data<{ programYear: { kpis: { totals: unknown; byCategory: unknown } } }>(YEAR_KPIS, { id: programYearId })).programYear;
    expect(event?.totals).toEqual(kpis.totals);
    expect(event?.byCategory).toEqual(kpis.byCategory);
  });

  it('sends each board row with its identity, a newer version and its figures per category, exactly as a fresh board read after the change', async () => {
    const ROW = `id version stage investmentKrw reportedAnnualSavingsKrw implementedExpectedAnnualSavingsKrw implementationRateBySavings
      measureCounts { total dropped } byCategory { category investmentKrw expectedAnnualSavingsKrw implementedExpectedAnnualSavingsKrw ghgReductionTco2e measureCounts { total } }`;
    type FullRow = { id: string; version: number; byCategory: { category: string; investmentKrw: number }[] };
    const board = await subscribe<{ seq: number; row: FullRow | null }>(
      admin,
      `subscription($programYearId: ID!, $since: SafeInt) { boardRowChanged(programYearId: $programYearId, since: $since) { seq row { ${ROW} company { id } } } }`,
      { programYearId },
    );
    const read = async () =>
      (await admin.data<{ programYear: { board: (FullRow & { company: { id: string } })[] } }>(`query($id: ID!) { programYear(id: $id) { board { ${ROW} company { id } } } }`, {
        id: programYearId,
      })).programYear.board.find((row) => row.company.id === task.company_id);
    const before = await read();
    const [measure] = await hub.server.orm.em
      .fork()
      .execute<{ id: string; version: number; category: string }[]>(
        `select id, version, category from measure where company_id = ? and archived_at is null and status <> 'DROPPED' order by id limit 1`,
        [task.company_id],
      );
    await admin.data('mutation($input: UpdateMeasureInput!) { updateMeasure(input: $input) { id } }', {
      input: { id: measure!.id, version: measure!.version, investmentKrw: 98_765_432 },
    });
    const [event] = await board.until((received) => received.length === 1);
    const after = await read();
    expect(event?.row).toEqual(after);
    expect(after?.id).toBe(before?.id);
    expect(after!.version).toBeGreaterThan(before!.version);
    expect(after!.version).toBeGreaterThanOrEqual(event!.seq);
    expect(after!.byCategory.find((figures) => figures.category === measure!.category)?.investmentKrw).toBeGreaterThanOrEqual(98_765_432);
  });

  it("sends the year's budget to every board, observers included, when a manager records spending", async () => {
    const observer = await new TestClient(hub.url).signInAs('observer@ansan.go.kr');
    const budgetQuery = 'query($id: ID!) { programYear(id: $id) { kpis { budget { source plannedKrw spentKrw spentRate } } } }';
    const BOARD_BUDGET = `subscription($programYearId: ID!, $since: SafeInt) {
      boardRowChanged(programYearId: $programYearId, since: $since) { seq companyId row { stage } budget { source plannedKrw spentKrw spentRate } }
    }`;
    type BudgetEvent = { seq: number; companyId: string | null; row: unknown; budget: { source: string; plannedKrw: number; spentKrw: number }[] };
    const boards = [await subscribe<BudgetEvent>(admin, BOARD_BUDGET, { programYearId }), await subscribe<BudgetEvent>(observer, BOARD_BUDGET, { programYearId })];
    const [line] = await hub.server.orm.em
      .fork()
      .execute<{ source: string; planned_krw: string; spent_krw: string; version: number }[]>(
        'select source, planned_krw, spent_krw, version from budget_line where program_year_id = ? order by source limit 1',
        [programYearId],
      );
    expect(line).toBeTruthy();
    const spentKrw = Number(line!.spent_krw) + 7_000_000;
    await admin.data('mutation($input: SetBudgetLineInput!) { setBudgetLine(input: $input) { id } }', {
      input: { programYearId, source: line!.source, plannedKrw: Number(line!.planned_krw), spentKrw, version: line!.version },
    });
    const { budget } = (await admin.data<{ programYear: { kpis: { budget: unknown } } }>(budgetQuery, { id: programYearId })).programYear.kpis;
    for (const board of boards) {
      const [event] = await board.until((received) => received.length === 1);
      expect(event).toMatchObject({ companyId: null, row: null });
      expect(event?.budget).toEqual(budget);
      expect(event?.budget.find((kpi) => kpi.source === line!.source)?.spentKrw).toBe(spentKrw);
    }
  });

  it('sends a notification to the person mentioned, and to nobody else', async () => {
    const mine = await subscribe<NotificationEvent>(staff, NOTIFICATION_ADDED, {});
    const admins = await subscribe<NotificationEvent>(admin, NOTIFICATION_ADDED, {});
    const added = await admin.data<{ addComment: { id: string } }>(ADD_COMMENT, {
      input: { taskId: task.id, body: `@[이수진](person:${staffPersonId}) please check the meter readings` },
    });
    const [event] = await mine.until((received) => received.length === 1);
    expect(event?.notification).toMatchObject({ kind: 'MENTION', task: { id: task.id }, comment: { id: added.addComment.id } });
    await hub.server.services.realtime.dispatcher.caughtUp();
    expect(admins.events).toHaveLength(0);
  });

  it('renders every event in a fresh context: each task event carries the comment count of its moment', async () => {
    const TASK_COUNT = `subscription($companyId: ID) { taskChanged(companyId: $companyId) { seq task { id version commentCount } } }`;
    type CountEvent = { seq: number; task: { id: string; version: number; commentCount: number } | null };
    const UPDATE_TASK = `mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id version } }`;
    const tasks = await subscribe<CountEvent>(admin, TASK_COUNT, { companyId: task.company_id });
    const current = async () =>
      (await admin.data<{ task: { version: number; commentCount: number } }>('query($id: ID!) { task(id: $id) { version commentCount } }', { id: task.id })).task;
    const expected: number[] = [];
    for (let i = 0; i < 3; i++) {
      await admin.data(ADD_COMMENT, { input: { taskId: task.id, body: `count ${i}` } });
      const { version, commentCount } = await current();
      await admin.data(UPDATE_TASK, { input: { id: task.id, version, title: `counted ${i}` } });
      expected.push(commentCount);
      // Rendered before the next comment is added: a count cached for the socket would repeat.
      await tasks.until((events) => events.length === i + 1);
    }
    expect(tasks.events.map((event) => event.task?.commentCount)).toEqual(expected);
    expect(new Set(expected).size).toBe(3);
  });

  it('renders an event once for viewers who see it alike, and apart for those who do not', async () => {
    // Only this test's subscriptions may render the event: the earlier ones are closed.
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await until(() => hub.server.services.realtime.subscriptions === 0);
    const em = hub.server.orm.em.fork();
    const [measure] = await em.execute<{ id: string }[]>('select id from measure where company_id = ? limit 1', [task.company_id]);
    const manager = await new TestClient(hub.url).signInAs('manager@ecofrontier.co.kr');
    const coordinator = await new TestClient(hub.url).signInAs('seoyoung.yoon@ecofrontier.co.kr');
    const observer = await new TestClient(hub.url).signInAs('observer@ansan.go.kr');
    const since = (await manager.data<{ liveSequence: number }>('{ liveSequence }')).liveSequence;
    const seenByManager = await subscribe<MeasureEvent>(manager, MEASURE_CHANGED, { companyId: task.company_id, since });
    const seenByCoordinator = await subscribe<MeasureEvent>(coordinator, MEASURE_CHANGED, { companyId: task.company_id });
    const seenByObserver = await subscribe<MeasureEvent>(observer, MEASURE_CHANGED, { companyId: task.company_id });
    // An administrator's rights resolve to what a program manager's do (every company, internal
    // comments, personal data): the rendering keys on that, not on the role's name.
    const seenByAdmin = await subscribe<MeasureEvent>(admin, MEASURE_CHANGED, { companyId: task.company_id });

    const { stats } = hub.server.services.realtime.execution;
    const before = { ...stats };
    await publish(hub.server, { type: EventType.MEASURE_UPDATED, entityId: measure!.id, companyId: task.company_id, programYearId });
    const [forManager] = await seenByManager.until((events) => events.length === 1);
    const [forCoordinator] = await seenByCoordinator.until((events) => events.length === 1);
    const [forObserver] = await seenByObserver.until((events) => events.length === 1);
    const [forAdmin] = await seenByAdmin.until((events) => events.length === 1);

    // Two program managers and an admin share one rendering (the managers' `since` differs, which
    // only sets the start); the observer has their own.
    expect(stats.executed - before.executed).toBe(2);
    expect(stats.reused - before.reused).toBe(2);
    expect(forCoordinator).toEqual(forManager);
    expect(forAdmin).toEqual(forManager);
    // The observer's own rendering hides the company's personal data.
    expect(forManager?.measure?.company.contactPhone).toEqual(expect.any(String));
    expect(forObserver?.measure?.company.contactPhone).toBeNull();
  });
});
