import { Role } from '@ecohub/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../core/auth/password.ts';
import { startTestServer, TestClient, type TestServer } from '../../testing/index.ts';
import { redisAnswers, TEST_REDIS_URL } from '../../testing/redis.ts';
import { StatementCounter } from '../../testing/statement-counter.ts';
import { Person } from '../people/index.ts';
import { SessionCache } from './session-cache.ts';
import { hashToken, readSessionToken } from './session-cookie.ts';

const PASSWORD = 'cached-session-2012';
const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { id } }';
/** Needs a signed-in viewer and reads nothing else: UNAUTHENTICATED once the session has ended. */
const MY_SESSIONS = '{ mySessions { id current } }';

const redisAvailable = await redisAnswers();
if (!redisAvailable) console.warn(`SKIPPED: no Redis answers at ${TEST_REDIS_URL}; the Redis case of session-cache.test.ts did not run`);

async function account(hub: TestServer, passwordHash: string, role: Role = Role.EXPERT): Promise<Person> {
  const em = hub.server.orm.em.fork();
  const person = em.create(Person, {
    email: `${role.toLowerCase()}-${Math.random().toString(36).slice(2, 10)}@session-cache.test`,
    name: `${role} cached`,
    role,
    passwordHash,
  });
  await em.flush();
  return person;
}

async function signedIn(url: string, person: Person): Promise<TestClient> {
  const client = new TestClient(url);
  await client.data(SIGN_IN, { input: { email: person.email, password: PASSWORD } });
  return client;
}

function tokenOf(client: TestClient): string {
  return readSessionToken(client.cookie!)!;
}

/** The same cookie, sent to another instance. */
function sameCookieOn(url: string, client: TestClient): TestClient {
  const other = new TestClient(url);
  other.cookie = client.cookie;
  return other;
}

/** Resolves when the next `access.changed` event has passed this instance's dispatcher. */
function nextAccessChange(hub: TestServer): Promise<void> {
  return new Promise((resolve) => {
    const stop = hub.server.services.realtime.onAccessChanged(() => {
      stop();
      resolve();
    });
  });
}

describe.each([
  { bus: 'PostgreSQL NOTIFY', env: {}, run: true },
  { bus: 'Redis pub/sub', env: { REDIS_URL: TEST_REDIS_URL }, run: redisAvailable },
])('cached sessions across two instances ($bus)', ({ env, run }) => {
  let a: TestServer;
  let b: TestServer;
  let passwordHash: string;
  const countedOnB = new StatementCounter();

  beforeAll(async () => {
    if (!run) return;
    a = await startTestServer({ seeded: false, env });
    b = await startTestServer({ seeded: false, env, databaseUrl: a.databaseUrl, onQuery: countedOnB.onQuery });
    passwordHash = await hashPassword(PASSWORD);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** A session signed in on A, known and cached on B (B's second request reads nothing). */
  async function cachedOnB(person: Person): Promise<{ onA: TestClient; onB: TestClient }> {
    const onA = await signedIn(a.url, person);
    const onB = sameCookieOn(b.url, onA);
    expect(await countedOnB.count(onB, '{ __typename }')).toBe(0);
    expect((await onB.data<{ mySessions: unknown[] }>(MY_SESSIONS)).mySessions).toHaveLength(1);
    return { onA, onB };
  }

  it.runIf(run)('a session revoked on A is refused by B at its next request', async () => {
    const person = await account(a, passwordHash);
    const { onB } = await cachedOnB(person);
    const elsewhere = await signedIn(a.url, person);
    const { mySessions } = await elsewhere.data<{ mySessions: { id: string; current: boolean }[] }>(MY_SESSIONS);
    const revoked = nextAccessChange(b);
    await elsewhere.data('mutation($id: ID!) { revokeSession(id: $id) }', { id: mySessions.find((s) => !s.current)!.id });
    await revoked;
    expect(await onB.errorCode(MY_SESSIONS)).toBe('UNAUTHENTICATED');
  });

  it.runIf(run)('a person disabled on A is refused by B, and their role change applies on B', async () => {
    const manager = await signedIn(a.url, await account(a, passwordHash, Role.PROGRAM_MANAGER));
    const admin = await signedIn(a.url, await account(a, passwordHash, Role.ADMIN));
    const disabled = await account(a, passwordHash);
    const promoted = await account(a, passwordHash);
    const first = await cachedOnB(disabled);
    let changed = nextAccessChange(b);
    await manager.data('mutation($id: ID!) { disablePerson(id: $id) { id } }', { id: disabled.id });
    await changed;
    expect(await first.onB.errorCode(MY_SESSIONS)).toBe('UNAUTHENTICATED');

    const second = await cachedOnB(promoted);
    changed = nextAccessChange(b);
    await admin.data('mutation($id: ID!) { setPersonRole(id: $id, role: OBSERVER) { id } }', { id: promoted.id });
    await changed;
    // A role change ends the sessions: the cached EXPERT viewer is not served any more.
    expect(await second.onB.errorCode(MY_SESSIONS)).toBe('UNAUTHENTICATED');
    const again = sameCookieOn(b.url, await signedIn(a.url, promoted));
    expect(await again.data('{ viewer { role } }')).toEqual({ viewer: { role: 'OBSERVER' } });
  });
});

describe('the session cache of one instance', () => {
  let hub: TestServer;
  let passwordHash: string;
  const counted = new StatementCounter();

  beforeAll(async () => {
    hub = await startTestServer({ seeded: false, onQuery: counted.onQuery });
    passwordHash = await hashPassword(PASSWORD);
  });
  afterAll(() => hub.close());

  it('checks the session expiry on every answer from memory', async () => {
    const client = await signedIn(hub.url, await account(hub, passwordHash));
    await hub.server.orm.em.fork().execute(`update session set expires_at = now() + interval '1500 milliseconds' where token_hash = ?`, [hashToken(tokenOf(client))]);
    expect(await counted.count(client, '{ __typename }')).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    expect(await client.errorCode(MY_SESSIONS)).toBe('UNAUTHENTICATED');
  });

  it('does not keep a read that was under way when access changed', async () => {
    const person = await account(hub, passwordHash);
    const client = await signedIn(hub.url, person);
    const token = tokenOf(client);
    const cache = new SessionCache(hub.server.orm);
    const reading = cache.viewerFor(token);
    cache.clear();
    expect(await reading).toMatchObject({ personId: person.id, role: Role.EXPERT });
    expect(cache.size).toBe(0);
    await cache.viewerFor(token);
    expect(cache.size).toBe(1);
    expect(await cache.viewerFor('not-a-session')).toBeNull();
    expect(cache.size).toBe(1);
  });

  it('keeps at most its number of entries, the oldest read going first', async () => {
    const cache = new SessionCache(hub.server.orm, { ttlMs: 60_000, maxEntries: 2 });
    const tokens: string[] = [];
    for (let i = 0; i < 3; i += 1) tokens.push(tokenOf(await signedIn(hub.url, await account(hub, passwordHash))));
    for (const token of tokens) expect(await cache.viewerFor(token)).not.toBeNull();
    expect(cache.size).toBe(2);
    // Ended behind the cache's back (no access.changed reaches this standalone cache): only a
    // session read again from the database shows it, and only the oldest was let go.
    await hub.server.orm.em.fork().execute(`update session set revoked_at = now() where token_hash in (?, ?, ?)`, tokens.map(hashToken));
    expect(await cache.viewerFor(tokens[2]!)).not.toBeNull();
    expect(await cache.viewerFor(tokens[1]!)).not.toBeNull();
    expect(await cache.viewerFor(tokens[0]!)).toBeNull();
  });
});
