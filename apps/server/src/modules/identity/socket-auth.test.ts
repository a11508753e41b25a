import 'reflect-metadata';
import { Role } from '@ecohub/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { hashPassword } from '../../core/auth/password.ts';
import { startTestServer, TestClient, type TestServer } from '../../testing/index.ts';
import { Person } from '../people/index.ts';
import { SESSION_CHECK_INTERVAL_MS } from './socket-auth.ts';

const PASSWORD = 'socket-password-2012';

interface RawSocket {
  socket: WebSocket;
  messages: { type: string; id?: string; payload?: unknown }[];
  closed: Promise<{ code: number; reason: string; afterMs: number }>;
  /** Resolves with the first message of `type`. */
  next(type: string): Promise<{ type: string; id?: string; payload?: unknown }>;
  send(message: unknown): void;
}

/** A graphql-transport-ws socket driven by hand, so close codes and raw frames can be checked. */
function openSocket(url: string, options: { cookie?: string | null; origin?: string; init?: unknown | false } = {}): Promise<RawSocket> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', {
    headers,
    ...(options.origin ? { origin: options.origin } : {}),
  });
  const messages: RawSocket['messages'] = [];
  const waiters: (() => void)[] = [];
  const opened = Date.now();
  socket.on('message', (data) => {
    messages.push(JSON.parse(String(data)));
    for (const waiter of waiters.splice(0)) waiter();
  });
  const closed = new Promise<{ code: number; reason: string; afterMs: number }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: String(reason), afterMs: Date.now() - opened })),
  );
  const raw: RawSocket = {
    socket,
    messages,
    closed,
    send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
    next: (type) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find((m) => m.type === type);
          if (found) resolve(found);
          else waiters.push(check);
        };
        void closed.then((c) => reject(new Error(`closed with ${c.code} ${c.reason} while waiting for ${type}`)));
        check();
      }),
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => {
      if (options.init !== false) raw.send({ type: 'connection_init', ...(options.init ? { payload: options.init } : {}) });
      resolve(raw);
    });
    socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused with ${res.statusCode}`)));
    socket.once('error', reject);
  });
}

describe('websocket authentication', () => {
  let hub: TestServer;
  let passwordHash: string;

  async function signedIn(role: Role = Role.EXPERT): Promise<{ person: Person; client: TestClient }> {
    const em = hub.server.orm.em.fork();
    const person = em.create(Person, {
      email: `${role.toLowerCase()}-${Math.random().toString(36).slice(2, 10)}@socket.test`,
      name: `${role} socket`,
      role,
      passwordHash,
    });
    await em.flush();
    const client = new TestClient(hub.url);
    await client.data('mutation($input: SignInInput!) { signIn(input: $input) { id } }', { input: { email: person.email, password: PASSWORD } });
    return { person, client };
  }

  beforeAll(async () => {
    hub = await startTestServer({ seeded: false });
    passwordHash = await hashPassword(PASSWORD);
  });
  afterAll(() => hub.close());

  it('refuses a socket without a session with 4401', async () => {
    const socket = await openSocket(hub.url);
    expect(await socket.closed).toMatchObject({ code: 4401, reason: 'Unauthorized' });
  });

  it('refuses an unknown session cookie with 4401', async () => {
    const socket = await openSocket(hub.url, { cookie: 'ecohub_session=not-a-session' });
    expect((await socket.closed).code).toBe(4401);
  });

  it('accepts the session cookie, and a session token in the connection_init payload', async () => {
    const { client } = await signedIn();
    const byCookie = await openSocket(hub.url, { cookie: client.cookie });
    await byCookie.next('connection_ack');
    byCookie.socket.close();
    const token = decodeURIComponent(client.cookie!.split('=')[1]!);
    const byPayload = await openSocket(hub.url, { init: { sessionToken: token } });
    await byPayload.next('connection_ack');
    byPayload.socket.close();
  });

  it('refuses a foreign Origin with 4403 and accepts its own', async () => {
    const { client } = await signedIn();
    const foreign = await openSocket(hub.url, { cookie: client.cookie, origin: 'https://evil.example' });
    expect(await foreign.closed).toMatchObject({ code: 4403, reason: 'Forbidden origin' });
    const own = await openSocket(hub.url, { cookie: client.cookie, origin: hub.url });
    await own.next('connection_ack');
    own.socket.close();
  });

  it('closes the socket of a revoked session within seconds (4401)', async () => {
    const { client } = await signedIn();
    const socket = await openSocket(hub.url, { cookie: client.cookie });
    await socket.next('connection_ack');
    const started = Date.now();
    await client.data('mutation { signOut }');
    const closed = await socket.closed;
    expect(closed).toMatchObject({ code: 4401, reason: 'Session ended' });
    expect(Date.now() - started).toBeLessThan(SESSION_CHECK_INTERVAL_MS + 2_000);
  });

  it('closes the sockets of a disabled person within seconds (4403), and only theirs', async () => {
    const { person, client } = await signedIn();
    const bystander = await signedIn();
    const manager = await signedIn(Role.PROGRAM_MANAGER);
    const first = await openSocket(hub.url, { cookie: client.cookie });
    const second = await openSocket(hub.url, { cookie: client.cookie });
    const other = await openSocket(hub.url, { cookie: bystander.client.cookie });
    await Promise.all([first.next('connection_ack'), second.next('connection_ack'), other.next('connection_ack')]);
    const started = Date.now();
    await manager.client.data('mutation($id: ID!) { disablePerson(id: $id) { id } }', { id: person.id });
    expect(await first.closed).toMatchObject({ code: 4403, reason: 'Account disabled' });
    expect((await second.closed).code).toBe(4403);
    expect(Date.now() - started).toBeLessThan(SESSION_CHECK_INTERVAL_MS + 2_000);
    expect(other.socket.readyState).toBe(WebSocket.OPEN);
    other.socket.close();
  });

  it('applies the depth limit to subscriptions and serves only subscriptions', async () => {
    const { client } = await signedIn(Role.ADMIN);
    const socket = await openSocket(hub.url, { cookie: client.cookie });
    await socket.next('connection_ack');
    const deep = `subscription { activityAdded { entry { company { ${'staff { company { '.repeat(4)} id ${'} } '.repeat(4)} } } } }`;
    socket.send({ id: 'deep', type: 'subscribe', payload: { query: deep } });
    socket.send({ id: 'query', type: 'subscribe', payload: { query: '{ programs { id } }' } });
    socket.send({ id: 'broken', type: 'subscribe', payload: { query: 'subscription {' } });
    socket.send({ id: 'typo', type: 'subscribe', payload: { query: 'subscription { activityAdded { sek } }' } });
    await new Promise<void>((resolve) => {
      const wait = () => (socket.messages.filter((m) => m.type === 'error').length >= 4 ? resolve() : setTimeout(wait, 20));
      wait();
    });
    const errors = Object.fromEntries(socket.messages.filter((m) => m.type === 'error').map((m) => [m.id, (m.payload as { message: string; extensions?: { code?: string } }[])[0]]));
    expect(errors.deep?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(errors.query?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors.broken).toMatchObject({ message: expect.stringMatching(/Syntax Error/), extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(errors.typo?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // Errors are answers to the operation: the socket stays up.
    expect(socket.socket.readyState).toBe(WebSocket.OPEN);
    socket.socket.close();
  });

  it('leaves graphql-ws its own close codes: 4400 bad message, 4429 second init, 4409 duplicate id', async () => {
    const { client } = await signedIn(Role.ADMIN);
    const bad = await openSocket(hub.url, { cookie: client.cookie });
    await bad.next('connection_ack');
    bad.send('not json');
    expect((await bad.closed).code).toBe(4400);

    const twice = await openSocket(hub.url, { cookie: client.cookie });
    await twice.next('connection_ack');
    twice.send({ type: 'connection_init' });
    expect((await twice.closed).code).toBe(4429);

    const duplicate = await openSocket(hub.url, { cookie: client.cookie });
    await duplicate.next('connection_ack');
    const subscribe = { id: 'same', type: 'subscribe', payload: { query: 'subscription { activityAdded { seq } }' } };
    duplicate.send(subscribe);
    duplicate.send(subscribe);
    expect((await duplicate.closed).code).toBe(4409);
  });

  it('caps websocket frames at 1 MiB (1009)', async () => {
    const { client } = await signedIn(Role.ADMIN);
    const socket = await openSocket(hub.url, { cookie: client.cookie });
    await socket.next('connection_ack');
    socket.send({ id: 'big', type: 'subscribe', payload: { query: 'subscription { activityAdded { seq } }', variables: { x: 'x'.repeat(1_100_000) } } });
    expect((await socket.closed).code).toBe(1009);
  });
});

describe('websocket origins from configuration', () => {
  let hub: TestServer;
  beforeAll(async () => {
    hub = await startTestServer({ seeded: false, env: { ALLOWED_ORIGINS: 'https://ecohub.example.kr' } });
  });
  afterAll(() => hub.close());

  it('accepts only the configured origins, even the server\'s own host otherwise', async () => {
    const em = hub.server.orm.em.fork();
    const person = em.create(Person, { email: 'origin@socket.test', name: 'o', role: Role.OBSERVER, passwordHash: await hashPassword(PASSWORD) });
    await em.flush();
    const client = new TestClient(hub.url);
    await client.data('mutation($input: SignInInput!) { signIn(input: $input) { id } }', { input: { email: person.email, password: PASSWORD } });
    const own = await openSocket(hub.url, { cookie: client.cookie, origin: hub.url });
    expect((await own.closed).code).toBe(4403);
    const configured = await openSocket(hub.url, { cookie: client.cookie, origin: 'https://ecohub.example.kr' });
    await configured.next('connection_ack');
    configured.socket.close();
  });
});
