import { Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { EventType } from '../../core/realtime/event-types.ts';
import { LiveClient } from '../../testing/live-client.ts';
import { startTestServer, TestClient, type TestServer } from '../../testing/index.ts';
import { publish, seedIds, SHARED, subscribed } from './live.test-kit.ts';

const REDIS_URL = 'redis://127.0.0.1:6379';
/** Long enough that only the bus can explain a delivery within the test's time. */
const NO_POLL = { safetyPollMs: 600_000 };

const ACTIVITY = `subscription($companyId: ID, $since: SafeInt) {
  activityAdded(companyId: $companyId, since: $since) { seq entry { action entityId } }
}`;
type Activity = { seq: number; entry: { action: string; entityId: string } };

function redisAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(6379, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

const redisAvailable = await redisAnswers();
if (!redisAvailable) console.warn(`SKIPPED: no Redis answers at ${REDIS_URL}; the Redis bus case of live-instances.test.ts did not run`);

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

  it.runIf(run)('delivers to a subscriber on instance A a comment added through instance B', async () => {
    const a = await startTestServer({ env, realtime: NO_POLL });
    hubs.push(a);
    const b = await startTestServer({ env, realtime: NO_POLL, databaseUrl: a.databaseUrl });
    hubs.push(b);
    const ids = await seedIds(a.server);
    const http = new TestClient(a.url);
    await http.signInAs('admin@ecohub.kr');
    const client = new LiveClient(a.url, { cookie: http.cookie, retry: false });
    clients.push(client);
    const activity = client.subscribe<Activity>(ACTIVITY, { companyId: ids.companyId });
    await subscribed(a.server, 1);

    const latencies: number[] = [];
    for (let i = 0; i < 20; i++) {
      const commentId = `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`;
      await publish(b.server, { type: EventType.COMMENT_ADDED, entityId: commentId, companyId: ids.companyId, taskId: ids.taskId, payload: SHARED });
      const committed = performance.now();
      await activity.until((events) => events.length === i + 1);
      latencies.push(performance.now() - committed);
    }
    expect(activity.events.map((event) => event.entry.entityId)).toEqual(
      Array.from({ length: 20 }, (_, i) => `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`),
    );
    latencies.sort((x, y) => x - y);
    console.info(`cross-instance commit→receipt over ${env.REDIS_URL ? 'Redis' : 'PostgreSQL'}: p50 ${latencies[10]?.toFixed(1)} ms, max ${latencies[19]?.toFixed(1)} ms`);
    expect(a.server.services.realtime.busConnected).toBe(true);
  });
});
