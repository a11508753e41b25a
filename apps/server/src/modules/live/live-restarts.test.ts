import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDatabaseExists } from '../../core/database/database.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../core/database/embedded-postgres.ts';
import { LiveClient, type LiveSubscription } from '../../testing/live-client.ts';
import { freePort, startTestServer, TestClient, type TestServer } from '../../testing/index.ts';

const COMMENTS = 500;
const LANES = 8;
const COMMENT_CHANGED = `subscription($taskId: ID!, $since: SafeInt) {
  commentChanged(taskId: $taskId, since: $since) { seq kind commentId comment { id body } }
}`;
type CommentEvent = { seq: number; kind: string; commentId: string; comment: { id: string; body: string } | null };
const ADD_COMMENT = `mutation($input: AddCommentInput!) { addComment(input: $input) { id body } }`;

function body(i: number): string {
  return `comment ${String(i).padStart(4, '0')}`;
}

/**
 * Reliability end to end, on a database of its own that the test can restart: instance A is
 * restarted at comment 150 and PostgreSQL itself at comment 300, while eight writers add comments
 * through both instances (each retrying with its idempotency key whenever it gets no answer) and
 * three subscribers (two on A, one on B) resume with `since` whenever their socket drops. Every
 * subscriber must end with the comments in commit order, each exactly once.
 */
describe('no lost comments across an instance restart and a database restart', () => {
  let dataDir: string;
  let port: number;
  let postgres: EmbeddedPostgres;
  let databaseUrl: string;
  let a: TestServer;
  let b: TestServer;
  let aReady: Promise<TestServer>;
  const clients: LiveClient[] = [];

  const startPostgres = async () => {
    postgres = await startEmbeddedPostgres({ dataDir, port, ephemeral: true });
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ecohub-live-restarts-'));
    chmodSync(dataDir, 0o755);
    port = await freePort();
    await startPostgres();
    await ensureDatabaseExists(postgres.url(), 'ecohub');
    databaseUrl = postgres.url('ecohub');
    a = await startTestServer({ databaseUrl, env: { SEED_ON_START: 'true' } });
    b = await startTestServer({ databaseUrl });
    aReady = Promise.resolve(a);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await (await aReady).close();
    await b.close();
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers every comment to every subscriber exactly once, in order', { timeout: 180_000 }, async () => {
    const http = new TestClient(b.url);
    await http.signInAs('admin@ecohub.kr');
    const [task] = await b.server.orm.em.fork().execute<{ id: string }[]>('select id from task order by id limit 1');
    const taskId = task!.id;
    const since = (await http.data<{ liveSequence: number }>('{ liveSequence }')).liveSequence;

    const subscribe = (url: () => Promise<string>) => {
      const client = new LiveClient(url, { cookie: http.cookie });
      clients.push(client);
      return client.subscribe<CommentEvent>(COMMENT_CHANGED, { taskId, since });
    };
    const onA = async () => (await aReady).url;
    const subscribers: LiveSubscription<CommentEvent>[] = [subscribe(onA), subscribe(onA), subscribe(async () => b.url)];

    // Writers in parallel, alternating between the instances; positions decide the order.
    const restarts: Promise<void>[] = [];
    let added = 0;
    const lane = async (first: number) => {
      for (let i = first; i < COMMENTS; i += LANES) {
        await addComment(i, i % 2 === 0 ? onA : async () => b.url);
        added++;
        if (added === 150) restarts.push(restartInstanceA());
        if (added === 300) restarts.push(restartDatabase());
      }
    };
    await Promise.all(Array.from({ length: LANES }, (_, first) => lane(first)));
    await Promise.all(restarts);

    const committed = await b.server.orm.em
      .fork()
      .execute<{ entity_id: string }[]>(`select entity_id from outbox_event where type = 'comment.added' and task_id = ? order by seq`, [taskId]);
    expect(committed).toHaveLength(COMMENTS);
    for (const subscriber of subscribers) {
      const events = await subscriber.until((received) => received.length >= COMMENTS, 60_000);
      expect(events.map((event) => event.commentId)).toEqual(committed.map((row) => row.entity_id));
      expect(new Set(events.map((event) => event.comment?.body))).toEqual(new Set(Array.from({ length: COMMENTS }, (_, i) => body(i))));
      for (let first = 0; first < LANES; first++) {
        const laneBodies = events.map((event) => event.comment?.body).filter((text) => Number(text?.slice(8)) % LANES === first);
        expect(laneBodies).toEqual([...laneBodies].sort());
      }
    }
    const [count] = await b.server.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from comment where task_id = ? and body like ?', [taskId, 'comment %']);
    expect(Number(count?.n)).toBe(COMMENTS);

    /** One comment, retried with the same idempotency key until an answer arrives. */
    async function addComment(i: number, url: () => Promise<string>): Promise<string> {
      for (let attempt = 0; ; attempt++) {
        try {
          const client = new TestClient(await url());
          client.cookie = http.cookie;
          const result = await client.request<{ addComment: { id: string } }>(ADD_COMMENT, {
            input: { taskId, body: body(i), idempotencyKey: `restarts-${i}` },
          });
          if (result.data?.addComment) return result.data.addComment.id;
        } catch {
          // No answer (instance restarting): the same key makes the retry safe.
        }
        if (attempt > 400) throw new Error(`comment ${i} could not be added`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  });

  async function restartInstanceA(): Promise<void> {
    let started!: (server: TestServer) => void;
    aReady = new Promise((resolve) => {
      started = resolve;
    });
    await a.close();
    a = await startTestServer({ databaseUrl });
    started(a);
  }

  async function restartDatabase(): Promise<void> {
    await postgres.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await startPostgres();
  }
});
