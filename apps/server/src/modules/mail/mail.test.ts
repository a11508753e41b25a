import { mentionToken, Role } from '@ecohub/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemUnitOfWork } from '../../core/actor/job-actor.ts';
import { inTransaction } from '../../core/database/transaction.ts';
import { startTestServer, TestClient, type TestServer } from '../../testing/index.ts';
import { buildWorkWorld, type WorkWorld } from '../../testing/work-world.ts';
import { openDueFollowUps, remindFollowUps } from '../follow-up/index.ts';
import { MailKind, MailMessage } from './mail-message.entity.ts';
import { eventually, TestSmtp } from './mail.test-kit.ts';
import { queueMail } from './mail.service.ts';
import { sendMailJob } from './mail-send.job.ts';
import { smtpTransport } from './mail-transport.ts';

const PUBLIC_URL = 'http://ecohub.test';
const BATCH_SECONDS = 2;
const INVITE = `mutation($input: InvitePersonInput!) { invitePerson(input: $input) { link token } }`;
const CREATE_TASK = `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`;
const ADD_COMMENT = `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`;
const ASSIGN = `mutation($taskId: ID!, $personId: ID!) { assignTask(taskId: $taskId, personId: $personId) { id } }`;
const SET_PREF = `mutation($kind: MailTopic!, $mode: DeliveryMode!) { setNotificationPreference(kind: $kind, mode: $mode) { kind mode } }`;
const OUTBOX = `query($status: MailStatus) { mailOutbox(status: $status, first: 100) { totalCount edges { node { id toAddress subject html text status attempts lastError sentAt kind recipient { id } } } }
  mailOutboxTrouble { retrying failed } }`;

type OutboxNode = { id: string; toAddress: string; subject: string; html: string; text: string; status: string; attempts: number; lastError: string | null; kind: string };
type Outbox = { mailOutbox: { totalCount: number; edges: { node: OutboxNode }[] }; mailOutboxTrouble: { retrying: number; failed: number } };

