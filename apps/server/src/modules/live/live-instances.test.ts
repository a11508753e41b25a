import { afterAll, describe, expect, it, vi } from 'vitest';
import { appendToOutbox } from '../../core/realtime/outbox.ts';
import type { OutboxRow } from '../../core/realtime/outbox-store.ts';
import { LiveClient, type LiveSubscription } from '../../testing/live-client.ts';
import { redisAnswers, TEST_REDIS_URL } from '../../testing/redis.ts';
import { startTestServer, TestClient, type TestServer } from '../../testing/index.ts';
import { ACTIVITY_RECORD } from '../activity/index.ts';
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
const ACTIVITY_ADDED = `subscription {
  activityAdded { seq entry { id action entityType entityId summary createdAt changes { field from to } actor { id name role } company { id nameKo nameEn } } }
}`;
type ActivityEvent = { seq: number; entry: { entityId: string } & Record<string, unknown> };
type Feed = LiveSubscription<ActivityEvent>;

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

  it.runIf(run)('renders activityAdded on the other instance from the carried entry, with no statement, exactly as the committing instance renders it, to the same viewers', async () => {
    let counting = false;
    const statementsOnA: string[] = [];
    const a = await startTestServer({ env, realtime: NO_POLL, onQuery: (sql) => void (counting && !/update session/.test(sql) && statementsOnA.push(sql)) });
    hubs.push(a);
    const b = await startTestServer({ env, realtime: NO_POLL, databaseUrl: a.databaseUrl });
    hubs.push(b);
    const [staffTask, otherTask] = await a.server.orm.em.fork().execute<{ id: string }[]>(
      `(select t.id, 1 as n from task t join person p on p.company_id = t.company_id where p.email = 'staff@hanilplating.co.kr' order by t.id limit 1)
       union all
       (select t.id, 2 from task t where t.company_id <> (select company_id from person where email = 'staff@hanilplating.co.kr') order by t.id limit 1)
       order by n`,
    );
    const writer = await new TestClient(b.url).signInAs('admin@ecohub.kr');
    // An admin sees every entry; company staff only their company's shared work.
    const feeds = await Promise.all(
      [a, b].flatMap((hub) =>
        ['admin@ecohub.kr', 'staff@hanilplating.co.kr'].map(async (email) => {
          const client = new LiveClient(hub.url, { cookie: (await new TestClient(hub.url).signInAs(email)).cookie, retry: false });
          clients.push(client);
          return client.subscribe<ActivityEvent>(ACTIVITY_ADDED);
        }),
      ),
    );
    await Promise.all([subscribed(a.server, 2), subscribed(b.server, 2)]);
    const [adminOnA, staffOnA, adminOnB, staffOnB] = feeds as [Feed, Feed, Feed, Feed];
    const comment = async (taskId: string, body: string, visibility = 'SHARED') =>
      (await writer.data<{ addComment: { id: string } }>(ADD_COMMENT, { input: { taskId, body, visibility } })).addComment.id;

    // The first delivery reads each viewer's rights (cached until access changes): not counted.
    const warmUp = await comment(staffTask!.id, 'warm-up');
    await Promise.all(feeds.map((feed) => feed.until((events) => events.length === 1)));
    counting = true;
    const ownShared = await comment(staffTask!.id, 'shared, own company');
    await comment(staffTask!.id, 'internal, own company', 'INTERNAL');
    await comment(otherTask!.id, 'shared, other company');
    await Promise.all([adminOnA, adminOnB].map((feed) => feed.until((events) => events.length === 4)));
    await Promise.all([staffOnA, staffOnB].map((feed) => feed.until((events) => events.length === 2)));
    counting = false;

    expect(statementsOnA).toEqual([]);
    expect(adminOnA.events).toEqual(adminOnB.events);
    expect(staffOnA.events).toEqual(staffOnB.events);
    expect(staffOnA.events.map((event) => event.entry.entityId)).toEqual([warmUp, ownShared]);
    expect(adminOnA.events[1]).toMatchObject({ entry: { action: 'comment.added', actor: { name: expect.any(String) }, company: { nameKo: expect.any(String) } } });

    // Too large for a NOTIFY with its entries, a batch goes without them: A loads them (over
    // PostgreSQL; Redis carries them), to the same frames for the same viewers.
    const [shared] = await b.server.orm.em.fork().execute<OutboxRow[]>(
      `select type, entity_id, company_id, program_year_id, task_id, payload from outbox_event where task_id = ? and payload->>'visibility' = 'SHARED' order by seq desc limit 1`,
      [staffTask!.id],
    );
    const copies = Array.from({ length: 8 }, () => ({ type: shared!.type, entityId: shared!.entity_id, companyId: shared!.company_id, programYearId: shared!.program_year_id, taskId: shared!.task_id, payload: shared!.payload }));
    const large = await b.server.orm.em.fork().transactional((em) => appendToOutbox(em, copies, [ACTIVITY_RECORD]));
    counting = true;
    b.server.services.outboxCommitted(large!);
    expect(Buffer.byteLength(large!.message)).toBeGreaterThanOrEqual(8_000);
    await Promise.all([adminOnA, adminOnB].map((feed) => feed.until((events) => events.length === 12)));
    await Promise.all([staffOnA, staffOnB].map((feed) => feed.until((events) => events.length === 10)));
    counting = false;
    expect(statementsOnA.some((sql) => sql.includes('activity_entry'))).toBe(!env.REDIS_URL);
    expect(adminOnA.events).toEqual(adminOnB.events);
    expect(staffOnA.events).toEqual(staffOnB.events);
  });
});
