import { afterAll, describe, expect, it } from 'vitest';
import { LiveClient, type LiveSubscription } from '../../testing/live-client.ts';
import { redisAnswers, TEST_REDIS_URL } from '../../testing/redis.ts';
import { startTestServer, TestClient, type TestServer } from '../../testing/index.ts';

const REDIS_URL = TEST_REDIS_URL;
/** A short TTL so that expiry is observable within the test; the heartbeat keeps subscribers alive meanwhile. */
const PRESENCE = { presence: { ttlMs: 2_000, heartbeatMs: 500 } };

const PRESENCE_SUBSCRIPTION = `subscription($topic: PresenceTopicInput!) { presence(topic: $topic) { people { personId name state } } }`;
const REPORT = `mutation($topic: PresenceTopicInput!, $state: PresenceState!) { reportPresence(topic: $topic, state: $state) }`;
type Update = { seq: number; people: { personId: string; name: string; state: string }[] };

const redisAvailable = await redisAnswers();
if (!redisAvailable) console.warn(`SKIPPED: no Redis answers at ${REDIS_URL}; the Redis case of presence.test.ts did not run`);

/** The last list received, as `name:state`. */
function last(subscription: LiveSubscription<Update>): string[] {
  return (subscription.events.at(-1)?.people ?? []).map((person) => `${person.personId}:${person.state}`);
}

describe.each([
  { bus: 'PostgreSQL NOTIFY', env: {}, run: true },
  { bus: 'Redis pub/sub', env: { REDIS_URL }, run: redisAvailable },
])('presence across two instances ($bus)', ({ env, run }) => {
  const hubs: TestServer[] = [];
  const clients: LiveClient[] = [];
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    for (const hub of hubs.reverse()) await hub.close();
  });

  it.runIf(run)('shows a viewer on B to a viewer on A, their edits, and their leaving; refuses a task the viewer cannot see', async ({ annotate }) => {
    const a = await startTestServer({ env, realtime: PRESENCE });
    hubs.push(a);
    const b = await startTestServer({ env, realtime: PRESENCE, databaseUrl: a.databaseUrl });
    hubs.push(b);
    const em = a.server.orm.em.fork();
    const [task] = await em.execute<{ id: string; company_id: string }[]>('select id, company_id from task order by id limit 1');
    const [manager] = await em.execute<{ id: string; email: string }[]>(
      `select p.id, p.email from person p where p.role = 'PROGRAM_MANAGER' and p.disabled_at is null order by p.id limit 1`,
    );
    const [outsider] = await em.execute<{ id: string; email: string }[]>(
      `select id, email from person where role = 'COMPANY_STAFF' and disabled_at is null and company_id <> ? order by id limit 1`,
      [task!.company_id],
    );
    await em.execute(`update person set password_hash = (select password_hash from person where email = 'admin@ecohub.kr') where id in (?, ?)`, [
      manager!.id,
      outsider!.id,
    ]);
    const [admin] = await em.execute<{ id: string }[]>(`select id from person where email = 'admin@ecohub.kr'`);
    const adminOnA = await new TestClient(a.url).signInAs('admin@ecohub.kr');
    const managerOnB = await new TestClient(b.url).signInAs(manager!.email);
    const topic = { page: 'TASK', id: task!.id };

    const onA = new LiveClient(a.url, { cookie: adminOnA.cookie, retry: false });
    clients.push(onA);
    const watching = onA.subscribe<Update>(PRESENCE_SUBSCRIPTION, { topic });
    await watching.until(() => last(watching).join() === `${admin!.id}:VIEWING`);

    const onB = new LiveClient(b.url, { cookie: managerOnB.cookie, retry: false });
    clients.push(onB);
    const arrived = performance.now();
    const other = onB.subscribe<Update>(PRESENCE_SUBSCRIPTION, { topic });
    await watching.until(() => last(watching).includes(`${manager!.id}:VIEWING`));
    const arrivalMs = performance.now() - arrived;
    // B sees A too: presence goes both ways.
    await other.until(() => last(other).includes(`${admin!.id}:VIEWING`));
    expect(watching.events.at(-1)!.people.find((person) => person.personId === manager!.id)!.name).not.toBe('');

    // EDITING until reported VIEWING again, which ends it at once.
    await managerOnB.data(REPORT, { topic, state: 'EDITING' });
    await watching.until(() => last(watching).includes(`${manager!.id}:EDITING`));
    await managerOnB.data(REPORT, { topic, state: 'VIEWING' });
    await watching.until(() => last(watching).includes(`${manager!.id}:VIEWING`), 1_000);

    // Reported through B's HTTP endpoint: TYPING on A, back to VIEWING once the report's TTL passes.
    expect(await managerOnB.data(REPORT, { topic, state: 'TYPING' })).toEqual({ reportPresence: true });
    await watching.until(() => last(watching).includes(`${manager!.id}:TYPING`));
    await watching.until(() => last(watching).includes(`${manager!.id}:VIEWING`), 5_000);
    // The subscriber itself stays past several TTLs: the heartbeat keeps it.
    expect(last(watching)).toContain(`${manager!.id}:VIEWING`);

    // The tab closes: gone on A well within the TTL.
    const closed = performance.now();
    await onB.close();
    await watching.until(() => !last(watching).some((entry) => entry.startsWith(manager!.id)), 2_000);
    const leaveMs = performance.now() - closed;
    await annotate(`presence over ${env.REDIS_URL ? 'Redis' : 'PostgreSQL'}: arrival ${arrivalMs.toFixed(1)} ms, leaving ${leaveMs.toFixed(1)} ms`);

    // Staff of another company can neither watch nor report on this task.
    const outsiderOnB = await new TestClient(b.url).signInAs(outsider!.email);
    const refused = new LiveClient(b.url, { cookie: outsiderOnB.cookie, retry: false });
    clients.push(refused);
    const error = await refused.subscribe<Update>(PRESENCE_SUBSCRIPTION, { topic }).error();
    expect(error.extensions?.code).toBe('NOT_FOUND');
    const report = await outsiderOnB.request(REPORT, { topic, state: 'EDITING' });
    expect(report.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(last(watching)).toEqual([`${admin!.id}:VIEWING`]);

    // Instance B dies without a word (its heartbeat stops): its viewers are gone on A after the TTL.
    const again = new LiveClient(b.url, { cookie: managerOnB.cookie, retry: false });
    clients.push(again);
    again.subscribe<Update>(PRESENCE_SUBSCRIPTION, { topic });
    await watching.until(() => last(watching).includes(`${manager!.id}:VIEWING`));
    const silenced = performance.now();
    await b.server.services.realtime.presence.close();
    await watching.until(() => last(watching).join() === `${admin!.id}:VIEWING`, 4_000);
    const expiredMs = performance.now() - silenced;
    expect(expiredMs).toBeGreaterThanOrEqual(PRESENCE.presence.ttlMs - PRESENCE.presence.heartbeatMs - 100);
    await annotate(`presence of a silent instance expired after ${expiredMs.toFixed(0)} ms (TTL ${PRESENCE.presence.ttlMs} ms)`);
  });
});
