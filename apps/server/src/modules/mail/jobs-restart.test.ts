import { Role } from '@ecohub/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/index.ts';
import { Fixtures } from '../../testing/fixtures.ts';
import { eventually, TestSmtp } from './mail.test-kit.ts';

const INVITE = `mutation($input: InvitePersonInput!) { invitePerson(input: $input) { link } }`;

describe('a hub restarting in the middle of a mail job', () => {
  const hubs: TestServer[] = [];
  let smtp: TestSmtp;
  afterAll(async () => {
    for (const hub of hubs.reverse()) await hub.close().catch(() => {});
    await smtp?.stop();
  });

  it('fails the interrupted attempt on shutdown and the restarted hub delivers the mail', async () => {
    smtp = await TestSmtp.start();
    const env = { SMTP_URL: smtp.url, PUBLIC_URL: 'http://ecohub.test' };
    const first = await startTestServer({ seeded: false, env, jobs: { pollIntervalMs: 200 } });
    hubs.push(first);
    const fx = new Fixtures(first.server.orm);
    const manager = await fx.clientFor(first.url, await fx.person({ role: Role.PROGRAM_MANAGER, name: '김정민' }));

    smtp.holding = true;
    const { invitePerson } = await manager.data<{ invitePerson: { link: string } }>(INVITE, {
      input: { email: 'mid.job@plating.test', name: '중단', role: 'OBSERVER' },
    });
    // The mail's data reached the SMTP server; its answer is held: the job is mid-send.
    await eventually(() => smtp.held.length === 1, 20_000, 'the send in flight');
    const stopping = Date.now();
    await first.server.close();
    expect(Date.now() - stopping).toBeLessThan(15_000);
    // The interrupted transaction never completes at the SMTP server.
    smtp.releaseHeld(false);
    const [interrupted] = await fx.rows<{ status: string; attempts: number; last_error: string }>(
      `select status, attempts, last_error from mail_message where to_address = 'mid.job@plating.test'`,
    );
    expect(interrupted).toMatchObject({ status: 'RETRYING', attempts: 1 });
    expect(interrupted!.last_error).toMatch(/interrupted/);

    const [job] = await fx.rows<{ locked_at: Date | null }>(`select locked_at from graphile_worker.jobs where task_identifier = 'mail:send'`);
    expect(job!.locked_at).toBeNull();
    // The restart: a hub on the same database picks the job up after its backoff.
    const second = await startTestServer({ databaseUrl: first.databaseUrl, env, jobs: { pollIntervalMs: 200 } });
    hubs.push(second);
    const [mail] = await eventually(() => smtp.to('mid.job@plating.test').length > 0 && smtp.to('mid.job@plating.test'), 30_000, 'the delivery');
    expect(mail!.text).toContain(invitePerson.link);
    // The SMTP server has it a moment before the hub records the answer.
    const done = await eventually(async () => {
      const [row] = await new Fixtures(second.server.orm).rows<{ status: string; attempts: number }>(
        `select status, attempts from mail_message where to_address = 'mid.job@plating.test'`,
      );
      return row?.status === 'SENT' && row;
    }, 20_000, 'the SENT status');
    expect(done).toEqual({ status: 'SENT', attempts: 2 });
    expect(smtp.to('mid.job@plating.test')).toHaveLength(1);
  }, 90_000);
});
