import { LIMITS, mentionToken } from '@ecohub/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/index.ts';
import { buildWorkWorld, UNKNOWN_ID, type WorkWorld } from '../../testing/work-world.ts';

const FIELDS = 'id version body visibility editedAt deletedAt author { id } mentions { id } task { id }';
const ADD = `mutation($input: AddCommentInput!) { addComment(input: $input) { ${FIELDS} } }`;
const EDIT = `mutation($id: ID!, $body: String!, $version: Int!) { editComment(id: $id, body: $body, version: $version) { ${FIELDS} } }`;
const DELETE = `mutation($id: ID!, $version: Int!) { deleteComment(id: $id, version: $version) { ${FIELDS} } }`;
const THREAD = `query($taskId: ID!, $first: Int, $after: String) {
  comments(taskId: $taskId, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id body visibility } } }
  task(id: $taskId) { commentCount } }`;

type CommentData = { id: string; version: number; body: string | null; visibility: string; mentions: { id: string }[]; [key: string]: unknown };
type Thread = { comments: { totalCount: number; edges: { node: { id: string; body: string | null; visibility: string } }[] }; task: { commentCount: number } };

describe('comments over HTTP', () => {
  let hub: TestServer;
  let w: WorkWorld;
  let taskId: string;

  const add = async (body: string, extra: Record<string, unknown> = {}, client: keyof WorkWorld['as'] = 'expert') =>
    (await w.as[client].data<{ addComment: CommentData }>(ADD, { input: { taskId, body, ...extra } })).addComment;
  const mentionsOf = (commentId: string) => w.fx.rows<{ recipient_id: string }>(`select recipient_id from notification where comment_id = ? and kind = 'MENTION'`, [commentId]);
  const thread = (client: keyof WorkWorld['as'], id = taskId) => w.as[client].data<Thread>(THREAD, { taskId: id, first: 200 });

  beforeAll(async () => {
    hub = await startTestServer({ seeded: false });
    w = await buildWorkWorld(hub);
    const { createTask } = await w.as.expert.data<{ createTask: { id: string } }>(
      `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`,
      { input: { companyId: w.company.id, title: '폐수 처리 공정 점검' } },
    );
    taskId = createTask.id;
  });
  afterAll(() => hub.close());

  describe('addComment', () => {
    it('posts a shared comment, resolves mentions to people who may read it and notifies them', async () => {
      const body = `${mentionToken('이수진', w.people.staff.id)} 시료 채취 일정 확인 부탁드립니다. ${mentionToken('남', w.people.otherStaff.id)}`;
      const comment = await add(body);
      expect(comment).toMatchObject({ visibility: 'SHARED', body, author: { id: w.people.expert.id }, task: { id: taskId } });
      expect(comment.mentions).toEqual([{ id: w.people.staff.id }]);
      expect(await mentionsOf(comment.id)).toEqual([{ recipient_id: w.people.staff.id }]);
      const events = await w.fx.rows(`select type, task_id, company_id, recipient_id, payload->>'visibility' as visibility from outbox_event where entity_id = ? or payload->>'kind' = 'MENTION' and task_id = ? order by seq`, [
        comment.id,
        taskId,
      ]);
      expect(events).toEqual([
        { type: 'comment.added', task_id: taskId, company_id: w.company.id, recipient_id: null, visibility: 'SHARED' },
        { type: 'notification.added', task_id: taskId, company_id: w.company.id, recipient_id: w.people.staff.id, visibility: null },
      ]);
    });

    it('never notifies staff from an internal comment, but does notify managers', async () => {
      const body = `${mentionToken('이수진', w.people.staff.id)} ${mentionToken('김정민', w.people.manager.id)} 내부 검토 필요`;
      const comment = await add(body, { visibility: 'INTERNAL' });
      expect(comment.mentions).toEqual([{ id: w.people.manager.id }]);
      expect(await mentionsOf(comment.id)).toEqual([{ recipient_id: w.people.manager.id }]);
      const [event] = await w.fx.rows(`select payload->>'visibility' as visibility from outbox_event where entity_id = ?`, [comment.id]);
      expect(event).toEqual({ visibility: 'INTERNAL' });
    });

    it('lets staff post shared comments but not internal ones', async () => {
      expect((await add('확인했습니다.', {}, 'staff')).visibility).toBe('SHARED');
      expect(await w.as.staff.errorCode(ADD, { input: { taskId, body: '비밀', visibility: 'INTERNAL' } })).toBe('FORBIDDEN');
    });

    it('creates once for a repeated idempotency key', async () => {
      const first = await add('한 번만', { idempotencyKey: 'comment-key-1' });
      expect((await add('한 번만', { idempotencyKey: 'comment-key-1' })).id).toBe(first.id);
    });

    it('rejects empty or oversized bodies, unknown tasks, other tenants and observers', async () => {
      expect(await w.as.expert.errorCode(ADD, { input: { taskId, body: '  ' } })).toBe('BAD_USER_INPUT');
      expect(await w.as.expert.errorCode(ADD, { input: { taskId, body: 'x'.repeat(LIMITS.commentBody + 1) } })).toBe('BAD_USER_INPUT');
      expect(await w.as.expert.errorCode(ADD, { input: { taskId: UNKNOWN_ID, body: 'x' } })).toBe('NOT_FOUND');
      expect(await w.as.otherStaff.errorCode(ADD, { input: { taskId, body: 'x' } })).toBe('NOT_FOUND');
      expect(await w.as.otherExpert.errorCode(ADD, { input: { taskId, body: 'x' } })).toBe('NOT_FOUND');
      expect(await w.as.observer.errorCode(ADD, { input: { taskId, body: 'x' } })).toBe('NOT_FOUND');
    });
  });

  describe('reading a thread', () => {
    it('never shows internal comments to staff: not in the list, not in the counts', async () => {
      const expertView = await thread('expert');
      const staffView = await thread('staff');
      const internal = expertView.comments.edges.filter((e) => e.node.visibility === 'INTERNAL').length;
      expect(internal).toBeGreaterThan(0);
      expect(staffView.comments.edges.some((e) => e.node.visibility === 'INTERNAL')).toBe(false);
      expect(staffView.comments.totalCount).toBe(expertView.comments.totalCount - internal);
      expect(staffView.task.commentCount).toBe(expertView.task.commentCount - internal);
      const tasks = await w.as.staff.data<{ tasks: { edges: { node: { id: string; commentCount: number } }[] } }>(
        `{ tasks(first: 200) { edges { node { id commentCount } } } }`,
      );
      expect(tasks.tasks.edges.find((e) => e.node.id === taskId)?.node.commentCount).toBe(staffView.task.commentCount);
    });

    it('lists oldest first and pages without repeats', async () => {
      const all = (await thread('expert')).comments.edges.map((e) => e.node.id);
      expect(all).toEqual([...all].sort());
      const firstPage = await w.as.expert.data<{ comments: { pageInfo: { endCursor: string } } }>(THREAD, { taskId, first: 2 });
      const rest = await w.as.expert.data<Thread>(THREAD, { taskId, first: 200, after: firstPage.comments.pageInfo.endCursor });
      expect(rest.comments.edges.map((e) => e.node.id)).toEqual(all.slice(2));
    });

    it('keeps other tenants and observers out', async () => {
      expect(await w.as.otherStaff.errorCode(THREAD, { taskId })).toBe('NOT_FOUND');
      expect(await w.as.observer.errorCode(THREAD, { taskId })).toBe('NOT_FOUND');
    });
  });

  describe('editComment', () => {
    it('lets the author edit, marks it edited and notifies only people newly mentioned', async () => {
      const comment = await add(`${mentionToken('이수진', w.people.staff.id)} 초안`);
      const body = `${mentionToken('이수진', w.people.staff.id)} ${mentionToken('김정민', w.people.manager.id)} 수정본`;
      const { editComment } = await w.as.expert.data<{ editComment: CommentData }>(EDIT, { id: comment.id, body, version: comment.version });
      expect(editComment).toMatchObject({ body, version: 2 });
      expect(editComment['editedAt']).not.toBeNull();
      expect((await mentionsOf(comment.id)).map((r) => r.recipient_id).sort()).toEqual([w.people.staff.id, w.people.manager.id].sort());
      const [history] = await w.fx.rows<{ diff: Record<string, unknown> }>(`select diff from activity_entry where entity_id = ? and action = 'comment.edited'`, [comment.id]);
      expect(Object.keys(history?.diff ?? {})).toEqual(['editedAt']);
    });

    it('rejects a stale version, other authors, staff on internal comments, and bad input', async () => {
      const comment = await add('원문');
      await w.as.expert.data(EDIT, { id: comment.id, body: '첫 수정', version: 1 });
      expect(await w.as.expert.error(EDIT, { id: comment.id, body: '늦은 수정', version: 1 })).toMatchObject({ code: 'CONFLICT', extensions: { currentVersion: 2 } });
      expect(await w.as.manager.errorCode(EDIT, { id: comment.id, body: '남의 글', version: 2 })).toBe('FORBIDDEN');
      expect(await w.as.expert.errorCode(EDIT, { id: comment.id, body: '', version: 2 })).toBe('BAD_USER_INPUT');
      expect(await w.as.expert.errorCode(EDIT, { id: UNKNOWN_ID, body: 'x', version: 1 })).toBe('NOT_FOUND');
      const internal = await add('내부', { visibility: 'INTERNAL' });
      expect(await w.as.staff.errorCode(EDIT, { id: internal.id, body: 'x', version: 1 })).toBe('NOT_FOUND');
    });
  });

  describe('deleteComment', () => {
    it('hides the body, drops it from the counts and freezes it', async () => {
      const before = (await thread('expert')).task.commentCount;
      const comment = await add('지울 글');
      const { deleteComment } = await w.as.expert.data<{ deleteComment: CommentData }>(DELETE, { id: comment.id, version: 1 });
      expect(deleteComment).toMatchObject({ body: null, mentions: [] });
      expect(deleteComment['deletedAt']).not.toBeNull();
      const after = await thread('expert');
      expect(after.task.commentCount).toBe(before);
      expect(after.comments.edges.find((e) => e.node.id === comment.id)?.node.body).toBeNull();
      expect(await w.as.expert.errorCode(EDIT, { id: comment.id, body: 'x', version: 2 })).toBe('BAD_USER_INPUT');
      const [event] = await w.fx.rows(`select type from outbox_event where entity_id = ? order by seq desc limit 1`, [comment.id]);
      expect(event).toEqual({ type: 'comment.deleted' });
    });

    it("lets managers delete anyone's comment, and nobody else", async () => {
      const comment = await add('관리자가 지울 글', {}, 'staff');
      expect(await w.as.expert.errorCode(DELETE, { id: comment.id, version: 1 })).toBe('FORBIDDEN');
      expect((await w.as.manager.data<{ deleteComment: CommentData }>(DELETE, { id: comment.id, version: 1 })).deleteComment.body).toBeNull();
      expect(await w.as.manager.errorCode(DELETE, { id: UNKNOWN_ID, version: 1 })).toBe('NOT_FOUND');
    });
  });
});
