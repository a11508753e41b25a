import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveClient } from '../../testing/live-client.ts';
import { startTestServer, TestClient, type TestServer } from '../../testing/index.ts';
import { MAX_ID_LENGTH, MAX_TEXT_LENGTH } from './input-guard.ts';

const TASKS = 'query($f: TaskFilter) { tasks(filter: $f) { edges { node { id } } } }';
const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { id } }';
const TASK = 'query($id: ID!) { task(id: $id) { id } }';

/** Probed from outside, as the issue did: a production hub, anonymous or signed in. */
describe('inputs are checked before the database (production)', () => {
  let hub: TestServer;
  let manager: TestClient;
  beforeAll(async () => {
    hub = await startTestServer({ env: { NODE_ENV: 'production', COOKIE_SECURE: 'false' } });
    manager = await new TestClient(hub.url).signInAs('manager@ecofrontier.co.kr');
  }, 180_000);
  afterAll(() => hub.close(), 180_000);

  it('answers a variable of the wrong type by its name, place and expected type, without echoing the value', async () => {
    const status = await manager.error(TASKS, { f: { status: 'DON' } });
    expect(status).toMatchObject({ code: 'BAD_USER_INPUT', message: 'Variable "$f.status" got an invalid value; expected type "TaskStatus"' });
    expect(status.message).not.toMatch(/DON|Did you mean/);
    const text = await manager.error(TASK, { id: { html: '<script>alert(1)</script>' } });
    expect(text.message).toBe('Variable "$id" got an invalid value; expected type "ID!"');
    // Every problem is listed; an unknown field is not named (its name is the client's text).
    const field = await new TestClient(hub.url).request(SIGN_IN, { input: { emai: 'a@b.kr', password: 'x'.repeat(12) } });
    expect(field.errors).toHaveLength(1);
    expect(field.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      violations: [
        { field: '$input.email', rule: 'required', message: 'Variable "$input.email" was not provided; expected type "String!"' },
        { field: '$input', rule: 'unknownField', message: 'Variable "$input" has a field that type "SignInInput" does not define' },
      ],
    });
    expect(JSON.stringify(field.errors)).not.toMatch(/emai"|a@b\.kr|Did you mean/);
    const list = await manager.error('mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }', { ids: ['a', 7.5, null] });
    expect(list.message).toMatch(/^Variable "\$ids\[1\]" got an invalid value; expected type "ID!"$/);
  });

  it('refuses the NUL character in any string argument, in variables and in literals, as BAD_USER_INPUT', async () => {
    const inVariable = await manager.error(TASKS, { f: { search: 'pl\u0000ating' } });
    expect(inVariable).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/\$f\.search contains the NUL character/) });
    const inLiteral = await manager.error('{ companies(filter: { search: "a\\u0000b" }) { totalCount } }');
    expect(inLiteral.code).toBe('BAD_USER_INPUT');
    const inKey = await manager.error(TASKS, { f: { 'sea\u0000rch': 'x' } });
    expect(inKey.code).toBe('BAD_USER_INPUT');
  });

  it('rejects a sign-in with a NUL character before it is tried, so it neither fails inside nor uses the throttle', async () => {
    const anonymous = new TestClient(hub.url);
    for (let i = 0; i < 30; i++) {
      const error = await anonymous.error(SIGN_IN, { input: { email: 'manager@ecofrontier.co.kr\u0000', password: 'wrong-password-0' } });
      expect(error.code).toBe('BAD_USER_INPUT');
    }
    // Thirty refused attempts later, the real sign-in is neither throttled nor locked.
    await anonymous.signInAs('manager@ecofrontier.co.kr');
    expect((await anonymous.data<{ viewer: { email: string } }>('{ viewer { email } }')).viewer.email).toBe('manager@ecofrontier.co.kr');
  });

  it('counts aliases of __typename against the alias limit', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `t${i}: __typename`).join(' ');
    expect(await manager.errorCode(`{ ${aliases} }`)).toBe('QUERY_TOO_COMPLEX');
    expect(await manager.errorCode(`{ viewer { ${aliases.split(' ').slice(0, 62).join(' ')} } }`)).toBe('QUERY_TOO_COMPLEX');
    expect((await manager.data<{ a: string }>('{ a: __typename }')).a).toBe('Query');
  });

  it('refuses an id longer than an id can be, and never echoes a large input back', async () => {
    const response = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: manager.cookie ?? '' },
      body: JSON.stringify({ query: TASK, variables: { id: 'x'.repeat(900_000) } }),
    });
    const text = await response.text();
    expect(text.length).toBeLessThan(2_000);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await manager.errorCode(`{ task(id: "${'y'.repeat(MAX_ID_LENGTH + 1)}") { id } }`)).toBe('BAD_USER_INPUT');
    expect(await manager.errorCode('mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }', { ids: ['z'.repeat(MAX_ID_LENGTH + 1)] })).toBe('BAD_USER_INPUT');
    // Not found, at the longest id accepted: the answer stays small.
    const missing = await manager.error(TASK, { id: 'n'.repeat(MAX_ID_LENGTH) });
    expect(missing.code).toBe('NOT_FOUND');
    expect(JSON.stringify(missing).length).toBeLessThan(600);
    expect(await manager.errorCode(TASKS, { f: { search: 's'.repeat(MAX_TEXT_LENGTH + 1) } })).toBe('BAD_USER_INPUT');
    // A bad enum value of 100 kB is named, not repeated.
    const huge = await manager.error(TASKS, { f: { status: 'D'.repeat(100_000) } });
    expect(JSON.stringify(huge).length).toBeLessThan(1_200);
  });

  it('applies the same checks to subscriptions over the websocket', async () => {
    const live = new LiveClient(hub.url, { cookie: manager.cookie, retry: false });
    try {
      const subscription = live.subscribe<{ seq: number }>('subscription($id: ID!) { taskChanged(companyId: $id) { seq } }', { id: 'c\u0000' });
      const error = await subscription.error();
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      const wrongType = live.subscribe<{ seq: number }>('subscription($id: ID!, $since: SafeInt) { taskChanged(companyId: $id, since: $since) { seq } }', { id: 'c', since: 'yesterday' });
      expect(await wrongType.error()).toMatchObject({ message: 'Variable "$since" got an invalid value; expected type "SafeInt"', extensions: { code: 'BAD_USER_INPUT' } });
    } finally {
      await live.close();
    }
  });
});
