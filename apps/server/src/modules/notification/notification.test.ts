import { mentionToken } from '@ecohub/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../../testing/index.ts';
import { buildWorkWorld, type WorkWorld } from '../../testing/work-world.ts';

const LIST = `query($unreadOnly: Boolean, $first: Int, $after: String) {
  notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
    totalCount edges { node { id kind readAt actor { id } task { id title } comment { id } company { id } } } }
  unreadNotificationCount }`;
const MARK = `mutation($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) }`;

type Note = { id: string; kind: string; readAt: string | null; actor: { id: string } | null; task: { id: string } | null; comment: { id: string } | null };
type Notes = { notifications: { totalCount: number; edges: { node: Note }[] }; unreadNotificationCount: number };

describe('notifications over HTTP', () => {
  let hub: TestServer;
  let w: WorkWorld;
  let taskId: string;

  const list = async (client: TestClient, unreadOnly = false) => client.data<Notes>(LIST, { unreadOnly, first: 50 });

  beforeAll(async () => {
    hub = await startTestServer({ seeded: false });
    w = await buildWorkWorld(hub);
    const { createTask } = await w.as.expert.data<{ createTask: { id: string } }>(
      `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`,
      { input: { companyId: w.company.id, title: '배출 시설 점검', assigneeIds: [w.people.staff.id] } },
    );
    taskId = createTask.id;
    await w.as.expert.data(`mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`, {
      input: { taskId, body: `${mentionToken('이수진', w.people.staff.id)} 확인 부탁드립니다` },
    });
  });
  afterAll(() => hub.close());

  it('lists what happened to the viewer, newest first, with what it points at', async () => {
    const { notifications, unreadNotificationCount } = await list(w.as.staff);
    expect(notifications.edges.map((e) => e.node.kind)).toEqual(['MENTION', 'ASSIGNMENT']);
    expect(notifications.edges[0]?.node).toMatchObject({ actor: { id: w.people.expert.id }, task: { id: taskId }, readAt: null });
    expect(notifications.edges[0]?.node.comment).not.toBeNull();
    expect(unreadNotificationCount).toBe(2);
    expect((await list(w.as.otherStaff)).notifications.totalCount).toBe(0);
  });

  it('marks chosen notifications read, never anyone else’s, then all of them', async () => {
    const { notifications } = await list(w.as.staff);
    const [newest, oldest] = notifications.edges.map((e) => e.node.id) as [string, string];
    expect((await w.as.otherStaff.data<{ markNotificationsRead: number }>(MARK, { ids: [newest] })).markNotificationsRead).toBe(0);
    expect((await w.as.staff.data<{ markNotificationsRead: number }>(MARK, { ids: [newest, 'not-an-id'] })).markNotificationsRead).toBe(1);
    const unread = await list(w.as.staff, true);
    expect(unread.notifications.edges.map((e) => e.node.id)).toEqual([oldest]);
    expect(unread.unreadNotificationCount).toBe(1);
    expect((await w.as.staff.data<{ markNotificationsRead: number }>(MARK, { all: true })).markNotificationsRead).toBe(1);
    expect((await list(w.as.staff)).unreadNotificationCount).toBe(0);
  });

  it('rejects a request that names nothing, and anonymous visitors', async () => {
    expect(await w.as.staff.errorCode(MARK, {})).toBe('BAD_USER_INPUT');
    expect(await new TestClient(hub.url).errorCode(LIST)).toBe('UNAUTHENTICATED');
    expect(await new TestClient(hub.url).errorCode(MARK, { all: true })).toBe('UNAUTHENTICATED');
  });

  it('stops listing and counting notifications about work the recipient may no longer see', async () => {
    await w.as.manager.data(`mutation($taskId: ID!, $personId: ID!) { assignTask(taskId: $taskId, personId: $personId) { id } }`, {
      taskId,
      personId: w.people.expert.id,
    });
    const before = await list(w.as.expert);
    expect(before.notifications.edges[0]?.node).toMatchObject({ kind: 'ASSIGNMENT', task: { id: taskId } });
    expect(before.unreadNotificationCount).toBe(1);
    await w.fx.rows(`update expert_team set lead_id = null where id = ?`, [w.team.id]);
    const after = await list(w.as.expert);
    expect(after.notifications.totalCount).toBe(0);
    expect(after.unreadNotificationCount).toBe(0);
  });
});
