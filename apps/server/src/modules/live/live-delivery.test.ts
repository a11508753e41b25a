import { audience } from '../../core/auth/visibility.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { EventType } from '../../core/realtime/event-types.ts';
import { LiveClient } from '../../testing/live-client.ts';
import { startTestServer, TestClient, type TestServer } from '../../testing/index.ts';
import { publish, seedIds, subscribed, type SeedIds } from './live.test-kit.ts';

const ACTIVITY = `subscription($companyId: ID, $since: SafeInt) {
  activityAdded(companyId: $companyId, since: $since) { seq entry { id action entityId } }
}`;
type Activity = { seq: number; entry: { id: string; action: string; entityId: string } };

const TASKS = `subscription($companyId: ID, $since: SafeInt) {
  taskChanged(companyId: $companyId, since: $since) { seq kind taskId task { id title description } }
}`;
type TaskEvent = { seq: number; kind: string; taskId: string; task: { id: string; description: string | null } | null };

const QUEUE_LIMIT = 20;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** A graphql-ws client that subscribes and then stops reading its socket. */
async function stuckClient(
  url: string,
  cookie: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ closed: Promise<void>; resume(): void }> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers: { cookie } });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(JSON.stringify({ type: 'connection_init' }));
  await new Promise<void>((resolve) => socket.once('message', () => resolve()));
  socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const tcp = (socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
  tcp.pause();
  return { closed, resume: () => tcp.resume() };
}

describe('live delivery', () => {
  let hub: TestServer;
  let ids: SeedIds;
  const clients: LiveClient[] = [];

  async function signedIn(email: string): Promise<string> {
    const http = new TestClient(hub.url);
    await http.signInAs(email);
    return http.cookie as string;
  }

  async function live(email: string): Promise<LiveClient> {
    const client = new LiveClient(hub.url, { cookie: await signedIn(email), retry: false });
    clients.push(client);
    return client;
  }

  beforeAll(async () => {
    hub = await startTestServer({ realtime: { queueLimit: QUEUE_LIMIT } });
    ids = await seedIds(hub.server);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await hub.close();
  });

  it('delivers an event within milliseconds of its commit', async ({ annotate }) => {
    const client = await live('admin@ecohub.kr');
    const before = hub.server.services.realtime.subscriptions;
    const activity = client.subscribe<Activity>(ACTIVITY, { companyId: ids.companyId });
    await subscribed(hub.server, before + 1);
    const latencies: number[] = [];
    for (let i = 0; i < 100; i++) {
      await publish(hub.server, { type: EventType.TASK_UPDATED, entityId: ids.taskId, companyId: ids.companyId, taskId: ids.taskId });
      const committed = performance.now();
      await activity.until((events) => events.length === i + 1);
      latencies.push(performance.now() - committed);
    }
    await annotate(`commit→receipt on one instance (activityAdded): p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`);
    expect(percentile(latencies, 50)).toBeLessThan(250);
    activity.unsubscribe();
  });

  it('stops delivering a company to an expert at once when they leave the team serving it', async () => {
    const em = hub.server.orm.em.fork();
    // An expert who serves the company only through one team membership (not as its lead).
    const [member] = await em.execute<{ email: string; person_id: string; team_id: string; company_id: string }[]>(
      `select p.email, m.person_id, m.team_id, pa.company_id
         from team_membership m
         join expert_team t on t.id = m.team_id and t.lead_id <> m.person_id
         join person p on p.id = m.person_id
         join participation pa on pa.team_id = t.id
        where not exists (select 1 from team_membership o where o.person_id = m.person_id and o.team_id <> m.team_id)
          and not exists (select 1 from expert_team l where l.lead_id = m.person_id)
        limit 1`,
    );
    if (!member) throw new Error('the seed has no plain team member');
    const expert = await live(member.email);
    const before = hub.server.services.realtime.subscriptions;
    const everything = expert.subscribe<Activity>(ACTIVITY, {});
    await subscribed(hub.server, before + 1);

    await publish(hub.server, { type: EventType.TASK_UPDATED, entityId: ids.taskId, companyId: member.company_id });
    await everything.until((events) => events.length === 1);

    await publish(hub.server, { type: EventType.ACCESS_CHANGED, entityId: member.person_id }, (tx) =>
      tx.execute('delete from team_membership where person_id = ? and team_id = ?', [member.person_id, member.team_id]),
    );
    await publish(hub.server, { type: EventType.TASK_MOVED, entityId: ids.taskId, companyId: member.company_id });
    await publish(hub.server, { type: EventType.EVENT_CHANGED, entityId: ids.programYearId, programYearId: ids.programYearId, audience: audience.program() });

    // Delivery is in order: once the program-wide event arrives, the company's was withheld.
    const events = await everything.until((received) => received.length === 2);
    expect(events.map((event) => event.entry.action)).toEqual([EventType.TASK_UPDATED, EventType.EVENT_CHANGED]);
  });

  it('disconnects a client that stops reading (bounded queue) without delaying a healthy one', async ({ annotate }) => {
    const em = hub.server.orm.em.fork();
    // Large events fill the socket buffers quickly, so the stuck client's queue overflows soon.
    await em.execute(`update task set description = repeat('물', 30000) where id = ?`, [ids.taskId]);
    const admin = await signedIn('admin@ecohub.kr');
    const healthyClient = await live('admin@ecohub.kr');
    const before = hub.server.services.realtime.subscriptions;
    const healthy = healthyClient.subscribe<TaskEvent>(TASKS, { companyId: ids.companyId });
    await subscribed(hub.server, before + 1);

    const committedAt: number[] = [];
    const write = async () => {
      await publish(hub.server, { type: EventType.TASK_UPDATED, entityId: ids.taskId, companyId: ids.companyId, taskId: ids.taskId });
      committedAt.push(performance.now());
      // One event at a time: the latency measured is the delivery's, not a backlog's.
      await healthy.until((events) => events.length === committedAt.length);
    };
    for (let i = 0; i < 20; i++) await write();
    const alone = healthy.receivedAt.map((at, i) => at - (committedAt[i] as number));

    const stuck = await stuckClient(hub.url, admin, TASKS, { companyId: ids.companyId });
    await subscribed(hub.server, before + 2);
    const firstBeside = committedAt.length;
    // Keep writing until the server has cut the stuck client off (bounded: a broken limit fails).
    while (hub.server.services.realtime.subscriptions > before + 1 && committedAt.length < firstBeside + 500) await write();
    expect(hub.server.services.realtime.subscriptions).toBe(before + 1);
    const beside = healthy.receivedAt.slice(firstBeside).map((at, i) => at - (committedAt[firstBeside + i] as number));

    const summary = (latencies: number[]) => `p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`;
    await annotate(
      `commit→receipt of ~90 kB task events: alone ${summary(alone)}; beside a stuck client (cut off after ${beside.length} events) ${summary(beside)}`,
    );
    expect(percentile(beside, 50)).toBeLessThan(percentile(alone, 50) * 3 + 20);
    stuck.resume();
    await stuck.closed;
  });
});
