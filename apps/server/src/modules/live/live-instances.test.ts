import { afterAll, describe, expect, it, vi } from 'vitest';
import { LiveClient } from '../../testing/live-client.ts';
import { redisAnswers, TEST_REDIS_URL } from '../../testing/redis.ts';
import { startTestServer, TestClient, type TestServer } from '../../testing/index.ts';
import { subscribed } from './live.test-kit.ts';

const REDIS_URL = TEST_REDIS_URL;
/** CI sets TEST_REDIS_REQUIRED=1 (.ci/run): there a missing Redis fails the run, never skips. */
const redisRequired = process.env.TEST_REDIS_REQUIRED === '1';
/** Long enough that only the bus can explain a delivery within the test's time. */
const NO_POLL = { safetyPollMs: 600_000 };

const COMMENT_CHANGED = `subscription($taskId: ID!) {
  commentChanged(taskId: $taskId) { seq commentId comment { body } }
}`;
type CommentEvent = { seq: number; commentId: string; comment: { body: string } | null };
const ADD_COMMENT = `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`;

const redisAvailable = await redisAnswers();
if (!redisAvailable) console.warn(`SKIPPED: no Redis answers at ${REDIS_URL}; the Redis bus case of live-instances.test.ts did not run`);

describe('the Redis bus case', () => {
  it.runIf(redisRequired)(`has a Redis answering at ${REDIS_URL} (TEST_REDIS_REQUIRED=1)`, () => {
    expect(redisAvailable).toBe(true);
  });
});

describe.each([
  { bus: 'PostgreSQL LISTEN/NOTIFY', env: {}, run: true },
  { bus: 'Redis pub/sub', env: { REDIS_URL }, run: redisAvailable },
])('two instances on one database ($bus)', ({ env, run }) => {
  const hubs: TestServer[] = [];
  const clients: LiveClient[] = [];
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    for (const hub of hubs.reverse()) await hub.close();
  });

  it.runIf(run)('delivers to a subscriber on instance A a comment added through instance B, from the announced batch without reading the outbox', async ({ annotate }) => {
    const a = await startTestServer({ env, realtime: NO_POLL });
    hubs.push(a);
    const b = await startTestServer({ env, realtime: NO_POLL, databaseUrl: a.databaseUrl });
    hubs.push(b);
    const [task] = await a.server.orm.em.fork().execute<{ id: string }[]>('select id from task order by id limit 1');
    const onA = await new TestClient(a.url).signInAs('admin@ecohub.kr');
    const onB = await new TestClient(b.url).signInAs('admin@ecohub.kr');
    const client = new LiveClient(a.url, { cookie: onA.cookie, retry: false });
    clients.push(client);
    const comments = client.subscribe<CommentEvent>(COMMENT_CHANGED, { taskId: task!.id });
    await subscribed(a.server, 1);
    await a.server.services.realtime.dispatcher.caughtUp();
    const reads = vi.spyOn(a.server.services.realtime.store, 'readAfter');

    const latencies: number[] = [];
    const added: string[] = [];
    for (let i = 0; i < 20; i++) {
      const result = await onB.data<{ addComment: { id: string } }>(ADD_COMMENT, { input: { taskId: task!.id, body: `through B ${i}` } });
      const committed = performance.now();
      added.push(result.addComment.id);
      await comments.until((events) => events.length === i + 1);
      latencies.push(performance.now() - committed);
    }
    expect(comments.events.map((event) => event.commentId)).toEqual(added);
    expect(comments.events.map((event) => event.comment?.body)).toEqual(added.map((_, i) => `through B ${i}`));
    latencies.sort((x, y) => x - y);
    await annotate(`cross-instance response→receipt over ${env.REDIS_URL ? 'Redis' : 'PostgreSQL'}: p50 ${latencies[10]?.toFixed(1)} ms, max ${latencies[19]?.toFixed(1)} ms`);
    expect(a.server.services.realtime.busConnected).toBe(true);
    expect(reads).not.toHaveBeenCalled();
  });
});
