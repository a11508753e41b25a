import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_CHANGED } from '@ecohub/domain';
import WebSocket from 'ws';
import { EventType } from '../../core/realtime/event-types.ts';
import { LiveClient } from '../../testing/live-client.ts';
import { startTestServer, TestClient, type TestServer } from '../../testing/index.ts';
import { publish, subscribed } from './live.test-kit.ts';

/** Rights follow at once: a change committed through instance B reaches sockets open on instance A. */
const RIGHTS_FOLLOW_MS = 200;

const ACTIVITY = `subscription($companyId: ID) { activityAdded(companyId: $companyId) { seq entry { id action entityId } } }`;
type Activity = { seq: number; entry: { id: string; action: string; entityId: string } };

interface OpenSocket {
  /** Close code and `performance.now()` when the socket closed. */
  closed: Promise<{ code: number; at: number }>;
}

/** A signed-in graphql-ws socket with one subscription, open until the server closes it. */
async function openSocket(url: string, cookie: string, server: TestServer): Promise<OpenSocket> {
  const before = server.server.services.realtime.subscriptions;
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers: { cookie } });
  const closed = new Promise<{ code: number; at: number }>((resolve) => socket.once('close', (code) => resolve({ code, at: performance.now() })));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(JSON.stringify({ type: 'connection_init' }));
  await new Promise<void>((resolve) => socket.once('message', () => resolve()));
  socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: ACTIVITY, variables: {} } }));
  await subscribed(server.server, before + 1);
  return { closed };
}

