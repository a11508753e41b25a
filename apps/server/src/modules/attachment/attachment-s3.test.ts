import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/index.ts';
import { buildWorkWorld, type WorkWorld } from '../../testing/work-world.ts';

const PDF = Buffer.from('%PDF-1.4\n% 에너지 진단 보고서 (S3)\n');

/** S3_URL against s3rver, a real S3-compatible server run in-process on its own folder. */
describe('attachments in an S3-compatible store', () => {
  let s3: S3rver;
  let hub: TestServer;
  let w: WorkWorld;
  let spool: string;
  let bucketDir: string;
  let endpoint: string;

  beforeAll(async () => {
    spool = mkdtempSync(join(tmpdir(), 'ecohub-s3-spool-'));
    bucketDir = mkdtempSync(join(tmpdir(), 'ecohub-s3-bucket-'));
    s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: bucketDir, configureBuckets: [{ name: 'ecohub-files', configs: [] }] });
    const address = await s3.run();
    endpoint = `http://127.0.0.1:${address.port}`;
    hub = await startTestServer({
      seeded: false,
      env: { ATTACHMENTS_DIR: spool, S3_URL: `http://S3RVER:S3RVER@127.0.0.1:${address.port}/ecohub-files?region=ap-northeast-2` },
    });
    w = await buildWorkWorld(hub);
  });
  afterAll(async () => {
    await hub?.close();
    await s3?.close();
    rmSync(spool, { recursive: true, force: true });
    rmSync(bucketDir, { recursive: true, force: true });
  });

  it('stores the upload in the bucket, serves it back with its headers and removes it with its last attachment', async () => {
    const { createTask } = await w.as.expert.data<{ createTask: { id: string } }>(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, {
      input: { companyId: w.company.id, title: '보고서 보관' },
    });
    const response = await fetch(`${hub.url}/attachments?taskId=${createTask.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('보고서.pdf'), cookie: w.as.expert.cookie! },
      body: PDF,
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; sha256: string };
    const key = `attachments/${body.sha256.slice(0, 2)}/${body.sha256}`;
    const client = new S3Client({ endpoint, region: 'ap-northeast-2', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    const head = await client.send(new HeadObjectCommand({ Bucket: 'ecohub-files', Key: key }));
    expect(head.ContentLength).toBe(PDF.length);
    // Nothing stays on local disk: the spool folder holds no finished file.
    expect(existsSync(join(spool, body.sha256.slice(0, 2)))).toBe(false);
    expect(readdirSync(join(spool, 'tmp'))).toEqual([]);

    const download = await fetch(`${hub.url}/attachments/${body.id}`, { headers: { cookie: w.as.staff.cookie! } });
    expect(download.status).toBe(200);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toContain("filename*=UTF-8''%EB%B3%B4%EA%B3%A0%EC%84%9C.pdf");
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PDF);

    await w.as.expert.data('mutation($id: ID!) { deleteAttachment(id: $id) { id } }', { id: body.id });
    await expect(client.send(new HeadObjectCommand({ Bucket: 'ecohub-files', Key: key }))).rejects.toMatchObject({ name: 'NotFound' });
    client.destroy();
  });
});
