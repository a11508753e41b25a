import { Role } from '@ecohub/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../core/auth/password.ts';
import { startTestServer, TestClient, type TestServer } from '../../testing/index.ts';
import { Company } from '../company/index.ts';
import { Person } from '../people/index.ts';

const PASSWORD = 'correct-horse-battery';
const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { id role } }';
const VIEWER = '{ viewer { id } }';

/** The first error of a request that must fail. */
async function failure(c: TestClient, query: string, variables: Record<string, unknown> = {}) {
  const result = await c.request(query, variables);
  const first = result.errors?.[0];
  if (!first) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
  return { message: first.message, code: first.extensions?.code, extensions: first.extensions ?? {} };
}

describe('identity over HTTP', () => {
  let hub: TestServer;
  let passwordHash: string;
  let addresses = 0;
  let company: Company;

  /** Each client gets its own address (the server trusts X-Forwarded-For), so per-address limits do not mix. */
  function client(): TestClient {
    const c = new TestClient(hub.url);
    addresses += 1;
    c.headers['x-forwarded-for'] = `10.0.${Math.floor(addresses / 250)}.${addresses % 250}`;
    return c;
  }

  async function account(role: Role, input: { company?: Company } = {}): Promise<Person> {
    const em = hub.server.orm.em.fork();
    const person = em.create(Person, {
      email: `${role.toLowerCase()}-${Math.random().toString(36).slice(2, 10)}@identity.test`,
      name: `${role} test`,
      role,
      company: input.company ?? null,
      passwordHash,
    });
    await em.flush();
    return person;
  }

  async function signedIn(person: Person, password = PASSWORD): Promise<TestClient> {
    const c = client();
    await c.data(SIGN_IN, { input: { email: person.email, password } });
    return c;
  }

  beforeAll(async () => {
    hub = await startTestServer({ seeded: false, env: { TRUST_PROXY: 'true' } });
    passwordHash = await hashPassword(PASSWORD);
    const em = hub.server.orm.em.fork();
    company = em.create(Company, { nameKo: '신원기업', businessNumber: '123-45-67891', industryCode: '25921', industryLabel: '도금업' });
    await em.flush();
  });
  afterAll(() => hub.close());

  describe('signing in', () => {
    it('sets an httpOnly, SameSite=Lax session cookie that identifies the viewer', async () => {
      const person = await account(Role.EXPERT);
      const c = client();
      const response = await fetch(`${hub.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...c.headers },
        body: JSON.stringify({ query: SIGN_IN, variables: { input: { email: person.email.toUpperCase(), password: PASSWORD } } }),
      });
      const setCookie = response.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/^ecohub_session=/);
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Lax/i);
      expect(setCookie).not.toMatch(/Secure/i);
      c.cookie = setCookie.split(';')[0] ?? null;
      expect(await c.data(VIEWER)).toEqual({ viewer: { id: person.id } });
    });

    it('answers a wrong password and an unknown email with the same error', async () => {
      const person = await account(Role.EXPERT);
      const wrong = await client().request(SIGN_IN, { input: { email: person.email, password: 'not-the-password' } });
      const unknown = await client().request(SIGN_IN, { input: { email: 'nobody@identity.test', password: 'not-the-password' } });
      expect(wrong.errors?.[0]).toEqual(unknown.errors?.[0]);
      expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });
    });

    it('throttles the 6th wrong password for an account within a minute, even with the right password, from any address', async () => {
      const person = await account(Role.EXPERT);
      for (let i = 0; i < 5; i += 1) {
        expect((await failure(client(), SIGN_IN, { input: { email: person.email, password: `wrong-${i}-password` } })).code).toBe('UNAUTHENTICATED');
      }
      const sixth = await failure(client(), SIGN_IN, { input: { email: person.email, password: PASSWORD } });
      expect(sixth.code).toBe('TOO_MANY_REQUESTS');
      expect(sixth.extensions.retryAfterSeconds).toBeGreaterThan(14 * 60);
      expect(sixth.extensions.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    });

    it('throttles unknown emails exactly like known ones', async () => {
      const email = 'ghost@identity.test';
      for (let i = 0; i < 5; i += 1) await failure(client(), SIGN_IN, { input: { email, password: `wrong-${i}-password` } });
      const sixth = await failure(client(), SIGN_IN, { input: { email, password: 'wrong-password' } });
      expect(sixth.code).toBe('TOO_MANY_REQUESTS');
      expect(sixth.message).toMatch(/try again/);
    });

    it('throttles an address after 20 failures across accounts', async () => {
      const c = client();
      for (let i = 0; i < 20; i += 1) {
        expect((await failure(c, SIGN_IN, { input: { email: `spray-${i}@identity.test`, password: 'wrong-password' } })).code).toBe('UNAUTHENTICATED');
      }
      const person = await account(Role.EXPERT);
      expect((await failure(c, SIGN_IN, { input: { email: person.email, password: PASSWORD } })).code).toBe('TOO_MANY_REQUESTS');
      // Another address is not affected.
      await signedIn(person);
    });

    it('lets an account that signed in successfully start its count afresh', async () => {
      const person = await account(Role.EXPERT);
      for (let i = 0; i < 4; i += 1) await failure(client(), SIGN_IN, { input: { email: person.email, password: 'wrong-password' } });
      await signedIn(person);
      for (let i = 0; i < 4; i += 1) await failure(client(), SIGN_IN, { input: { email: person.email, password: 'wrong-password' } });
      await signedIn(person);
    });

    it('ends the session on signOut', async () => {
      const c = await signedIn(await account(Role.EXPERT));
      const cookie = c.cookie;
      await c.data('mutation { signOut }');
      const stale = client();
      stale.cookie = cookie;
      expect(await stale.data(VIEWER)).toEqual({ viewer: null });
    });
  });

  describe('invitations', () => {
    const INVITE = `mutation($input: InvitePersonInput!) {
      invitePerson(input: $input) { id token link expiresAt acceptedAt person { id email role company { id } } }
    }`;
    const PREVIEW = 'query($token: String!) { invitation(token: $token) { name email role expired accepted } }';
    const ACCEPT = 'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { id name } }';

    it('invite → preview → accept → sign in, and the link works once', async () => {
      const manager = await signedIn(await account(Role.PROGRAM_MANAGER));
      const { invitePerson } = await manager.data<{ invitePerson: { token: string; link: string; person: { id: string; email: string; role: string; company: { id: string } } } }>(
        INVITE,
        { input: { email: ' New.Staff@Identity.test ', name: '새 직원', role: 'COMPANY_STAFF', companyId: company.id } },
      );
      expect(invitePerson.person).toMatchObject({ email: 'new.staff@identity.test', role: 'COMPANY_STAFF', company: { id: company.id } });
      expect(invitePerson.link).toBe(`${hub.url}/accept-invitation#token=${invitePerson.token}`);

      const visitor = client();
      expect(await visitor.data(PREVIEW, { token: invitePerson.token })).toEqual({
        invitation: { name: '새 직원', email: 'new.staff@identity.test', role: 'COMPANY_STAFF', expired: false, accepted: false },
      });
      // Before accepting, the invited email cannot sign in.
      expect((await failure(client(), SIGN_IN, { input: { email: 'new.staff@identity.test', password: 'chosen-password-1' } })).code).toBe('UNAUTHENTICATED');

      const accepted = await visitor.data<{ acceptInvitation: { id: string; name: string } }>(ACCEPT, {
        input: { token: invitePerson.token, password: 'chosen-password-1', name: '김새롬' },
      });
      expect(accepted.acceptInvitation).toEqual({ id: invitePerson.person.id, name: '김새롬' });
      expect(await visitor.data(VIEWER)).toEqual({ viewer: { id: invitePerson.person.id } });

      const again = await failure(client(), ACCEPT, { input: { token: invitePerson.token, password: 'another-password-2', name: 'x' } });
      expect(again.code).toBe('BAD_USER_INPUT');
      expect(again.extensions.violations).toEqual([expect.objectContaining({ field: 'token', rule: 'used' })]);
      expect((await client().data(PREVIEW, { token: invitePerson.token })).invitation).toMatchObject({ accepted: true });

      await signedIn({ email: 'new.staff@identity.test' } as Person, 'chosen-password-1');
    });

    it('rejects an expired invitation and an unknown token', async () => {
      const manager = await signedIn(await account(Role.PROGRAM_MANAGER));
      const { invitePerson } = await manager.data<{ invitePerson: { id: string; token: string } }>(INVITE, {
        input: { email: 'late@identity.test', name: '늦은 사람', role: 'EXPERT' },
      });
      await hub.server.orm.em.fork().execute(`update invitation set expires_at = now() - interval '1 minute' where id = ?`, [invitePerson.id]);
      expect((await client().data(PREVIEW, { token: invitePerson.token })).invitation).toMatchObject({ expired: true });
      const expired = await failure(client(), ACCEPT, { input: { token: invitePerson.token, password: 'chosen-password-1', name: '늦은 사람' } });
      expect(expired.extensions.violations).toEqual([expect.objectContaining({ field: 'token', rule: 'expired' })]);
      const unknown = await failure(client(), ACCEPT, { input: { token: 'no-such-token', password: 'chosen-password-1', name: 'x' } });
      expect(unknown.extensions.violations).toEqual([expect.objectContaining({ field: 'token', rule: 'unknown' })]);
      expect(await client().data(PREVIEW, { token: 'no-such-token' })).toEqual({ invitation: null });
    });

    it('re-inviting replaces the earlier link', async () => {
      const manager = await signedIn(await account(Role.PROGRAM_MANAGER));
      const input = { email: 'twice@identity.test', name: '두 번', role: 'OBSERVER' };
      const first = await manager.data<{ invitePerson: { token: string } }>(INVITE, { input });
      const second = await manager.data<{ invitePerson: { token: string } }>(INVITE, { input });
      expect((await client().data(PREVIEW, { token: first.invitePerson.token })).invitation).toMatchObject({ expired: true });
      await client().data(ACCEPT, { input: { token: second.invitePerson.token, password: 'chosen-password-1', name: '두 번' } });
      expect((await failure(manager, INVITE, { input })).code).toBe('CONFLICT');
    });

    it('checks the password rules and the placement of the role', async () => {
      const manager = await signedIn(await account(Role.PROGRAM_MANAGER));
      const staffWithoutCompany = await failure(manager, INVITE, { input: { email: 'a@identity.test', name: 'a', role: 'COMPANY_STAFF' } });
      expect(staffWithoutCompany.extensions.violations).toEqual([expect.objectContaining({ field: 'companyId', rule: 'required' })]);
      const { invitePerson } = await manager.data<{ invitePerson: { token: string } }>(INVITE, {
        input: { email: 'short@identity.test', name: '짧은', role: 'EXPERT' },
      });
      const short = await failure(client(), ACCEPT, { input: { token: invitePerson.token, password: 'short', name: '짧은' } });
      expect(short.extensions.violations).toEqual([expect.objectContaining({ field: 'password', rule: 'tooShort' })]);
      const email = await failure(client(), ACCEPT, { input: { token: invitePerson.token, password: 'short@identity.test', name: '짧은' } });
      expect(email.extensions.violations).toEqual([expect.objectContaining({ field: 'password', rule: 'sameAsEmail' })]);
    });

    it('lets only managers invite, and only admins invite admins', async () => {
      const input = { email: 'boss@identity.test', name: '사장', role: 'ADMIN' };
      expect((await failure(client(), INVITE, { input })).code).toBe('UNAUTHENTICATED');
      const staff = await signedIn(await account(Role.COMPANY_STAFF, { company }));
      expect((await failure(staff, INVITE, { input: { ...input, role: 'EXPERT' } })).code).toBe('FORBIDDEN');
      const expert = await signedIn(await account(Role.EXPERT));
      expect((await failure(expert, INVITE, { input: { ...input, role: 'EXPERT' } })).code).toBe('FORBIDDEN');
      const manager = await signedIn(await account(Role.PROGRAM_MANAGER));
      expect((await failure(manager, INVITE, { input })).code).toBe('FORBIDDEN');
      const admin = await signedIn(await account(Role.ADMIN));
      expect((await admin.data<{ invitePerson: { person: { role: string } } }>(INVITE, { input })).invitePerson.person.role).toBe('ADMIN');
    });
  });

  describe('account state and roles', () => {
    it('a disabled account cannot sign in and its sessions end; enabling lets it sign in again', async () => {
      const person = await account(Role.EXPERT);
      const session = await signedIn(person);
      const manager = await signedIn(await account(Role.PROGRAM_MANAGER));
      const disabled = await manager.data<{ disablePerson: { disabledAt: string | null } }>('mutation($id: ID!) { disablePerson(id: $id) { disabledAt } }', { id: person.id });
      expect(disabled.disablePerson.disabledAt).not.toBeNull();
      expect(await session.data(VIEWER)).toEqual({ viewer: null });
      const refused = await failure(client(), SIGN_IN, { input: { email: person.email, password: PASSWORD } });
      expect(refused).toMatchObject({ code: 'UNAUTHENTICATED', extensions: { reason: 'INVALID_CREDENTIALS' } });

      const events = await hub.server.orm.em.fork().execute<{ type: string; payload: { personId: string } }[]>(
        `select type, payload from outbox_event where entity_id = ? order by seq`,
        [person.id],
      );
      // The access change first (open sockets re-read rights), then its history entry for the live feed.
      expect(events).toEqual([
        expect.objectContaining({ type: 'access.changed', payload: expect.objectContaining({ personId: person.id }) }),
        expect.objectContaining({ type: 'history.recorded', payload: expect.objectContaining({ activityId: expect.any(String) }) }),
      ]);

      await manager.data('mutation($id: ID!) { enablePerson(id: $id) { id } }', { id: person.id });
      await signedIn(person);
    });

    it('managers may not disable admins or themselves; others may not disable anyone', async () => {
      const manager = await account(Role.PROGRAM_MANAGER);
      const managerClient = await signedIn(manager);
      const admin = await account(Role.ADMIN);
      const DISABLE = 'mutation($id: ID!) { disablePerson(id: $id) { id } }';
      expect((await failure(managerClient, DISABLE, { id: admin.id })).code).toBe('FORBIDDEN');
      expect((await failure(managerClient, DISABLE, { id: manager.id })).code).toBe('FORBIDDEN');
      const expert = await signedIn(await account(Role.EXPERT));
      expect((await failure(expert, DISABLE, { id: manager.id })).code).toBe('FORBIDDEN');
      expect((await failure(managerClient, DISABLE, { id: '00000000-0000-7000-8000-000000000000' })).code).toBe('NOT_FOUND');
    });

    it('setPersonRole is for admins; it moves staff between companies and ends the sessions', async () => {
      const person = await account(Role.EXPERT);
      const session = await signedIn(person);
      const SET_ROLE = 'mutation($id: ID!, $role: Role!, $companyId: ID) { setPersonRole(id: $id, role: $role, companyId: $companyId) { role company { id } } }';
      const manager = await signedIn(await account(Role.PROGRAM_MANAGER));
      expect((await failure(manager, SET_ROLE, { id: person.id, role: 'PROGRAM_MANAGER' })).code).toBe('FORBIDDEN');
      const admin = await signedIn(await account(Role.ADMIN));
      expect((await failure(admin, SET_ROLE, { id: person.id, role: 'COMPANY_STAFF' })).code).toBe('BAD_USER_INPUT');
      const changed = await admin.data(SET_ROLE, { id: person.id, role: 'COMPANY_STAFF', companyId: company.id });
      expect(changed).toEqual({ setPersonRole: { role: 'COMPANY_STAFF', company: { id: company.id } } });
      expect(await session.data(VIEWER)).toEqual({ viewer: null });
      const again = await signedIn(person);
      expect(await again.data('{ viewer { role } }')).toEqual({ viewer: { role: 'COMPANY_STAFF' } });
    });
  });

  describe('passwords and sessions', () => {
    const CHANGE = 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }';
    const SESSIONS = '{ mySessions { id current userAgent } }';

    it('changing the password keeps this session, ends the others, and retires the old password', async () => {
      const person = await account(Role.EXPERT);
      const here = await signedIn(person);
      const elsewhere = await signedIn(person);
      const wrong = await failure(here, CHANGE, { input: { currentPassword: 'not-it-at-all', newPassword: 'a-new-password-1' } });
      expect(wrong.extensions.violations).toEqual([expect.objectContaining({ field: 'currentPassword', rule: 'incorrect' })]);
      const weak = await failure(here, CHANGE, { input: { currentPassword: PASSWORD, newPassword: 'short' } });
      expect(weak.extensions.violations).toEqual([expect.objectContaining({ field: 'newPassword', rule: 'tooShort' })]);

      expect(await here.data(CHANGE, { input: { currentPassword: PASSWORD, newPassword: 'a-new-password-1' } })).toEqual({ changePassword: true });
      expect(await here.data(VIEWER)).toEqual({ viewer: { id: person.id } });
      expect(await elsewhere.data(VIEWER)).toEqual({ viewer: null });
      expect((await failure(client(), SIGN_IN, { input: { email: person.email, password: PASSWORD } })).code).toBe('UNAUTHENTICATED');
      await signedIn(person, 'a-new-password-1');
    });

    it('lists the viewer\'s sessions and revokes one or all others', async () => {
      const person = await account(Role.OBSERVER);
      const a = await signedIn(person);
      const b = await signedIn(person);
      const c = await signedIn(person);
      const { mySessions } = await a.data<{ mySessions: { id: string; current: boolean }[] }>(SESSIONS);
      expect(mySessions).toHaveLength(3);
      expect(mySessions.filter((s) => s.current)).toHaveLength(1);
      const bId = (await b.data<{ mySessions: { id: string; current: boolean }[] }>(SESSIONS)).mySessions.find((s) => s.current)!.id;

      const stranger = await signedIn(await account(Role.OBSERVER));
      expect((await failure(stranger, 'mutation($id: ID!) { revokeSession(id: $id) }', { id: bId })).code).toBe('NOT_FOUND');
      await a.data('mutation($id: ID!) { revokeSession(id: $id) }', { id: bId });
      expect(await b.data(VIEWER)).toEqual({ viewer: null });
      expect(await a.data('mutation { revokeOtherSessions }')).toEqual({ revokeOtherSessions: 1 });
      expect(await c.data(VIEWER)).toEqual({ viewer: null });
      expect((await a.data<{ mySessions: unknown[] }>(SESSIONS)).mySessions).toHaveLength(1);
      expect((await failure(client(), SESSIONS)).code).toBe('UNAUTHENTICATED');
    });
  });
});

describe('identity in production settings', () => {
  it('marks the session cookie Secure', async () => {
    const hub = await startTestServer({ seeded: false, env: { COOKIE_SECURE: 'true' } });
    try {
      const em = hub.server.orm.em.fork();
      em.create(Person, { email: 'secure@identity.test', name: 's', role: Role.OBSERVER, passwordHash: await hashPassword(PASSWORD) });
      await em.flush();
      const response = await fetch(`${hub.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: SIGN_IN, variables: { input: { email: 'secure@identity.test', password: PASSWORD } } }),
      });
      expect(response.headers.get('set-cookie')).toMatch(/; Secure/i);
    } finally {
      await hub.close();
    }
  });
});