describe('mail over a real SMTP server', () => {
  let smtp: TestSmtp;
  let hub: TestServer;
  let w: WorkWorld;
  let admin: TestClient;

  const outbox = async (status?: string) => (await admin.data<Outbox>(OUTBOX, status ? { status } : {})).mailOutbox.edges.map((e) => e.node);
  const task = async (title: string, assigneeIds: string[] = []) =>
    (await w.as.expert.data<{ createTask: { id: string } }>(CREATE_TASK, { input: { companyId: w.company.id, title, assigneeIds } })).createTask.id;

  beforeAll(async () => {
    smtp = await TestSmtp.start();
    hub = await startTestServer({
      seeded: false,
      env: { SMTP_URL: smtp.url, PUBLIC_URL, MAIL_BATCH_SECONDS: String(BATCH_SECONDS), MAIL_FROM: 'EcoHub <hub@ecohub.test>' },
      jobs: { pollIntervalMs: 200 },
    });
    w = await buildWorkWorld(hub);
    admin = await w.fx.clientFor(hub.url, await w.fx.person({ role: Role.ADMIN, name: '관리자' }));
  });
  afterAll(async () => {
    await hub?.close();
    await smtp?.stop();
  });

  it('mails an invitation carrying the same accept link as the answer, in Korean HTML and text', async () => {
    const { invitePerson } = await w.as.manager.data<{ invitePerson: { link: string; token: string } }>(INVITE, {
      input: { email: 'new.staff@plating.test', name: '정하늘', role: 'COMPANY_STAFF', companyId: w.company.id },
    });
    expect(invitePerson.link).toBe(`${PUBLIC_URL}/accept-invitation#token=${encodeURIComponent(invitePerson.token)}`);
    const [mail] = await eventually(() => smtp.to('new.staff@plating.test').length > 0 && smtp.to('new.staff@plating.test'), 20_000, 'the invitation');
    expect(mail!.subject).toBe('EcoHub에 초대되었습니다');
    expect(mail!.text).toContain(invitePerson.link);
    expect(mail!.html).toContain(invitePerson.link.replace(/&/g, '&amp;'));
    expect(mail!.text).toContain('정하늘');
    expect(mail!.parsed.from?.text).toContain('hub@ecohub.test');
    // Transactional mail has no unsubscribe link.
    expect(mail!.header('list-unsubscribe')).toBeUndefined();
    // The link from the mail works.
    const token = decodeURIComponent(mail!.text.match(/#token=([^\s]+)/)![1]!);
    const joined = await new TestClient(hub.url).data<{ acceptInvitation: { id: string } }>(
      `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { id } }`,
      { input: { token, name: '정하늘', password: 'plating-shop-2013!' } },
    );
    expect(joined.acceptInvitation.id).toBeTruthy();
    await eventually(async () => (await outbox('SENT')).some((m) => m.toAddress === 'new.staff@plating.test' && m.kind === 'INVITATION'), 20_000, 'SENT');
  });

  it('sends nothing for a change that rolls back', async () => {
    const services = hub.server.services;
    const before = await w.fx.rows<{ n: number }>(`select count(*)::int as n from graphile_worker.jobs where task_identifier = 'mail:send'`);
    await expect(
      inTransaction(systemUnitOfWork(services, services.logger), async (em, changes) => {
        await queueMail(em, changes, {
          to: { id: w.people.staff.id, email: w.people.staff.email, locale: 'ko' },
          kind: MailKind.Invitation,
          render: () => ({ subject: 'rolled back', heading: 'x', paragraphs: [], footer: [] }),
        });
        throw new Error('the change fails after queueing its mail');
      }),
    ).rejects.toThrow('the change fails');
    const after = await w.fx.rows<{ n: number }>(`select count(*)::int as n from graphile_worker.jobs where task_identifier = 'mail:send'`);
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(await w.fx.rows(`select id from mail_message where subject = 'rolled back'`)).toHaveLength(0);
  });

  it('gathers mentions and assignments into one mail per batch window, each linking to its task or comment', async () => {
    const staff = w.people.staff;
    const sentBefore = smtp.to(staff.email).length;
    const first = await task('폐수 처리 점검', [staff.id]);
    const second = await task('도금액 교체 계획');
    await w.as.expert.data(ASSIGN, { taskId: second, personId: staff.id });
    const { addComment } = await w.as.expert.data<{ addComment: { id: string } }>(ADD_COMMENT, {
      input: { taskId: first, body: `${mentionToken(staff.name, staff.id)} 측정값 확인 부탁드립니다` },
    });
    const mails = await eventually(() => smtp.to(staff.email).length > sentBefore && smtp.to(staff.email).slice(sentBefore), 20_000, 'the batch');
    // Nothing else arrives in the same window.
    await new Promise((resolve) => setTimeout(resolve, (BATCH_SECONDS + 1) * 1000));
    expect(smtp.to(staff.email).length - sentBefore).toBe(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('EcoHub 새 알림 3건');
    expect(mail.text).toContain(`${PUBLIC_URL}/companies/${w.company.id}/tasks/${first}`);
    expect(mail.text).toContain(`${PUBLIC_URL}/companies/${w.company.id}/tasks/${second}`);
    expect(mail.text).toContain(`${PUBLIC_URL}/companies/${w.company.id}/tasks/${first}#comment-${addComment.id}`);
    expect(mail.text).toContain('폐수 처리 점검');
    // RFC 8058 one-click unsubscribe, for the kinds in this mail.
    expect(mail.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.header('list-unsubscribe')).toMatch(new RegExp(`${PUBLIC_URL}/mail/unsubscribe\\?token=`));

    // A later notification opens a new window: a second mail.
    await w.as.expert.data(ADD_COMMENT, { input: { taskId: second, body: `${mentionToken(staff.name, staff.id)} 일정 공유` } });
    await eventually(() => smtp.to(staff.email).length === sentBefore + 2, 20_000, 'the next batch');
  });

  it('mails in the recipient locale', async () => {
    await w.fx.rows(`update person set locale = 'en' where id = ?`, [w.people.otherStaff.id]);
    const before = smtp.to(w.people.otherStaff.email).length;
    const id = (await w.as.otherExpert.data<{ createTask: { id: string } }>(CREATE_TASK, {
      input: { companyId: w.otherCompany.id, title: 'Solvent audit', assigneeIds: [w.people.otherStaff.id] },
    })).createTask.id;
    const [mail] = await eventually(() => smtp.to(w.people.otherStaff.email).length > before && smtp.to(w.people.otherStaff.email).slice(before), 20_000, 'the mail');
    expect(mail!.subject).toBe('EcoHub: 1 new notification');
    expect(mail!.text).toContain(`assigned "Solvent audit" to you`);
    expect(mail!.text).toContain(`/companies/${w.otherCompany.id}/tasks/${id}`);
    // Only the people's own names are in Korean.
    expect(mail!.text.replaceAll(w.people.otherExpert.name, '')).not.toMatch(/[\uac00-\ud7a3]/);
  });

  it('names the company and the round in follow-up requests, in each recipient locale', async () => {
    for (const [companyId, title, who] of [[w.company.id, '세척수 재이용', 'expert'], [w.otherCompany.id, '폐열 회수', 'otherExpert']] as const) {
      await w.as[who].data('mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id } }', {
        input: { companyId, programYearId: w.year.id, category: 'ON_SITE_REUSE', title, expectedAnnualSavingsKrw: 5_000_000 },
      });
    }
    const [year] = await w.fx.rows<{ start_year: number; number: number }>(`select extract(year from starts_on)::int as start_year, number from program_year where id = ?`, [w.year.id]);
    const [company, other] = await Promise.all(
      [w.company.id, w.otherCompany.id].map(async (id) => (await w.fx.rows<{ name_ko: string; name_en: string | null }>(`select name_ko, name_en from company where id = ?`, [id]))[0]!),
    );
    const before = { ko: smtp.to(w.people.staff.email).length, en: smtp.to(w.people.otherStaff.email).length };
    const services = hub.server.services;
    // The 6-month round of a year that ended long before this day.
    const ends = await w.fx.rows<{ due: string }>(`select (ends_on + interval '7 months')::date::text as due from program_year where id = ?`, [w.year.id]);
    expect(await openDueFollowUps(systemUnitOfWork(services, hub.server.logger), ends[0]!.due)).toBe(2);
    const [ko] = await eventually(() => smtp.to(w.people.staff.email).length > before.ko && smtp.to(w.people.staff.email).slice(before.ko), 20_000, 'the Korean mail');
    const [en] = await eventually(() => smtp.to(w.people.otherStaff.email).length > before.en && smtp.to(w.people.otherStaff.email).slice(before.en), 20_000, 'the English mail');
    expect(ko!.text).toContain(`"${company!.name_ko} ${year!.start_year} ${year!.number}차년도 6개월 사후관리" 요청이 열렸습니다`);
    expect(ko!.text).toContain(`${PUBLIC_URL}/companies/${w.company.id}/follow-up`);
    expect(en!.text).toContain(`"${other!.name_en ?? other!.name_ko}, ${year!.start_year} year ${year!.number}, 6-month follow-up" is open`);
    expect(en!.text).not.toContain('""');

    // The reminder two weeks past due names the same round.
    const again = { ko: smtp.to(w.people.staff.email).length, en: smtp.to(w.people.otherStaff.email).length };
    await remindFollowUps(systemUnitOfWork(services, hub.server.logger), '2099-01-01');
    const [reminder] = await eventually(() => smtp.to(w.people.staff.email).length > again.ko && smtp.to(w.people.staff.email).slice(again.ko), 20_000, 'the reminder mail');
    expect(reminder!.text).toContain(`"${company!.name_ko} ${year!.start_year} ${year!.number}차년도 6개월 사후관리" 답변을 기다리고 있습니다`);
    await eventually(() => smtp.to(w.people.otherStaff.email).length > again.en, 20_000, 'the English reminder');
  });

  it('follows preferences: off sends nothing, the one-click unsubscribe turns a kind off', async () => {
    const staff = w.people.staff;
    await w.as.staff.data(SET_PREF, { kind: 'ASSIGNMENT', mode: 'OFF' });
    expect(await w.as.staff.errorCode(SET_PREF, { kind: 'DIGEST', mode: 'IMMEDIATE' })).toBe('BAD_USER_INPUT');
    const before = smtp.to(staff.email).length;
    await task('배정만 된 과제', [staff.id]);
    const mentioned = await task('언급된 과제');
    await w.as.expert.data(ADD_COMMENT, { input: { taskId: mentioned, body: `${mentionToken(staff.name, staff.id)} 봐주세요` } });
    const [mail] = await eventually(() => smtp.to(staff.email).length > before && smtp.to(staff.email).slice(before), 20_000, 'the mention');
    expect(mail!.subject).toBe('EcoHub 새 알림 1건');
    expect(mail!.text).not.toContain('배정만 된 과제');

    // One-click: a POST to the List-Unsubscribe address, as a mail app sends it.
    const url = mail!.header('list-unsubscribe')!.replace(/^</, '').replace(/>$/, '');
    const page = await fetch(url.replace(PUBLIC_URL, hub.url));
    expect(page.status).toBe(200);
    const prefs = async () => (await w.as.staff.data<{ notificationPreferences: { kind: string; mode: string }[] }>(`{ notificationPreferences { kind mode } }`)).notificationPreferences;
    expect((await prefs()).find((p) => p.kind === 'MENTION')?.mode).toBe('IMMEDIATE');
    const post = await fetch(url.replace(PUBLIC_URL, hub.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(post.status).toBe(200);
    expect(await post.text()).toContain('언급');
    expect(await prefs()).toEqual(expect.arrayContaining([{ kind: 'MENTION', mode: 'OFF' }, { kind: 'ASSIGNMENT', mode: 'OFF' }, { kind: 'DIGEST', mode: 'DAILY_DIGEST' }]));
    expect((await fetch(`${hub.url}/mail/unsubscribe?token=unknown`, { method: 'POST' })).status).toBe(404);
    await w.as.staff.data(SET_PREF, { kind: 'MENTION', mode: 'IMMEDIATE' });
    await w.as.staff.data(SET_PREF, { kind: 'ASSIGNMENT', mode: 'IMMEDIATE' });
  });

  it('sends nothing to a person disabled or without access by the time the mail goes out', async () => {
    const gone = await w.fx.person({ role: Role.COMPANY_STAFF, company: w.company, name: '퇴사자' });
    const moved = await w.fx.person({ role: Role.COMPANY_STAFF, company: w.company, name: '전근자' });
    await task('곧 사라질 담당자', [gone.id, moved.id]);
    await admin.data(`mutation($id: ID!) { disablePerson(id: $id) { id } }`, { id: gone.id });
    await admin.data(`mutation($id: ID!, $companyId: ID) { setPersonRole(id: $id, role: COMPANY_STAFF, companyId: $companyId) { id } }`, {
      id: moved.id,
      companyId: w.otherCompany.id,
    });
    await new Promise((resolve) => setTimeout(resolve, (BATCH_SECONDS + 3) * 1000));
    expect(smtp.to(gone.email)).toHaveLength(0);
    expect(smtp.to(moved.email)).toHaveLength(0);
  });

  it('checks at send time, not when queued: a mail about a company its recipient left is not sent', async () => {
    const services = hub.server.services;
    const leaver = await w.fx.person({ role: Role.COMPANY_STAFF, company: w.company, name: '이직자' });
    // Queued while the person still works for the company (the send job is told to wait).
    const message = await inTransaction(systemUnitOfWork(services, services.logger), async (em) => {
      return em.create(MailMessage, {
        recipient: leaver.id,
        toAddress: leaver.email,
        kind: MailKind.Notifications,
        company: w.company.id,
        subject: '회사 소식',
        html: '<p>회사 소식</p>',
        text: '회사 소식',
      });
    });
    await admin.data(`mutation($id: ID!, $companyId: ID) { setPersonRole(id: $id, role: COMPANY_STAFF, companyId: $companyId) { id } }`, {
      id: leaver.id,
      companyId: w.otherCompany.id,
    });
    const transport = smtpTransport(smtp.url);
    await sendMailJob(services, transport, message.id, 1);
    transport.close();
    const [row] = await w.fx.rows<{ status: string; last_error: string }>(`select status, last_error from mail_message where id = ?`, [message.id]);
    expect(row).toEqual({ status: 'SKIPPED', last_error: 'the person no longer has access to the company' });
    expect(smtp.to(leaver.email)).toHaveLength(0);
  });

  it('marks a bounced address on the person and sends it nothing more', async () => {
    const bouncing = await w.fx.person({ role: Role.COMPANY_STAFF, company: w.company, name: '반송', email: 'bounce@plating.test' });
    smtp.refuse.add('bounce@plating.test');
    await task('반송될 배정', [bouncing.id]);
    const bounced = await eventually(async () => (await outbox('BOUNCED')).find((m) => m.toAddress === 'bounce@plating.test'), 20_000, 'the bounce');
    expect(bounced.lastError).toMatch(/550|mailbox unavailable/);
    const [row] = await w.fx.rows<{ mail_bounced_at: Date | null }>(`select mail_bounced_at from person where id = ?`, [bouncing.id]);
    expect(row!.mail_bounced_at).not.toBeNull();
    const seen = await admin.data<{ person: { mailBouncedAt: string | null } }>(`query($id: ID!) { person(id: $id) { mailBouncedAt } }`, { id: bouncing.id });
    expect(seen.person.mailBouncedAt).not.toBeNull();
    smtp.refuse.clear();
    await task('반송 이후 배정', [bouncing.id]);
    const skipped = await eventually(async () => (await outbox('SKIPPED')).find((m) => m.toAddress === 'bounce@plating.test'), 20_000, 'the skip');
    expect(skipped.lastError).toMatch(/bounced/);
    expect(smtp.to('bounce@plating.test')).toHaveLength(0);
  });

  it('keeps mail through an SMTP outage, shows it to admins, and delivers it when the server is back', async () => {
    await smtp.stop();
    const { invitePerson } = await w.as.manager.data<{ invitePerson: { link: string } }>(INVITE, {
      input: { email: 'during.outage@plating.test', name: '장애 중', role: 'OBSERVER' },
    });
    const waiting = await eventually(async () => (await outbox('RETRYING')).find((m) => m.toAddress === 'during.outage@plating.test'), 20_000, 'a failed attempt');
    expect(waiting.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect((await admin.data<Outbox>(OUTBOX)).mailOutboxTrouble.retrying).toBeGreaterThanOrEqual(1);
    expect(await w.as.manager.errorCode(OUTBOX)).toBe('FORBIDDEN');
    await smtp.start();
    // graphile-worker retries after exp(attempts) seconds: 3 s, then 7 s, then 20 s.
    const [mail] = await eventually(() => smtp.to('during.outage@plating.test').length > 0 && smtp.to('during.outage@plating.test'), 45_000, 'the retry');
    expect(mail!.text).toContain(invitePerson.link);
    const sent = await eventually(async () => (await outbox('SENT')).find((m) => m.toAddress === 'during.outage@plating.test'), 20_000, 'SENT');
    expect(sent!.attempts).toBeGreaterThanOrEqual(2);
  }, 90_000);
});

describe('mail without SMTP_URL', () => {
  let hub: TestServer;
  let w: WorkWorld;
  beforeAll(async () => {
    hub = await startTestServer({ seeded: false, env: { PUBLIC_URL }, jobs: { pollIntervalMs: 200 } });
    w = await buildWorkWorld(hub);
  });
  afterAll(() => hub?.close());

  it('keeps mail in the database for admins to read on the outbox page', async () => {
    const admin = await w.fx.clientFor(hub.url, await w.fx.person({ role: Role.ADMIN, name: '관리자' }));
    const { invitePerson } = await w.as.manager.data<{ invitePerson: { link: string } }>(INVITE, {
      input: { email: 'kept@plating.test', name: '보관', role: 'OBSERVER' },
    });
    const kept = await eventually(async () => {
      const nodes = (await admin.data<Outbox>(OUTBOX, { status: 'KEPT' })).mailOutbox.edges.map((e) => e.node);
      return nodes.find((m) => m.toAddress === 'kept@plating.test');
    }, 20_000, 'the kept mail');
    expect(kept.subject).toBe('EcoHub에 초대되었습니다');
    expect(kept.html).toContain('<a href="');
    expect(kept.text).toContain(invitePerson.link);
    expect(await w.as.staff.errorCode(OUTBOX)).toBe('FORBIDDEN');
    expect(await new TestClient(hub.url).errorCode(OUTBOX)).toBe('UNAUTHENTICATED');
  });
});
