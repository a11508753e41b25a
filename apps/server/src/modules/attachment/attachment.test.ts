import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../../testing/index.ts';
import { LiveClient } from '../../testing/live-client.ts';
import { buildWorkWorld, UNKNOWN_ID, type WorkWorld } from '../../testing/work-world.ts';

const MAX_BYTES = 4096;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('plant photo of the plating line')]);
const PDF = Buffer.from('%PDF-1.4\n% 진단 보고서\n');

describe('attachments over HTTP', () => {
  let hub: TestServer;
  let w: WorkWorld;
  let dir: string;
  let taskId: string;
  let measureId: string;

  const upload = async (client: TestClient | null, query: string, body: Buffer | ReadableStream, headers: Record<string, string> = {}) => {
    const response = await fetch(`${hub.url}/attachments?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', 'x-file-name': encodeURIComponent('도금라인.png'), ...(client?.cookie ? { cookie: client.cookie } : {}), ...headers },
      body,
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
    return { status: response.status, body: (await response.json()) as { id: string; sha256: string; url: string; error?: { code: string } } };
  };
  const download = (client: TestClient | null, id: string) => fetch(`${hub.url}/attachments/${id}`, { headers: client?.cookie ? { cookie: client.cookie } : {} });
  const storedFile = (sha256: string) => join(dir, sha256.slice(0, 2), sha256);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ecohub-attachments-'));
    hub = await startTestServer({ seeded: false, env: { ATTACHMENTS_DIR: dir, ATTACHMENT_MAX_BYTES: String(MAX_BYTES) } });
    w = await buildWorkWorld(hub);
    taskId = (
      await w.as.expert.data<{ createTask: { id: string } }>(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, {
        input: { companyId: w.company.id, title: '현장 사진 정리', assigneeIds: [w.people.staff.id] },
      })
    ).createTask.id;
    measureId = (
      await w.as.expert.data<{ createMeasure: { id: string } }>(`mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id } }`, {
        input: { companyId: w.company.id, programYearId: w.year.id, category: 'PROCESS_CHANGE', title: '세척 공정 변경' },
      })
    ).createMeasure.id;
  });
  afterAll(async () => {
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores an upload by its hash and streams it back to people who may see it', async () => {
    const { status, body } = await upload(w.as.staff, `taskId=${taskId}`, PNG);
    expect(status).toBe(201);
    expect(body).toMatchObject({ url: `/attachments/${body.id}` });
    expect(existsSync(storedFile(body.sha256))).toBe(true);
    const response = await download(w.as.expert, body.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-disposition')).toBe(`inline; filename*=UTF-8''${encodeURIComponent('도금라인.png')}`);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG);
    const { task } = await w.as.staff.data<{ task: { attachments: { id: string; fileName: string; sizeBytes: number; uploadedBy: { id: string } }[] } }>(
      `query($id: ID!) { task(id: $id) { attachments { id fileName sizeBytes uploadedBy { id } } } }`,
      { id: taskId },
    );
    expect(task.attachments).toEqual([{ id: body.id, fileName: '도금라인.png', sizeBytes: PNG.length, uploadedBy: { id: w.people.staff.id } }]);
    const [event] = await w.fx.rows(`select type, task_id from outbox_event where payload->>'attachmentId' = ?`, [body.id]);
    expect(event).toEqual({ type: 'task.updated', task_id: taskId });
  });

  it('keeps files from other tenants, observers and anonymous visitors', async () => {
    const { body } = await upload(w.as.expert, `taskId=${taskId}`, PNG);
    expect((await download(w.as.otherStaff, body.id)).status).toBe(404);
    expect((await download(w.as.otherExpert, body.id)).status).toBe(404);
    expect((await download(w.as.observer, body.id)).status).toBe(404);
    expect((await download(null, body.id)).status).toBe(401);
    expect((await download(w.as.expert, UNKNOWN_ID)).status).toBe(404);
    expect((await download(w.as.expert, 'nope')).status).toBe(404);
    expect((await upload(w.as.otherStaff, `taskId=${taskId}`, PNG)).status).toBe(404);
    expect((await upload(null, `taskId=${taskId}`, PNG)).status).toBe(401);
    expect(await w.as.otherExpert.errorCode(`query($id: ID!) { attachment(id: $id) { id } }`, { id: body.id })).toBe('NOT_FOUND');
  });

  it('refuses files over the size limit, declared or streamed', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_BYTES)]);
    const declared = await upload(w.as.expert, `taskId=${taskId}`, big);
    expect(declared.status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 8; i++) controller.enqueue(new Uint8Array(big.subarray(i * 1024, (i + 1) * 1024)));
        controller.close();
      },
    });
    const streamed = await upload(w.as.expert, `taskId=${taskId}`, stream);
    expect(streamed).toMatchObject({ status: 413, body: { error: { code: 'BAD_USER_INPUT' } } });
  });

  it('refuses types that are not allowed, names that do not match and content that lies', async () => {
    expect((await upload(w.as.expert, `taskId=${taskId}`, Buffer.from('<html>'), { 'content-type': 'text/html', 'x-file-name': 'a.html' })).status).toBe(415);
    expect((await upload(w.as.expert, `taskId=${taskId}`, PNG, { 'x-file-name': 'photo.exe' })).status).toBe(415);
    expect((await upload(w.as.expert, `taskId=${taskId}`, Buffer.from('#!/bin/sh\necho hi'), { 'x-file-name': 'photo.png' })).status).toBe(415);
    expect((await upload(w.as.expert, `taskId=${taskId}`, Buffer.from('a,b\n1,2\n'), { 'content-type': 'text/csv', 'x-file-name': 'data.csv' })).status).toBe(201);
  });

  it('asks for exactly one known target and a file name', async () => {
    expect((await upload(w.as.expert, '', PNG)).status).toBe(400);
    expect((await upload(w.as.expert, `taskId=${taskId}&measureId=${measureId}`, PNG)).status).toBe(400);
    expect((await upload(w.as.expert, `taskId=${UNKNOWN_ID}`, PNG)).status).toBe(404);
    expect((await upload(w.as.expert, `taskId=${taskId}`, PNG, { 'x-file-name': '' })).status).toBe(400);
  });

  it('lets experts attach reports to measures, not company staff', async () => {
    const { status, body } = await upload(w.as.expert, `measureId=${measureId}`, PDF, { 'content-type': 'application/pdf', 'x-file-name': 'report.pdf' });
    expect(status).toBe(201);
    expect((await download(w.as.staff, body.id)).headers.get('content-disposition')).toMatch(/^attachment;/);
    expect((await upload(w.as.staff, `measureId=${measureId}`, PDF, { 'content-type': 'application/pdf', 'x-file-name': 'r.pdf' })).status).toBe(403);
    const { measure } = await w.as.observer.data<{ measure: { attachments: unknown[] | null } }>(`query($id: ID!) { measure(id: $id) { attachments { id } } }`, { id: measureId });
    // Observers see the measure but not the consulting files: hidden (null), not empty.
    expect(measure.attachments).toBeNull();
  });

  it('hides files on internal comments from staff, everywhere: file, lists, history and live history', async () => {
    const { liveSequence } = await w.as.expert.data<{ liveSequence: number }>('{ liveSequence }');
    const sockets = [new LiveClient(hub.url, { cookie: w.as.staff.cookie, retry: false }), new LiveClient(hub.url, { cookie: w.as.expert.cookie, retry: false })];
    const ACTIVITY = 'subscription($since: SafeInt) { activityAdded(since: $since) { seq entry { id entityType entityId } } }';
    type Added = { seq: number; entry: { id: string; entityType: string; entityId: string } };
    const [staffLive, expertLive] = sockets.map((socket) => socket.subscribe<Added>(ACTIVITY, { since: liveSequence }));
    const { addComment } = await w.as.expert.data<{ addComment: { id: string } }>(`mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`, {
      input: { taskId, body: '내부 사진', visibility: 'INTERNAL' },
    });
    const { status, body } = await upload(w.as.expert, `commentId=${addComment.id}`, PNG);
    expect(status).toBe(201);
    expect((await download(w.as.staff, body.id)).status).toBe(404);
    const list = async (client: TestClient) =>
      (await client.data<{ attachments: { edges: { node: { id: string } }[] } }>(`{ attachments(first: 200) { edges { node { id } } } }`)).attachments.edges.map((e) => e.node.id);
    expect(await list(w.as.staff)).not.toContain(body.id);
    expect(await list(w.as.expert)).toContain(body.id);
    expect((await upload(w.as.staff, `commentId=${addComment.id}`, PNG)).status).toBe(404);
    expect((await upload(w.as.manager, `commentId=${addComment.id}`, PNG)).status).toBe(403);

    const HISTORY = '{ activity(filter: { entityType: "Attachment" }, first: 200) { edges { node { entityId } } } }';
    const history = async (client: TestClient) => (await client.data<{ activity: { edges: { node: { entityId: string } }[] } }>(HISTORY)).activity.edges.map((e) => e.node.entityId);
    expect(await history(w.as.expert)).toContain(body.id);
    expect(await history(w.as.staff)).not.toContain(body.id);
    // A shared change after it: once the staff member has that, the internal one would have come before.
    await w.as.expert.data('mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', { input: { taskId, body: '공유 메모', visibility: 'SHARED' } });
    await expertLive!.until((events) => events.some((e) => e.entry.entityId === body.id));
    const [, shared] = await Promise.all([expertLive!.until((events) => events.some((e) => e.entry.entityType === 'Comment' && e.seq > liveSequence + 2)), staffLive!.until((events) => events.some((e) => e.entry.entityType === 'Comment' && e.entry.entityId !== addComment.id))]);
    expect(shared.filter((e) => e.entry.entityId === body.id || e.entry.entityId === addComment.id)).toEqual([]);
    await Promise.all(sockets.map((socket) => socket.close()));
  });

  it('keeps one copy of identical content and removes it with the last attachment that uses it', async () => {
    const first = (await upload(w.as.expert, `measureId=${measureId}`, Buffer.concat([PNG, Buffer.from('unique')]))).body;
    const second = (await upload(w.as.staff, `taskId=${taskId}`, Buffer.concat([PNG, Buffer.from('unique')]))).body;
    expect(second.sha256).toBe(first.sha256);
    const DELETE = `mutation($id: ID!) { deleteAttachment(id: $id) { id } }`;
    expect(await w.as.staff.errorCode(DELETE, { id: first.id })).toBe('FORBIDDEN');
    await w.as.expert.data(DELETE, { id: first.id });
    expect(existsSync(storedFile(first.sha256))).toBe(true);
    await w.as.staff.data(DELETE, { id: second.id });
    expect(existsSync(storedFile(first.sha256))).toBe(false);
    expect(await w.as.staff.errorCode(DELETE, { id: second.id })).toBe('NOT_FOUND');
  });

  it('makes an upright WebP thumbnail of a photo for who sees it, and none for a PDF or an outsider', async () => {
    const photo = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#3a7' } }).png({ palette: true, compressionLevel: 9 }).toBuffer();
    expect(photo.length).toBeLessThan(MAX_BYTES);
    const { body } = await upload(w.as.staff, `taskId=${taskId}`, photo, { 'x-file-name': encodeURIComponent('라인.png') });
    const thumbnail = (client: TestClient) => fetch(`${hub.url}/attachments/${body.id}/thumbnail`, { headers: { cookie: client.cookie! } });
    const response = await thumbnail(w.as.expert);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 320, 180]);
    expect((await thumbnail(w.as.otherStaff)).status).toBe(404);
    const field = await w.as.expert.data<{ attachment: { thumbnailUrl: string | null } }>(`query($id: ID!) { attachment(id: $id) { thumbnailUrl } }`, { id: body.id });
    expect(field.attachment.thumbnailUrl).toBe(`/attachments/${body.id}/thumbnail`);

    const pdf = await upload(w.as.staff, `taskId=${taskId}`, PDF, { 'content-type': 'application/pdf', 'x-file-name': 'report.pdf' });
    expect((await fetch(`${hub.url}/attachments/${pdf.body.id}/thumbnail`, { headers: { cookie: w.as.expert.cookie! } })).status).toBe(404);
  });

  it('tells who watches the task that it changed when a file is added or removed, naming the task', async () => {
    const { liveSequence } = await w.as.expert.data<{ liveSequence: number }>('{ liveSequence }');
    const socket = new LiveClient(hub.url, { cookie: w.as.expert.cookie, retry: false });
    type Change = { seq: number; kind: string; taskId: string; task: { id: string } | null };
    const live = socket.subscribe<Change>('subscription($companyId: ID!, $since: SafeInt) { taskChanged(companyId: $companyId, since: $since) { seq kind taskId task { id } } }', { companyId: w.company.id, since: liveSequence });
    const { body } = await upload(w.as.staff, `taskId=${taskId}`, Buffer.concat([PNG, Buffer.from('live')]));
    await w.as.staff.data('mutation($id: ID!) { deleteAttachment(id: $id) { id } }', { id: body.id });
    const events = await live.until((seen) => seen.length >= 2);
    expect(events.slice(0, 2).map(({ seq: _seq, ...event }) => event)).toEqual([
      { kind: 'UPDATED', taskId, task: { id: taskId } },
      { kind: 'UPDATED', taskId, task: { id: taskId } },
    ]);
    await socket.close();
  });
});
