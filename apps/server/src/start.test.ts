import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer, type Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from './config/config.ts';
import { ensureDatabaseExists } from './core/database/database.ts';
import { runningPostmaster, startEmbeddedPostgres, type EmbeddedPostgres } from './core/database/embedded-postgres.ts';
import { createLogger } from './core/logger.ts';
import { StartupError } from './core/startup-error.ts';
import { createServer, type EcoHubServer } from './server.ts';
import { createTestDatabase, freePort, TestClient } from './testing/index.ts';
import { LiveClient } from './testing/live-client.ts';
import { subscribed } from './modules/live/live.test-kit.ts';

const silent = createLogger({ logLevel: 'silent' });

function occupy(port: number): Promise<NetServer> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('the HTTP port', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  const config = async (env: Record<string, string>) => {
    const database = await createTestDatabase(inject('testDatabaseAdminUrl'), false);
    cleanups.push(() => database.drop());
    return loadConfig({ NODE_ENV: 'test', HOST: '127.0.0.1', DATABASE_URL: database.url, SEED_ON_START: 'false', LOG_LEVEL: 'silent', ...env });
  };

  it('set with PORT and busy: the start fails with one sentence naming the port and the fix', { timeout: 120_000 }, async () => {
    const port = await freePort();
    const blocker = await occupy(port);
    cleanups.push(() => new Promise((resolve) => blocker.close(resolve)));
    const attempt = createServer(await config({ PORT: String(port) }), { logger: silent });
    await expect(attempt).rejects.toBeInstanceOf(StartupError);
    await expect(attempt).rejects.toThrow(new RegExp(`^Port ${port} is already in use on 127\\.0\\.0\\.1 .*start with PORT=<a free port>\\.$`));
  });

  it('not set and busy: the hub takes the next free port', { timeout: 120_000 }, async () => {
    const port = await freePort();
    const blocker = await occupy(port);
    cleanups.push(() => new Promise((resolve) => blocker.close(resolve)));
    // As when PORT is unset (default 4000), with a port this test owns.
    const server = await createServer({ ...(await config({})), port, portGiven: false }, { logger: silent });
    cleanups.push(() => server.close());
    expect(server.port).toBeGreaterThan(port);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('DATABASE_URL that cannot be used', () => {
  it('fails the start with one sentence naming the server and the fix', { timeout: 60_000 }, async () => {
    const port = await freePort();
    const attempt = createServer(loadConfig({ NODE_ENV: 'test', PORT: '0', DATABASE_URL: `postgresql://nobody@127.0.0.1:${port}/ecohub`, LOG_LEVEL: 'silent' }), { logger: silent });
    await expect(attempt).rejects.toThrow(`DATABASE_URL: the PostgreSQL at 127.0.0.1:${port}/ecohub refuses connections: start it, or fix DATABASE_URL.`);
  });
});

const COMMENTS = 60;
const LANES = 4;
const ADD_COMMENT = `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`;
const COMMENT_CHANGED = `subscription($taskId: ID!, $since: SafeInt) { commentChanged(taskId: $taskId, since: $since) { seq commentId } }`;

describe('a hub whose embedded PostgreSQL is killed with SIGKILL during writes', () => {
  let dataDir: string;
  let hub: EcoHubServer;
  let live: LiveClient | null = null;
  afterAll(async () => {
    await live?.close();
    await hub?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('restarts it, renews the pool and the listener, and loses or doubles no write', { timeout: 300_000 }, async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ecohub-hub-kill-'));
    chmodSync(dataDir, 0o755);
    const failures: StartupError[] = [];
    hub = await createServer(
      loadConfig({ NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, SEED_ON_START: 'true', LOG_LEVEL: 'silent' }),
      { logger: silent, onDatabaseFailure: (error) => failures.push(error) },
    );
    const http = await new TestClient(hub.url).signInAs('admin@ecohub.kr');
    const [task] = await hub.orm.em.fork().execute<{ id: string }[]>('select id from task order by id limit 1');
    const taskId = task!.id;
    const since = (await http.data<{ liveSequence: number }>('{ liveSequence }')).liveSequence;
    live = new LiveClient(hub.url, { cookie: http.cookie });
    const subscription = live.subscribe<{ seq: number; commentId: string }>(COMMENT_CHANGED, { taskId, since });

    let added = 0;
    let killed: number | null = null;
    let readyAgainMs: number | null = null;
    const kill = async () => {
      killed = runningPostmaster(join(dataDir, 'postgres'));
      expect(killed).toBeTypeOf('number');
      const at = Date.now();
      process.kill(killed!, 'SIGKILL');
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const ready = await fetch(`${hub.url}/readyz`).then((response) => response.status, () => 0);
        if (ready === 200 && runningPostmaster(join(dataDir, 'postgres')) !== killed) break;
        if (Date.now() - at > 30_000) throw new Error('the hub was not ready again within 30 s');
      }
      readyAgainMs = Date.now() - at;
    };
    const kills: Promise<void>[] = [];
    const addComment = async (i: number) => {
      for (let attempt = 0; attempt < 600; attempt++) {
        const result = await http.request<{ addComment: { id: string } }>(ADD_COMMENT, { input: { taskId, body: `kill ${i}`, idempotencyKey: `kill-${i}` } }).catch(() => null);
        if (result?.data?.addComment) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`comment ${i} could not be added`);
    };
    await Promise.all(
      Array.from({ length: LANES }, async (_, lane) => {
        for (let i = lane; i < COMMENTS; i += LANES) {
          await addComment(i);
          if (++added === COMMENTS / 3) kills.push(kill());
        }
      }),
    );
    await Promise.all(kills);

    expect(failures).toEqual([]);
    expect(readyAgainMs).toBeLessThan(30_000);
    const rows = await hub.orm.em.fork().execute<{ body: string }[]>(`select body from comment where task_id = ? and body like 'kill %'`, [taskId]);
    expect(rows.map((row) => row.body).sort()).toEqual(Array.from({ length: COMMENTS }, (_, i) => `kill ${i}`).sort());
    // The live stream caught up through the renewed listener: every comment, once, in commit order.
    const committed = await hub.orm.em
      .fork()
      .execute<{ entity_id: string }[]>(`select entity_id from outbox_event where type = 'comment.added' and task_id = ? order by seq`, [taskId]);
    const events = await subscription.until((received) => received.length >= COMMENTS, 60_000);
    expect(events.map((event) => event.commentId)).toEqual(committed.map((row) => row.entity_id));
  });
});

describe('a hub on DATABASE_URL whose server goes away for a while', () => {
  let dataDir: string;
  let external: EmbeddedPostgres;
  let hub: EcoHubServer;
  let live: LiveClient | null = null;
  afterAll(async () => {
    await live?.close();
    await hub?.close();
    await external?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 on /readyz meanwhile and reconnects (pool and live listener) when it comes back', { timeout: 300_000 }, async () => {
    // A server of the test's own, reached over TCP like any external PostgreSQL.
    dataDir = mkdtempSync(join(tmpdir(), 'ecohub-external-'));
    chmodSync(dataDir, 0o755);
    const port = await freePort();
    const startExternal = async () => {
      external = await startEmbeddedPostgres({ dataDir, port, logger: silent });
    };
    await startExternal();
    await ensureDatabaseExists(external.url(), 'ecohub');
    hub = await createServer(
      loadConfig({ NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: external.url('ecohub'), SEED_ON_START: 'true', LOG_LEVEL: 'silent' }),
      // No safety poll: only the renewed LISTEN can explain a live delivery after the outage.
      { logger: silent, realtime: { safetyPollMs: 600_000 } },
    );
    const http = await new TestClient(hub.url).signInAs('admin@ecohub.kr');
    const [task] = await hub.orm.em.fork().execute<{ id: string }[]>('select id from task order by id limit 1');
    live = new LiveClient(hub.url, { cookie: http.cookie });
    const subscription = live.subscribe<{ seq: number; commentId: string }>(COMMENT_CHANGED, { taskId: task!.id });
    await subscribed(hub, 1);

    await external.stop();
    expect((await fetch(`${hub.url}/readyz`)).status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
    await startExternal();

    const back = Date.now();
    while ((await fetch(`${hub.url}/readyz`)).status !== 200) {
      if (Date.now() - back > 30_000) throw new Error('not ready again within 30 s of the database coming back');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    let added: string | null = null;
    while (!added) {
      const result = await http.request<{ addComment: { id: string } }>(ADD_COMMENT, { input: { taskId: task!.id, body: 'after the outage', idempotencyKey: 'outage-1' } });
      added = result.data?.addComment.id ?? null;
      if (!added && Date.now() - back > 30_000) throw new Error(`no write within 30 s: ${JSON.stringify(result.errors)}`);
      if (!added) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const events = await subscription.until((received) => received.some((event) => event.commentId === added), 20_000);
    expect(events.filter((event) => event.commentId === added)).toHaveLength(1);
  });
});