describe('rights follow at once on every instance', () => {
  let a: TestServer;
  let b: TestServer;
  /** The admin, signed in on instance B. */
  let adminOnB: TestClient;
  const clients: LiveClient[] = [];
  const latencies: Record<string, number> = {};

  /** Gives a seeded person the demo password and signs them in on instance A. */
  async function signInOnA(personId: string): Promise<TestClient> {
    const em = a.server.orm.em.fork();
    await em.execute(`update person set password_hash = (select password_hash from person where email = 'admin@ecohub.kr') where id = ?`, [personId]);
    const [person] = await em.execute<{ email: string }[]>('select email from person where id = ?', [personId]);
    return new TestClient(a.url).signInAs(person!.email);
  }

  async function people(role: string, count: number): Promise<string[]> {
    const rows = await a.server.orm.em
      .fork()
      .execute<{ id: string }[]>(`select id from person where role = ? and disabled_at is null and email <> 'staff@hanilplating.co.kr' order by id limit ?`, [role, count]);
    if (rows.length < count) throw new Error(`the seed has fewer than ${count} ${role}`);
    return rows.map((row) => row.id);
  }

  /** Runs `change` through B and returns how long after its answer the socket on A closed. */
  async function closesAfter(socket: OpenSocket, change: () => Promise<unknown>): Promise<{ code: number; ms: number }> {
    await change();
    const answered = performance.now();
    const { code, at } = await socket.closed;
    return { code, ms: at - answered };
  }

  beforeAll(async () => {
    a = await startTestServer();
    b = await startTestServer({ databaseUrl: a.databaseUrl });
    adminOnB = await new TestClient(b.url).signInAs('admin@ecohub.kr');
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await b.close();
    await a.close();
    console.log(`rights-follow latencies (commit on B → effect on A): ${JSON.stringify(latencies)}`);
  });

  it('closes a disabled person’s sockets (4403)', async () => {
    const [personId] = await people('COMPANY_STAFF', 1);
    const socket = await openSocket(a.url, (await signInOnA(personId!)).cookie as string, a);
    const { code, ms } = await closesAfter(socket, () => adminOnB.data('mutation($id: ID!) { disablePerson(id: $id) { id } }', { id: personId }));
    latencies.disable = Math.round(ms);
    expect(code).toBe(4403);
    expect(ms).toBeLessThan(RIGHTS_FOLLOW_MS);
  });

  it('closes the sockets of someone whose role or company changes (4401: sign in again with the new rights)', async () => {
    const [expertId] = await people('EXPERT', 1);
    const [staffId] = await people('COMPANY_STAFF', 2).then((ids) => ids.slice(1));
    const expert = await openSocket(a.url, (await signInOnA(expertId!)).cookie as string, a);
    const role = await closesAfter(expert, () => adminOnB.data('mutation($id: ID!) { setPersonRole(id: $id, role: OBSERVER) { id } }', { id: expertId }));
    latencies.roleChange = Math.round(role.ms);
    expect(role.code).toBe(4401);
    expect(role.ms).toBeLessThan(RIGHTS_FOLLOW_MS);

    const [other] = await a.server.orm.em
      .fork()
      .execute<{ id: string }[]>('select c.id from company c where c.id <> (select company_id from person where id = ?) order by c.id limit 1', [staffId]);
    const staff = await openSocket(a.url, (await signInOnA(staffId!)).cookie as string, a);
    const move = await closesAfter(staff, () =>
      adminOnB.data('mutation($id: ID!, $companyId: ID) { setPersonRole(id: $id, role: COMPANY_STAFF, companyId: $companyId) { id } }', { id: staffId, companyId: other!.id }),
    );
    latencies.companyMove = Math.round(move.ms);
    expect(move.code).toBe(4401);
    expect(move.ms).toBeLessThan(RIGHTS_FOLLOW_MS);
  });

  it('closes the sockets of a session signed out or revoked through another instance (4401)', async () => {
    const [personId] = await people('EXPERT', 2).then((ids) => ids.slice(1));
    const onA = await signInOnA(personId!);
    const signedOut = await openSocket(a.url, onA.cookie as string, a);
    // The same session, used through instance B.
    const sameSessionOnB = new TestClient(b.url);
    sameSessionOnB.cookie = onA.cookie;
    const signOut = await closesAfter(signedOut, () => sameSessionOnB.data('mutation { signOut }'));
    latencies.signOut = Math.round(signOut.ms);
    expect(signOut.code).toBe(4401);
    expect(signOut.ms).toBeLessThan(RIGHTS_FOLLOW_MS);

    const other = await signInOnA(personId!);
    const revoked = await openSocket(a.url, other.cookie as string, a);
    const current = await new TestClient(b.url).signInAs((await a.server.orm.em.fork().execute<{ email: string }[]>('select email from person where id = ?', [personId]))[0]!.email);
    const revoke = await closesAfter(revoked, () => current.data('mutation { revokeOtherSessions }'));
    latencies.revokeOtherSessions = Math.round(revoke.ms);
    expect(revoke.code).toBe(4401);
    expect(revoke.ms).toBeLessThan(RIGHTS_FOLLOW_MS);
  });

  it('ends an expert’s subscriptions to a company they no longer serve with FORBIDDEN (ACCESS_CHANGED); the others stay open', async () => {
    const em = a.server.orm.em.fork();
    const [member] = await em.execute<{ person_id: string; team_id: string; company_id: string; program_year_id: string; task_id: string }[]>(
      `select m.person_id, m.team_id, pa.company_id, pa.program_year_id, t.id as task_id
         from team_membership m
         join expert_team et on et.id = m.team_id and et.lead_id <> m.person_id
         join participation pa on pa.team_id = et.id
         join task t on t.company_id = pa.company_id
         join person p on p.id = m.person_id and p.disabled_at is null and p.role = 'EXPERT'
        where not exists (select 1 from team_membership o where o.person_id = m.person_id and o.team_id <> m.team_id)
          and not exists (select 1 from expert_team l where l.lead_id = m.person_id)
        order by m.person_id, t.id limit 1`,
    );
    if (!member) throw new Error('the seed has no plain team member serving a company with tasks');
    const expert = new LiveClient(a.url, { cookie: (await signInOnA(member.person_id)).cookie, retry: false });
    clients.push(expert);
    const before = a.server.services.realtime.subscriptions;
    const activity = expert.subscribe<Activity>(ACTIVITY, { companyId: member.company_id });
    const tasks = expert.subscribe<{ seq: number }>(`subscription($companyId: ID) { taskChanged(companyId: $companyId) { seq } }`, { companyId: member.company_id });
    const comments = expert.subscribe<{ seq: number }>(`subscription($taskId: ID!) { commentChanged(taskId: $taskId) { seq } }`, { taskId: member.task_id });
    const yearTasks = expert.subscribe<{ seq: number }>(`subscription($id: ID) { taskChanged(programYearId: $id) { seq } }`, { id: member.program_year_id });
    await subscribed(a.server, before + 4);
    // Presence on one of the company's tasks, watched by the admin through B.
    const presence = `subscription($topic: PresenceTopicInput!) { presence(topic: $topic) { people { personId } } }`;
    type People = { seq: number; people: { personId: string }[] };
    const topic = { page: 'TASK', id: member.task_id };
    const onTask = expert.subscribe<People>(presence, { topic });
    const adminLive = new LiveClient(b.url, { cookie: adminOnB.cookie, retry: false });
    clients.push(adminLive);
    const adminWatches = adminLive.subscribe<People>(presence, { topic });
    const hasExpert = (events: People[]) => events.at(-1)?.people.some((person) => person.personId === member.person_id) ?? false;
    await adminWatches.until(hasExpert);
    await publish(b.server, { type: EventType.TASK_UPDATED, companyId: member.company_id });
    await activity.until((events) => events.length === 1);

    await adminOnB.data('mutation($input: RemoveTeamMemberInput!) { removeTeamMember(input: $input) { id } }', {
      input: { personId: member.person_id, teamId: member.team_id },
    });
    const answered = performance.now();
    // Written right after the commit, through B: it must be withheld, not delivered.
    await publish(b.server, { type: EventType.TASK_MOVED, companyId: member.company_id });
    const ended = await Promise.all([activity, tasks, comments, onTask].map((subscription) => subscription.error()));
    latencies.companyLost = Math.round(performance.now() - answered);
    for (const error of ended) expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', reason: ACCESS_CHANGED });
    expect(activity.events.map((event) => event.entry.action)).toEqual([EventType.TASK_UPDATED]);
    expect(latencies.companyLost).toBeLessThan(RIGHTS_FOLLOW_MS);
    // Its presence ended with it: nobody is shown on a page they can no longer open.
    await adminWatches.until((events) => !hasExpert(events));
    // The program year's stream still runs (it withholds the company's events one by one), and the socket is open.
    await a.server.services.realtime.dispatcher.caughtUp();
    expect(yearTasks.errors).toEqual([]);
    expect(a.server.services.realtime.subscriptions).toBe(before + 1);
    expect(expert.closes).toEqual([]);
  });
});
