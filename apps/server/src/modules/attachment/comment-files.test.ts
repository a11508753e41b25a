import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../../testing/index.ts';
import { LiveClient } from '../../testing/live-client.ts';
import { buildWorkWorld, UNKNOWN_ID, type WorkWorld } from '../../testing/work-world.ts';
import { discardStaleDrafts, DRAFT_TTL_MS } from './attachment.service.ts';

const MAX_BYTES = 64 * 1024;
const PDF = (words: string) => Buffer.from(`%PDF-1.4\n% ${words}\n`);
const ADD = `mutation($input: AddCommentInput!) { addComment(input: $input) { id version attachments { id fileName } } }`;
const EDIT = `mutation($id: ID!, $version: Int!, $body: String!, $add: [ID!], $remove: [ID!]) {
  editComment(id: $id, version: $version, body: $body, addAttachmentIds: $add, removeAttachmentIds: $remove) { id version attachments { id } } }`;
type Posted = { id: string; version: number; attachments: { id: string; fileName?: string }[] };

describe('files in the comment composer', () => {
  let hub: TestServer;
  let w: WorkWorld;
  let dir: string;
  let taskId: string;

  const upload = async (client: TestClient, query: string, body: Buffer, fileName: string, contentType: string) => {
    const response = await fetch(`${hub.url}/attachments?${query}`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-file-name': encodeURIComponent(fileName), cookie: client.cookie! },
      body,
    });
    return { status: response.status, body: (await response.json()) as { id: string; sha256: string; error?: { code: string } } };
  };
  const draft = async (client: TestClient, words: string) => (await upload(client, `draftTaskId=${taskId}`, PDF(words), `${words}.pdf`, 'application/pdf')).body;
  const photo = async (client: TestClient, query: string) => {
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6' } }).png().toBuffer();
    return (await upload(client, query, png, '현장.png', 'image/png')).body;
  };
  const get = (client: TestClient, path: string) => fetch(`${hub.url}${path}`, { headers: { cookie: client.cookie! } });
  const listed = async (client: TestClient) =>
    (await client.data<{ attachments: { edges: { node: { id: string } }[] } }>('{ attachments(first: 200) { edges { node { id } } } }')).attachments.edges.map((e) => e.node.id);
  const commentFiles = async (client: TestClient) =>
    (await client.data<{ comments: { edges: { node: { id: string; attachments: { id: string }[] } }[] } }>(
      'query($taskId: ID!) { comments(taskId: $taskId, first: 200) { edges { node { id attachments { id } } } } }',
      { taskId },
    )).comments.edges.map((e) => e.node);
  const storedFile = (sha256: string) => join(dir, sha256.slice(0, 2), sha256);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ecohub-comment-files-'));
    hub = await startTestServer({ seeded: false, env: { ATTACHMENTS_DIR: dir, ATTACHMENT_MAX_BYTES: String(MAX_BYTES) } });
    w = await buildWorkWorld(hub);
    taskId = (
      await w.as.expert.data<{ createTask: { id: string } }>(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, {
        input: { companyId: w.company.id, title: '폐수 처리 견적 비교', assigneeIds: [w.people.staff.id] },
      })
    ).createTask.id;
  });
  afterAll(async () => {
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tells anyone the size limit and the accepted types', async () => {
    const anonymous = new TestClient(hub.url);
    const { attachmentLimits } = await anonymous.data<{ attachmentLimits: { maxBytes: number; types: { contentType: string; extensions: string[] }[] } }>(
      '{ attachmentLimits { maxBytes types { contentType extensions } } }',
    );
    expect(attachmentLimits.maxBytes).toBe(MAX_BYTES);
    expect(attachmentLimits.types).toContainEqual({ contentType: 'application/pdf', extensions: ['pdf'] });
    expect(attachmentLimits.types).toContainEqual({ contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] });
  });

  it('keeps a draft to its uploader until the comment is posted, then shows it on the comment to the thread, live', async () => {
    const { liveSequence } = await w.as.expert.data<{ liveSequence: number }>('{ liveSequence }');
    const socket = new LiveClient(hub.url, { cookie: w.as.expert.cookie, retry: false });
    type Change = { seq: number; kind: string; comment: { attachments: { id: string; fileName: string; thumbnailUrl: string | null }[] } | null };
    const live = socket.subscribe<Change>(
      'subscription($taskId: ID!, $since: SafeInt) { commentChanged(taskId: $taskId, since: $since) { seq kind comment { attachments { id fileName thumbnailUrl } } } }',
      { taskId, since: liveSequence },
    );
    const picture = await photo(w.as.staff, `draftTaskId=${taskId}`);
    const quote = await draft(w.as.staff, '견적서');
    // Waiting in the composer: the uploader may look at it, nobody else sees or lists it.
    expect((await get(w.as.staff, `/attachments/${quote.id}`)).status).toBe(200);
    expect((await get(w.as.expert, `/attachments/${quote.id}`)).status).toBe(404);
    expect((await get(w.as.expert, `/attachments/${picture.id}/thumbnail`)).status).toBe(404);
    expect(await listed(w.as.expert)).not.toContain(quote.id);
    expect(await listed(w.as.staff)).not.toContain(quote.id);
    expect(await w.fx.rows(`select 1 from activity_entry where entity_id in (?, ?)`, [quote.id, picture.id])).toEqual([]);

    const { addComment } = await w.as.staff.data<{ addComment: Posted }>(ADD, { input: { taskId, body: '견적과 현장 사진입니다', attachmentIds: [picture.id, quote.id] } });
    expect(addComment.attachments.map((file) => file.id).sort()).toEqual([picture.id, quote.id].sort());
    expect((await get(w.as.expert, `/attachments/${quote.id}`)).status).toBe(200);
    expect((await get(w.as.expert, `/attachments/${picture.id}/thumbnail`)).headers.get('content-type')).toBe('image/webp');
    expect((await get(w.as.otherStaff, `/attachments/${quote.id}`)).status).toBe(404);
    const [added] = await live.until((events) => events.some((event) => event.kind === 'ADDED'));
    expect(added!.comment!.attachments).toEqual(
      expect.arrayContaining([
        { id: picture.id, fileName: '현장.png', thumbnailUrl: `/attachments/${picture.id}/thumbnail` },
        { id: quote.id, fileName: '견적서.pdf', thumbnailUrl: null },
      ]),
    );
    await socket.close();
  });

  it("hides an internal comment's files from company staff: list, download and thumbnail", async () => {
    const picture = await photo(w.as.expert, `draftTaskId=${taskId}`);
    const report = await draft(w.as.expert, '내부 검토');
    const { addComment } = await w.as.expert.data<{ addComment: Posted }>(ADD, {
      input: { taskId, body: '내부 검토 자료', visibility: 'INTERNAL', attachmentIds: [picture.id, report.id] },
    });
    expect(addComment.attachments).toHaveLength(2);
    expect((await get(w.as.staff, `/attachments/${report.id}`)).status).toBe(404);
    expect((await get(w.as.staff, `/attachments/${picture.id}`)).status).toBe(404);
    expect((await get(w.as.staff, `/attachments/${picture.id}/thumbnail`)).status).toBe(404);
    expect(await listed(w.as.staff)).not.toContain(report.id);
    expect((await commentFiles(w.as.staff)).map((comment) => comment.id)).not.toContain(addComment.id);
    expect(await w.as.staff.errorCode('query($id: ID!) { attachment(id: $id) { id } }', { id: report.id })).toBe('NOT_FOUND');
    expect((await get(w.as.manager, `/attachments/${picture.id}/thumbnail`)).status).toBe(200);
    expect(await listed(w.as.manager)).toContain(report.id);
  });

  it("posts a comment with all its files or not at all: a file that is gone, used or someone else's fails the post", async () => {
    const mine = await draft(w.as.staff, '계량기');
    const theirs = await draft(w.as.expert, '남의 파일');
    const before = (await commentFiles(w.as.expert)).length;
    const gone = await w.as.staff.error(ADD, { input: { taskId, body: '첨부 두 개', attachmentIds: [mine.id, theirs.id] } });
    expect(gone.extensions).toMatchObject({ code: 'BAD_USER_INPUT', violations: [{ field: 'attachments', rule: 'fileGone' }] });
    expect(await w.as.staff.errorCode(ADD, { input: { taskId, body: '없는 파일', attachmentIds: [UNKNOWN_ID] } })).toBe('BAD_USER_INPUT');
    expect(await commentFiles(w.as.expert)).toHaveLength(before);
    // The failed post left the draft a draft: it is posted once, then it is the comment's.
    const { addComment } = await w.as.staff.data<{ addComment: Posted }>(ADD, { input: { taskId, body: '계량기 사진', attachmentIds: [mine.id] } });
    expect(addComment.attachments.map((file) => file.id)).toEqual([mine.id]);
    expect(await w.as.staff.errorCode(ADD, { input: { taskId, body: '다시', attachmentIds: [mine.id] } })).toBe('BAD_USER_INPUT');
    // A draft is for one task's thread.
    const elsewhere = (
      await w.as.expert.data<{ createTask: { id: string } }>(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, {
        input: { companyId: w.company.id, title: '다른 업무' },
      })
    ).createTask.id;
    const other = await draft(w.as.staff, '다른 업무');
    expect(await w.as.staff.errorCode(ADD, { input: { taskId: elsewhere, body: '엉뚱한 곳', attachmentIds: [other.id] } })).toBe('BAD_USER_INPUT');
  });

  it('lets only its uploader remove a draft, which takes its content with it', async () => {
    const waiting = await draft(w.as.staff, '지울 초안');
    const DELETE = 'mutation($id: ID!) { deleteAttachment(id: $id) { id } }';
    expect(await w.as.expert.errorCode(DELETE, { id: waiting.id })).toBe('NOT_FOUND');
    expect(await w.as.manager.errorCode(DELETE, { id: waiting.id })).toBe('NOT_FOUND');
    await w.as.staff.data(DELETE, { id: waiting.id });
    expect(existsSync(storedFile(waiting.sha256))).toBe(false);
    expect(await w.as.staff.errorCode(ADD, { input: { taskId, body: '지운 파일', attachmentIds: [waiting.id] } })).toBe('BAD_USER_INPUT');
  });

  it('lets the author add and remove files in an edit, and removes the content with its last use', async () => {
    const first = await draft(w.as.staff, '첫 견적');
    const { addComment } = await w.as.staff.data<{ addComment: Posted }>(ADD, { input: { taskId, body: '견적 1', attachmentIds: [first.id] } });
    const second = await draft(w.as.staff, '둘째 견적');
    expect(await w.as.expert.errorCode(EDIT, { id: addComment.id, version: addComment.version, body: '남의 글', remove: [first.id] })).toBe('FORBIDDEN');
    const { editComment } = await w.as.staff.data<{ editComment: Posted }>(EDIT, {
      id: addComment.id,
      version: addComment.version,
      body: '견적 2로 바꿈',
      add: [second.id],
      remove: [first.id],
    });
    expect(editComment.attachments.map((file) => file.id)).toEqual([second.id]);
    expect(existsSync(storedFile(first.sha256))).toBe(false);
    expect((await get(w.as.staff, `/attachments/${first.id}`)).status).toBe(404);
  });

  it('discards drafts nobody posted within a day, their content with them, and keeps posted files', async () => {
    const abandoned = await draft(w.as.staff, '버려진 초안');
    const kept = await draft(w.as.staff, '올린 초안');
    await w.as.staff.data(ADD, { input: { taskId, body: '올림', attachmentIds: [kept.id] } });
    expect(await discardStaleDrafts(hub.server.services, new Date())).toBe(0);
    const discarded = await discardStaleDrafts(hub.server.services, new Date(Date.now() + DRAFT_TTL_MS + 60_000));
    expect(discarded).toBeGreaterThanOrEqual(1);
    expect(await w.fx.rows('select id from attachment where draft_task_id is not null')).toEqual([]);
    expect(existsSync(storedFile(abandoned.sha256))).toBe(false);
    expect(existsSync(storedFile(kept.sha256))).toBe(true);
    expect((await get(w.as.expert, `/attachments/${kept.id}`)).status).toBe(200);
  });
});
