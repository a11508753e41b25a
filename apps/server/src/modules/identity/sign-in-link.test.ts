import { Role } from '@ecohub/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fixtures, startTestServer, TestClient, type TestServer } from '../../testing/index.ts';
import { eventually, TestSmtp } from '../mail/mail.test-kit.ts';

const REQUEST = `mutation($email: String!) { requestSignInLink(email: $email) }`;
const USE = `mutation($token: String!) { signInWithLink(token: $token) { id role } }`;
const VIEWER = `{ viewer { id } }`;
const PUBLIC_URL = 'http://ecohub.test';

describe('sign-in by e-mail link', () => {
  let smtp: TestSmtp;
  let hub: TestServer;
  let fx: Fixtures;

  const linkTokenIn = async (email: string, nth: number): Promise<string> => {
    const mails = await eventually(() => smtp.to(email).length >= nth && smtp.to(email), 20_000, `sign-in mail ${nth} to ${email}`);
    const mail = mails[nth - 1]!;
    const match = mail.text.match(new RegExp(`${PUBLIC_URL}/sign-in-link#token=([^\\s]+)`));
    return decodeURIComponent(match![1]!);
  };

  beforeAll(async () => {
    smtp = await TestSmtp.start();
    hub = await startTestServer({ seeded: false, env: { SMTP_URL: smtp.url, PUBLIC_URL }, jobs: { pollIntervalMs: 200 } });
    fx = new Fixtures(hub.server.orm);
  });
  afterAll(async () => {
    await hub?.close();
    await smtp?.stop();
  });

  it('mails staff a link that signs them in once', async () => {
    const staff = await fx.person({ role: Role.COMPANY_STAFF, company: await fx.company(), name: '이수진' });
    const browser = new TestClient(hub.url);
    expect((await browser.data<{ requestSignInLink: boolean }>(REQUEST, { email: staff.email.toUpperCase() })).requestSignInLink).toBe(true);
    const token = await linkTokenIn(staff.email, 1);
    expect(smtp.to(staff.email)[0]!.subject).toBe('EcoHub 로그인 링크');
    expect((await browser.data<{ signInWithLink: { id: string } }>(USE, { token })).signInWithLink.id).toBe(staff.id);
    expect((await browser.data<{ viewer: { id: string } }>(VIEWER)).viewer.id).toBe(staff.id);
    // Single use.
    const error = await new TestClient(hub.url).error(USE, { token });
    expect(error.code).toBe('BAD_USER_INPUT');
  });

  it('expires after 15 minutes and refuses unknown links', async () => {
    const observer = await fx.person({ role: Role.OBSERVER, name: '최영호' });
    await new TestClient(hub.url).data(REQUEST, { email: observer.email });
    const token = await linkTokenIn(observer.email, 1);
    await fx.rows(`update sign_in_link set expires_at = now() - interval '1 second' where person_id = ?`, [observer.id]);
    expect(await new TestClient(hub.url).errorCode(USE, { token })).toBe('BAD_USER_INPUT');
    expect(await new TestClient(hub.url).errorCode(USE, { token: 'not-a-link' })).toBe('BAD_USER_INPUT');
  });

  it('answers the same for unknown, disabled and other roles, and mails none of them', async () => {
    const expert = await fx.person({ role: Role.EXPERT, name: '박성훈' });
    const disabled = await fx.person({ role: Role.COMPANY_STAFF, company: await fx.company(), name: '퇴사자' });
    await fx.rows(`update person set disabled_at = now() where id = ?`, [disabled.id]);
    for (const email of ['nobody@plating.test', expert.email, disabled.email]) {
      const answer = await new TestClient(hub.url).request(REQUEST, { email });
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toEqual({ requestSignInLink: true });
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.to('nobody@plating.test')).toHaveLength(0);
    expect(smtp.to(expert.email)).toHaveLength(0);
    expect(smtp.to(disabled.email)).toHaveLength(0);
  });

  it('is throttled like passwords: five requests per address in 15 minutes', async () => {
    const staff = await fx.person({ role: Role.COMPANY_STAFF, company: await fx.company(), name: '김도금' });
    const client = new TestClient(hub.url);
    for (let i = 0; i < 5; i++) await client.data(REQUEST, { email: staff.email });
    const refused = await client.error(REQUEST, { email: staff.email });
    expect(refused.code).toBe('TOO_MANY_REQUESTS');
    // An unknown address is refused alike: the limit reveals nothing either.
    for (let i = 0; i < 5; i++) await client.data(REQUEST, { email: 'ghost@plating.test' });
    expect(await client.errorCode(REQUEST, { email: 'ghost@plating.test' })).toBe('TOO_MANY_REQUESTS');
    await eventually(() => smtp.to(staff.email).length === 5, 20_000, 'five links');
  });
});
