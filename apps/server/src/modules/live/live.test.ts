import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventType } from '../../core/realtime/event-types.ts';
import { LiveClient } from '../../testing/live-client.ts';
import { startTestServer, TestClient, type TestServer } from '../../testing/index.ts';
import { appendToOutbox } from '../../core/realtime/outbox.ts';
import { INTERNAL, publish, publishAndRollBack, seedIds, SHARED, subscribed, until, type SeedIds } from './live.test-kit.ts';

const ACTIVITY = `subscription($companyId: ID, $since: SafeInt) {
  activityAdded(companyId: $companyId, since: $since) { seq entry { id action entityId } }
}`;
type Activity = { seq: number; entry: { id: string; action: string; entityId: string } };

const ADMIN = 'admin@ecohub.kr';
const STAFF = 'staff@hanilplating.co.kr';
const OBSERVER = 'observer@ansan.go.kr';

describe('live subscriptions over graphql-ws', () => {
  let hub: TestServer;
  let ids: SeedIds;
  const clients: LiveClient[] = [];

  async function live(email: string | null): Promise<LiveClient> {
    const http = new TestClient(hub.url);
    if (email) await http.signInAs(email);
    const client = new LiveClient(hub.url, { cookie: http.cookie, retry: false });
    clients.push(client);
    return client;
  }

  async function staffCompanyId(): Promise<string> {
    const [row] = await hub.server.orm.em.fork().execute<{ company_id: string }[]>('select company_id from person where email = ?', [STAFF]);
    return row!.company_id;
  }

  beforeAll(async () => {
    hub = await startTestServer();
    ids = await seedIds(hub.server);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await hub.close();
  });

  it('publishes an event only when its transaction commits: a rolled-back change emits nothing', async () => {
    const admin = await live(ADMIN);
    const before = hub.server.services.realtime.subscriptions;
    const activity = admin.subscribe<Activity>(ACTIVITY, { companyId: ids.companyId });
    await subscribed(hub.server, before + 1);

    const rolledBackId = '00000000-0000-7000-8000-00000000dead';
    await publishAndRollBack(hub.server, { type: EventType.TASK_UPDATED, entityId: rolledBackId, companyId: ids.companyId, taskId: rolledBackId, payload: { activityId: rolledBackId } });
    await publish(hub.server, { type: EventType.TASK_MOVED, companyId: ids.companyId, taskId: ids.taskId });

    const [event] = await activity.until((events) => events.length >= 1);
    expect(event?.entry).toMatchObject({ action: EventType.TASK_MOVED, entityId: ids.taskId });
    const rows = await hub.server.orm.em.fork().execute('select 1 from outbox_event where entity_id = ?', [rolledBackId]);
    expect(rows).toHaveLength(0);
    await hub.server.services.realtime.dispatcher.caughtUp();
    expect(activity.events).toHaveLength(1);
    activity.unsubscribe();
  });

  it('replays the events after `since`, then continues live, with no gap or duplicate across the seam', async () => {
    const admin = await live(ADMIN);
    const since = await hub.server.services.realtime.store.position();
    for (let i = 0; i < 30; i++) await publish(hub.server, { type: EventType.TASK_UPDATED, companyId: ids.companyId, taskId: ids.taskId });
    const before = hub.server.services.realtime.subscriptions;
    const activity = admin.subscribe<Activity>(ACTIVITY, { companyId: ids.companyId, since });
    // Events keep coming while the replay runs: some land in the replay, some in the live queue.
    const writing = (async () => {
      await subscribed(hub.server, before + 1);
      for (let i = 0; i < 30; i++) await publish(hub.server, { type: EventType.TASK_MOVED, companyId: ids.companyId, taskId: ids.taskId });
    })();
    await writing;
    const events = await activity.until((received) => received.length >= 60);
    const expected = await hub.server.orm.em
      .fork()
      .execute<{ seq: string }[]>('select seq from outbox_event where seq > ? and company_id = ? order by seq', [since, ids.companyId]);
    expect(events.map((event) => event.seq)).toEqual(expected.map((row) => Number(row.seq)));
    expect(events.map((event) => event.entry.action)).toEqual([...Array(30).fill(EventType.TASK_UPDATED), ...Array(30).fill(EventType.TASK_MOVED)]);
    activity.unsubscribe();
  });

  it('tells a client resuming from before the retained outbox to refetch (CONFLICT, RESYNC_REQUIRED)', async () => {
    const admin = await live(ADMIN);
    await publish(hub.server, { type: EventType.TASK_UPDATED, companyId: ids.companyId, taskId: ids.taskId });
    const em = hub.server.orm.em.fork();
    await em.execute(`update outbox_event set created_at = now() - interval '1000 hours'`);
    expect(await hub.server.services.realtime.store.prune(1)).toBeGreaterThan(0);

    const stale = admin.subscribe<Activity>(ACTIVITY, { companyId: ids.companyId, since: 1 });
    expect(await stale.error()).toMatchObject({ extensions: { code: 'CONFLICT', reason: 'RESYNC_REQUIRED' } });

    const future = admin.subscribe<Activity>(ACTIVITY, { companyId: ids.companyId, since: 1e12 });
    expect(await future.error()).toMatchObject({ extensions: { code: 'CONFLICT', reason: 'RESYNC_REQUIRED' } });

    // Resuming from the current position still works after pruning.
    const since = await hub.server.services.realtime.store.position();
    const before = hub.server.services.realtime.subscriptions;
    const fresh = admin.subscribe<Activity>(ACTIVITY, { companyId: ids.companyId, since });
    await subscribed(hub.server, before + 1);
    await publish(hub.server, { type: EventType.TASK_MOVED, companyId: ids.companyId, taskId: ids.taskId });
    expect((await fresh.until((events) => events.length === 1))[0]?.seq).toBeGreaterThan(since);
    fresh.unsubscribe();
  });

  it('ends a subscription whose event cannot be rendered with RESYNC_REQUIRED instead of retrying it forever', async () => {
    const admin = await live(ADMIN);
    const before = hub.server.services.realtime.subscriptions;
    const activity = admin.subscribe<Activity>(ACTIVITY, { companyId: ids.companyId });
    await subscribed(hub.server, before + 1);
    // A history entry id PostgreSQL rejects: loading the entry fails every time, with the database up.
    const batch = await hub.server.orm.em.fork().transactional((em) =>
      appendToOutbox(em, [{ type: EventType.TASK_UPDATED, entityId: ids.taskId, companyId: ids.companyId, taskId: ids.taskId, payload: { activityId: 'not-a-uuid' } }]),
    );
    if (batch) hub.server.services.outboxCommitted(batch);
    expect(await activity.error()).toMatchObject({ extensions: { code: 'CONFLICT', reason: 'RESYNC_REQUIRED', detail: 'RENDER_FAILED' } });
    await until(() => hub.server.services.realtime.subscriptions === before);
  });

  it('refuses anonymous sockets, other tenants and roles that never see the data', async () => {
    // Identity refuses a socket without a session at connect (4401).
    const anonymous = (await live(null)).subscribe<Activity>(ACTIVITY, { companyId: ids.companyId });
    expect((await anonymous.error()).extensions?.closeCode).toBe(4401);

    const staff = await live(STAFF);
    const otherCompany = ids.companyId === (await staffCompanyId()) ? ids.otherCompanyId : ids.companyId;
    const foreign = staff.subscribe<Activity>(ACTIVITY, { companyId: otherCompany });
    expect((await foreign.error()).extensions?.code).toBe('NOT_FOUND');

    const observer = (await live(OBSERVER)).subscribe<Activity>(ACTIVITY, {});
    expect((await observer.error()).extensions?.code).toBe('FORBIDDEN');
  });

  it('never delivers internal comment events to company staff', async () => {
    const companyId = await staffCompanyId();
    const staff = await live(STAFF);
    const admin = await live(ADMIN);
    const before = hub.server.services.realtime.subscriptions;
    const staffEvents = staff.subscribe<Activity>(ACTIVITY, { companyId });
    const adminEvents = admin.subscribe<Activity>(ACTIVITY, { companyId });
    await subscribed(hub.server, before + 2);

    const taskId = '00000000-0000-7000-8000-00000000c0de';
    await publish(hub.server, { type: EventType.COMMENT_ADDED, entityId: '00000000-0000-7000-8000-000000000001', companyId, taskId, payload: INTERNAL });
    await publish(hub.server, { type: EventType.COMMENT_ADDED, entityId: '00000000-0000-7000-8000-000000000002', companyId, taskId, payload: SHARED });

    await adminEvents.until((events) => events.length === 2);
    const received = await staffEvents.until((events) => events.length === 1);
    expect(received.map((event) => event.entry.entityId)).toEqual(['00000000-0000-7000-8000-000000000002']);
  });
});
