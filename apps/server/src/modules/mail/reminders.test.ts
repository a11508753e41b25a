import { Role } from '@ecohub/domain';
import { parseCrontab } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveClient } from '../../testing/live-client.ts';
import { startTestServer, type TestServer } from '../../testing/index.ts';
import { buildWorkWorld, type WorkWorld } from '../../testing/work-world.ts';
import { subscribed } from '../live/live.test-kit.ts';
import { NOTIFICATION_MAIL_JOB } from '../notification/index.ts';
import { digestJob } from './digest.job.ts';
import { MAIL_CRONTAB, REMINDERS_JOB, DAILY_DIGEST_JOB, WEEKLY_DIGEST_JOB } from './mail.jobs.ts';
import { eventually, TestSmtp } from './mail.test-kit.ts';
import { dailyRemindersJob } from './reminders.job.ts';

const CREATE_TASK = `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`;
const NOTIFICATION_ADDED = `subscription { notificationAdded { seq notification { kind task { id } measure { id } } } }`;
type Added = { seq: number; notification: { kind: string; task: { id: string } | null; measure: { id: string } | null } };

/** A clock the test sets; both hubs read it. */
const clock = { now: new Date('2013-03-04T07:59:00+09:00') };
const at = (iso: string) => {
  clock.now = new Date(iso);
};

describe('reminders and digests on a controllable clock, two hubs on one database', () => {
  let smtp: TestSmtp;
  let a: TestServer;
  let b: TestServer;
  let w: WorkWorld;
  let live: LiveClient;
  const tasks: Record<string, string> = {};
  let measureId: string;

  beforeAll(async () => {
    smtp = await TestSmtp.start();
    const env = { SMTP_URL: smtp.url, PUBLIC_URL: 'http://ecohub.test', MAIL_BATCH_SECONDS: '1' };
    a = await startTestServer({ seeded: false, env, clock: () => clock.now, jobs: { pollIntervalMs: 200 } });
    b = await startTestServer({ databaseUrl: a.databaseUrl, env, clock: () => clock.now, jobs: { pollIntervalMs: 200 } });
    w = await buildWorkWorld(a);
    // Only the reminders are mailed in this file.
    await w.as.staff.data(`mutation { setNotificationPreference(kind: ASSIGNMENT, mode: OFF) { kind } }`);
    const create = async (title: string, dueOn: string) =>
      (await w.as.expert.data<{ createTask: { id: string } }>(CREATE_TASK, {
        input: { companyId: w.company.id, title, dueOn, assigneeIds: [w.people.staff.id] },
      })).createTask.id;
    tasks.dueSoon = await create('배출량 보고서 제출', '2013-03-06');
    tasks.overdue = await create('폐수 시료 채취', '2013-03-01');
    tasks.later = await create('교육 자료 준비', '2013-03-10');
    tasks.done = await create('완료된 과제', '2013-02-20');
    await w.fx.rows(`update task set status = 'DONE', completed_at = '2013-03-03T10:00:00+09:00' where id = ?`, [tasks.done]);
    const { createMeasure } = await w.as.expert.data<{ createMeasure: { id: string } }>(
      `mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id } }`,
      { input: { companyId: w.company.id, programYearId: w.year.id, category: 'ON_SITE_REUSE', title: '세척수 재사용', investmentKrw: 1_000_000, expectedAnnualSavingsKrw: 500_000 } },
    );
    measureId = createMeasure.id;
    await w.fx.rows(`update measure set status = 'IMPLEMENTED', implemented_on = '2013-03-03', follow_up_due_on = '2013-03-04' where id = ?`, [measureId]);
    // The staff member watches on hub B while the reminders are written on hub A.
    live = new LiveClient(b.url, { cookie: w.as.staff.cookie, retry: false });
  });
  afterAll(async () => {
    await live?.close();
    await b?.close();
    await a?.close();
    await smtp?.stop();
  });

  it('schedules reminders and the daily digest at 08:00 in Seoul, the weekly digest on Mondays', () => {
    const items = parseCrontab(MAIL_CRONTAB);
    const digest = (iso: string) => {
      const d = new Date(iso);
      return { min: d.getUTCMinutes(), hour: d.getUTCHours(), date: d.getUTCDate(), month: d.getUTCMonth() + 1, dow: d.getUTCDay() };
    };
    const due = (iso: string) => items.filter((item) => item.match(digest(iso))).map((item) => item.task).sort();
    expect(due('2013-03-04T08:00:00+09:00')).toEqual([DAILY_DIGEST_JOB, REMINDERS_JOB, WEEKLY_DIGEST_JOB].sort());
    expect(due('2013-03-05T08:00:00+09:00')).toEqual([DAILY_DIGEST_JOB, REMINDERS_JOB].sort());
    expect(due('2013-03-05T07:00:00+09:00')).toEqual([]);
    expect(due('2013-03-05T23:00:00+09:00')).toEqual([]);
  });

  it('reminds once per task and condition even when both hubs run the day, live and by mail', async () => {
    const added = live.subscribe<Added>(NOTIFICATION_ADDED);
    await subscribed(b.server, 1);
    at('2013-03-04T08:00:00+09:00');
    const [onA, onB] = await Promise.all([dailyRemindersJob(a.server.services), dailyRemindersJob(b.server.services)]);
    expect({ dueSoon: onA.dueSoon + onB.dueSoon, overdue: onA.overdue + onB.overdue, followUps: onA.followUps + onB.followUps }).toEqual({
      dueSoon: 1,
      overdue: 1,
      followUps: 1,
    });
    const rows = await w.fx.rows<{ kind: string; recipient_id: string; task_id: string | null; measure_id: string | null }>(
      `select kind, recipient_id, task_id, measure_id from notification where kind in ('DUE_SOON', 'OVERDUE', 'FOLLOW_UP_DUE') order by kind, recipient_id`,
    );
    expect(rows.filter((r) => r.kind === 'DUE_SOON')).toEqual([{ kind: 'DUE_SOON', recipient_id: w.people.staff.id, task_id: tasks.dueSoon, measure_id: null }]);
    expect(rows.filter((r) => r.kind === 'OVERDUE')).toEqual([{ kind: 'OVERDUE', recipient_id: w.people.staff.id, task_id: tasks.overdue, measure_id: null }]);
    // The follow-up goes to the company's staff and the team's expert.
    expect(rows.filter((r) => r.kind === 'FOLLOW_UP_DUE').map((r) => r.recipient_id).sort()).toEqual([w.people.expert.id, w.people.staff.id].sort());

    const events = await added.until((e) => e.length >= 3);
    expect(events.map((e) => e.notification.kind).sort()).toEqual(['DUE_SOON', 'FOLLOW_UP_DUE', 'OVERDUE']);
    expect(events.find((e) => e.notification.kind === 'FOLLOW_UP_DUE')?.notification.measure).toEqual({ id: measureId });

    const [mail] = await eventually(() => smtp.to(w.people.staff.email).length > 0 && smtp.to(w.people.staff.email), 20_000, 'the reminder mail');
    expect(smtp.to(w.people.staff.email)).toHaveLength(1);
    expect(mail!.subject).toBe('EcoHub 새 알림 3건');
    expect(mail!.text).toContain(`/companies/${w.company.id}/tasks/${tasks.dueSoon}`);
    expect(mail!.text).toContain(`/companies/${w.company.id}/tasks/${tasks.overdue}`);
    expect(mail!.text).toContain(`/companies/${w.company.id}/measures#measure-${measureId}`);
    expect(mail!.text).toContain('마감이 이틀 남았습니다');

    // The next morning: nothing new for the same conditions.
    at('2013-03-05T08:00:00+09:00');
    expect(await dailyRemindersJob(b.server.services)).toEqual({ dueSoon: 0, overdue: 0, followUps: 0 });
    // A due date moved is a new condition.
    await w.fx.rows(`update task set due_on = '2013-03-07' where id = ?`, [tasks.later]);
    expect(await dailyRemindersJob(a.server.services)).toEqual({ dueSoon: 1, overdue: 0, followUps: 0 });
  });

  it('sends the daily digest of yesterday to experts and managers once, and the weekly one to observers', async () => {
    at('2013-03-04T08:00:00+09:00');
    const [onA, onB] = await Promise.all([digestJob(a.server.services, 'daily'), digestJob(b.server.services, 'daily')]);
    expect(onA + onB).toBeGreaterThanOrEqual(2);
    const digest = await eventually(() => smtp.to(w.people.expert.email).find((m) => m.subject === 'EcoHub 일일 요약'), 20_000, 'the expert digest');
    await eventually(() => smtp.to(w.people.manager.email).length > 0, 20_000, 'the manager digest');
    expect(digest.text).toContain('2013-03-03 하루 요약');
    expect(digest.text).toContain(`${w.company.nameKo}: 완료된 과제 1건`);
    // The KPI change: the measure implemented yesterday, with the board's figures (savings of 500,000 KRW a year).
    expect(digest.text).toContain('이행된 개선 조치 1건으로 연간 절감액 ₩500,000');
    // The expert of the other company's team sees nothing of this company.
    expect(smtp.to(w.people.otherExpert.email).some((m) => m.text.includes(w.company.nameKo))).toBe(false);
    expect(smtp.to(w.people.observer.email)).toHaveLength(0);
    expect(await digestJob(a.server.services, 'daily')).toBe(0);

    const weekly = await digestJob(a.server.services, 'weekly');
    expect(weekly).toBe(1);
    const [observerMail] = await eventually(() => smtp.to(w.people.observer.email).length > 0 && smtp.to(w.people.observer.email), 20_000, 'the weekly digest');
    expect(observerMail!.subject).toBe('EcoHub 주간 요약');
    expect(observerMail!.header('list-unsubscribe')).toBeTruthy();
  });

  it('puts the notifications a person chose to digest into their daily digest instead of a mail of their own', async () => {
    const staff = w.people.otherStaff;
    const client = await w.fx.clientFor(a.url, staff);
    await client.data(`mutation { setNotificationPreference(kind: ASSIGNMENT, mode: DAILY_DIGEST) { kind } }`);
    const mailsOf = async () =>
      (await w.fx.rows<{ n: number }>(`select count(*)::int as n from mail_message where recipient_id = ? and kind = 'NOTIFICATIONS'`, [staff.id]))[0]!.n;
    const before = await mailsOf();
    const { createTask } = await w.as.otherExpert.data<{ createTask: { id: string } }>(CREATE_TASK, {
      input: { companyId: w.otherCompany.id, title: '용수 재이용 검토', assigneeIds: [staff.id] },
    });
    // The person's batch job ran (its row is gone once done, however late a busy machine runs it) and queued no mail.
    const batch = `${NOTIFICATION_MAIL_JOB}:${staff.id}`;
    await eventually(async () => (await w.fx.rows(`select 1 from graphile_worker.jobs where key = ?`, [batch])).length === 0, 20_000, 'the batch job');
    expect(await mailsOf()).toBe(before);
    at('2013-03-06T08:00:00+09:00');
    await digestJob(b.server.services, 'daily');
    const digest = await eventually(() => smtp.to(staff.email).find((m) => m.subject === 'EcoHub 일일 요약'), 20_000, 'the staff digest');
    expect(digest.text).toContain('"용수 재이용 검토" 과제를 회원님에게 배정했습니다');
    expect(digest.text).toContain(`/companies/${w.otherCompany.id}/tasks/${createTask.id}`);
    const [row] = await w.fx.rows<{ mailed_at: Date | null }>(`select mailed_at from notification where task_id = ? and recipient_id = ?`, [createTask.id, staff.id]);
    expect(row!.mailed_at).not.toBeNull();
  });

  it('sends no digest to someone who turned it off', async () => {
    const quiet = await w.fx.person({ role: Role.PROGRAM_MANAGER, name: '조용한 관리자' });
    const client = await w.fx.clientFor(a.url, quiet);
    await client.data(`mutation { setNotificationPreference(kind: DIGEST, mode: OFF) { kind } }`);
    at('2013-03-05T08:00:00+09:00');
    await w.fx.rows(`update task set status = 'DONE', completed_at = '2013-03-04T15:00:00+09:00' where id = ?`, [tasks.dueSoon]);
    await digestJob(a.server.services, 'daily');
    await eventually(() => smtp.received.filter((m) => m.subject === 'EcoHub 일일 요약').length >= 4, 20_000, 'the second day digests');
    expect(smtp.to(quiet.email)).toHaveLength(0);
  });
});
