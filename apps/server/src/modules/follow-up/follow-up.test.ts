import { parseCrontab } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnitOfWork } from '../../core/actor/unit-of-work.ts';
import { startTestServer, type TestServer } from '../../testing/index.ts';
import { buildWorkWorld, type WorkWorld } from '../../testing/work-world.ts';
import { eventually } from '../mail/mail.test-kit.ts';
import { FOLLOW_UP_CRONTAB, FOLLOW_UP_JOB } from './follow-up.jobs.ts';
import { openDueFollowUps, remindFollowUps } from './follow-up.service.ts';

const REQUEST = `id version monthsAfter dueOn submittedAt company { id nameKo }
  items { measure { id title status reportedOutcome reportedAnnualSavingsKrw reportedInvestmentKrw verifiedAnnualSavingsKrw verifiedInvestmentKrw }
          answer { id outcome reason actualInvestmentKrw actualAnnualSavingsKrw implementedOn verifiedAt answeredBy { id } } }`;

interface Item {
  measure: { id: string; title: string; status: string; reportedOutcome: string | null; reportedAnnualSavingsKrw: number | null; verifiedAnnualSavingsKrw: number | null; verifiedInvestmentKrw: number | null };
  answer: { id: string; outcome: string; verifiedAt: string | null } | null;
}
interface Request {
  id: string;
  version: number;
  monthsAfter: number;
  dueOn: string;
  submittedAt: string | null;
  company: { id: string };
  items: Item[];
}

describe('follow-up of implementation', () => {
  let hub: TestServer;
  let w: WorkWorld;
  const measureIds: string[] = [];
  const systemUnit = () => createUnitOfWork({ services: hub.server.services, viewer: null, logger: hub.server.logger });

  const createMeasure = async (companyId: string, title: string, savings: number) =>
    (
      await w.as.expert.data<{ createMeasure: { id: string } }>('mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id } }', {
        input: { companyId, programYearId: w.year.id, category: 'PROCESS_CHANGE', title, investmentKrw: savings * 2, expectedAnnualSavingsKrw: savings },
      })
    ).createMeasure.id;

  beforeAll(async () => {
    hub = await startTestServer({ seeded: false });
    w = await buildWorkWorld(hub);
    measureIds.push(await createMeasure(w.company.id, '도금액 회수 설비', 10_000_000));
    measureIds.push(await createMeasure(w.company.id, '세척수 재이용', 30_000_000));
    await w.as.otherExpert.data('mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id } }', {
      input: { companyId: w.otherCompany.id, programYearId: w.year.id, category: 'ON_SITE_REUSE', title: '폐열 회수', expectedAnnualSavingsKrw: 5_000_000 },
    });
  });
  afterAll(() => hub.close());

  const requestsAs = async (who: keyof WorkWorld['as']) =>
    (await w.as[who].data<{ followUpRequests: Request[] }>(`query($f: FollowUpFilter) { followUpRequests(filter: $f) { ${REQUEST} } }`, { f: { programYearId: w.year.id } })).followUpRequests;

  it('keeps the schedule per year: 6 and 12 months by default, changed by managers only', async () => {
    const months = async () => (await w.as.manager.data<{ programYear: { followUpMonths: number[] } }>('query($id: ID!) { programYear(id: $id) { followUpMonths } }', { id: w.year.id })).programYear.followUpMonths;
    expect(await months()).toEqual([6, 12]);
    const set = 'mutation($id: ID!, $m: [Int!]!) { setFollowUpPlan(programYearId: $id, monthsAfter: $m) }';
    expect(await w.as.expert.errorCode(set, { id: w.year.id, m: [3] })).toBe('FORBIDDEN');
    expect(await w.as.manager.errorCode(set, { id: w.year.id, m: [0] })).toBe('BAD_USER_INPUT');
    expect((await w.as.manager.data<{ setFollowUpPlan: number[] }>(set, { id: w.year.id, m: [12, 6, 24] })).setFollowUpPlan).toEqual([6, 12, 24]);
    expect(await months()).toEqual([6, 12, 24]);
  });

  it('opens the due requests once per company and month, and tells the staff in the app', async () => {
    // The year ends 2013-07-31: on 2014-03-01 only the 6-month follow-up (2014-01-31) is due.
    expect(await openDueFollowUps(systemUnit(), '2014-03-01')).toBe(2);
    expect(await openDueFollowUps(systemUnit(), '2014-03-01')).toBe(0);
    const staffRequests = await requestsAs('staff');
    expect(staffRequests.map((r) => [r.monthsAfter, r.dueOn, r.company.id])).toEqual([[6, '2014-01-31', w.company.id]]);
    expect(staffRequests[0]!.items.map((i) => i.measure.title)).toEqual(['도금액 회수 설비', '세척수 재이용']);
    const notifications = await w.fx.rows<{ recipient_id: string; kind: string; company_id: string; task_id: string | null }>(
      `select recipient_id, kind, company_id, task_id from notification where kind like 'FOLLOW_UP%' order by recipient_id`,
    );
    expect(notifications).toEqual(
      expect.arrayContaining([
        { recipient_id: w.people.staff.id, kind: 'FOLLOW_UP_DUE', company_id: w.company.id, task_id: null },
        { recipient_id: w.people.otherStaff.id, kind: 'FOLLOW_UP_DUE', company_id: w.otherCompany.id, task_id: null },
      ]),
    );
    expect(notifications).toHaveLength(2);
    // Through 2015 the 12- and 24-month ones follow.
    expect(await openDueFollowUps(systemUnit(), '2015-12-31')).toBe(4);
  });

  it("shows a company's requests to its staff, its team and managers only", async () => {
    expect((await requestsAs('manager')).length).toBe(6);
    expect((await requestsAs('expert')).every((r) => r.company.id === w.company.id)).toBe(true);
    expect((await requestsAs('otherStaff')).every((r) => r.company.id === w.otherCompany.id)).toBe(true);
    expect((await requestsAs('observer')).length).toBe(0);
    const own = (await requestsAs('staff')).find((r) => r.monthsAfter === 6)!;
    expect(await w.as.otherStaff.errorCode('query($id: ID!) { followUpRequest(id: $id) { id } }', { id: own.id })).toBe('NOT_FOUND');
    expect(await w.as.otherExpert.errorCode('query($id: ID!) { followUpRequest(id: $id) { id } }', { id: own.id })).toBe('NOT_FOUND');
  });

  const submit = 'mutation($input: SubmitFollowUpInput!) { submitFollowUp(input: $input) { id version submittedAt } }';

  it('takes the staff answers per measure and keeps them apart from the proposed figures', async () => {
    const request = (await requestsAs('staff')).find((r) => r.monthsAfter === 6)!;
    const answers = [
      { measureId: measureIds[0], outcome: 'IMPLEMENTED', actualInvestmentKrw: 22_000_000, actualAnnualSavingsKrw: 12_000_000, implementedOn: '2013-11-15' },
      { measureId: measureIds[1], outcome: 'NOT_IMPLEMENTED', reason: '설비 교체 예산 부족' },
    ];
    expect(await w.as.staff.errorCode(submit, { input: { requestId: request.id, version: request.version, answers: [{ measureId: measureIds[1], outcome: 'NOT_IMPLEMENTED' }] } })).toBe('BAD_USER_INPUT');
    expect(await w.as.staff.errorCode(submit, { input: { requestId: request.id, version: request.version, answers: [{ measureId: measureIds[1], outcome: 'UNKNOWN', actualAnnualSavingsKrw: 5 }] } })).toBe('BAD_USER_INPUT');
    expect(await w.as.otherStaff.errorCode(submit, { input: { requestId: request.id, version: request.version, answers } })).toBe('NOT_FOUND');
    expect(await w.as.observer.errorCode(submit, { input: { requestId: request.id, version: request.version, answers } })).toBe('NOT_FOUND');
    const { submitFollowUp } = await w.as.staff.data<{ submitFollowUp: { submittedAt: string | null; version: number } }>(submit, { input: { requestId: request.id, version: request.version, answers } });
    expect(submitFollowUp.submittedAt).not.toBeNull();
    expect(await w.as.staff.errorCode(submit, { input: { requestId: request.id, version: request.version, answers } })).toBe('CONFLICT');

    const after = (await requestsAs('expert')).find((r) => r.id === request.id)!;
    expect(after.items.map((i) => [i.answer?.outcome, i.measure.reportedOutcome, i.measure.reportedAnnualSavingsKrw, i.measure.status])).toEqual([
      ['IMPLEMENTED', 'IMPLEMENTED', 12_000_000, 'PROPOSED'],
      ['NOT_IMPLEMENTED', 'NOT_IMPLEMENTED', null, 'PROPOSED'],
    ]);
    const { programYear } = await w.as.manager.data<{ programYear: { kpis: { totals: { expectedAnnualSavingsKrw: number; reportedAnnualSavingsKrw: number; followUpAnswered: number } } } }>(
      'query($id: ID!) { programYear(id: $id) { kpis { totals { expectedAnnualSavingsKrw reportedAnnualSavingsKrw followUpAnswered } } } }',
      { id: w.year.id },
    );
    expect(programYear.kpis.totals).toEqual({ expectedAnnualSavingsKrw: 45_000_000, reportedAnnualSavingsKrw: 12_000_000, followUpAnswered: 2 });
  });

  it('lets an expert of the team verify an answer: the measure becomes VERIFIED and the implementation rates move', async () => {
    const request = (await requestsAs('expert')).find((r) => r.monthsAfter === 6)!;
    const answerId = request.items[0]!.answer!.id;
    const verify = 'mutation($input: VerifyFollowUpAnswerInput!) { verifyFollowUpAnswer(input: $input) { id verifiedAt verifiedAnnualSavingsKrw verifiedInvestmentKrw verifiedBy { id } } }';
    expect(await w.as.staff.errorCode(verify, { input: { answerId } })).toBe('FORBIDDEN');
    expect(await w.as.otherExpert.errorCode(verify, { input: { answerId } })).toBe('NOT_FOUND');
    const { verifyFollowUpAnswer } = await w.as.expert.data<{ verifyFollowUpAnswer: { verifiedAnnualSavingsKrw: number; verifiedInvestmentKrw: number; verifiedBy: { id: string } } }>(verify, {
      input: { answerId, verifiedAnnualSavingsKrw: 11_000_000, note: '전력량계 확인' },
    });
    expect(verifyFollowUpAnswer).toMatchObject({ verifiedAnnualSavingsKrw: 11_000_000, verifiedInvestmentKrw: 22_000_000, verifiedBy: { id: w.people.expert.id } });
    const { measure } = await w.as.staff.data<{ measure: { status: string; implementedOn: string; expectedAnnualSavingsKrw: number; reportedAnnualSavingsKrw: number; verifiedAnnualSavingsKrw: number } }>(
      'query($id: ID!) { measure(id: $id) { status implementedOn expectedAnnualSavingsKrw reportedAnnualSavingsKrw verifiedAnnualSavingsKrw } }',
      { id: measureIds[0] },
    );
    expect(measure).toEqual({ status: 'VERIFIED', implementedOn: '2013-11-15', expectedAnnualSavingsKrw: 10_000_000, reportedAnnualSavingsKrw: 12_000_000, verifiedAnnualSavingsKrw: 11_000_000 });
    const { programYear } = await w.as.staff.data<{ programYear: { kpis: { byCompany: { implementationRate: number; implementationRateBySavings: number; verifiedAnnualSavingsKrw: number }[] } } }>(
      'query($id: ID!) { programYear(id: $id) { kpis { byCompany { implementationRate implementationRateBySavings verifiedAnnualSavingsKrw } } } }',
      { id: w.year.id },
    );
    expect(programYear.kpis.byCompany).toEqual([{ implementationRate: 0.5, implementationRateBySavings: 0.25, verifiedAnnualSavingsKrw: 11_000_000 }]);
    // A verified answer is final for the company.
    const latest = (await requestsAs('staff')).find((r) => r.id === request.id)!;
    expect(
      await w.as.staff.errorCode(submit, { input: { requestId: request.id, version: latest.version, answers: [{ measureId: measureIds[0], outcome: 'UNKNOWN' }] } }),
    ).toBe('CONFLICT');
  });

  it('reminds unanswered companies two weeks after the due date, at most three times', async () => {
    // Company 1 answered its 6-month request; the others are open.
    const first = await remindFollowUps(systemUnit(), '2016-06-01');
    expect(first).toBe(5);
    expect(await remindFollowUps(systemUnit(), '2016-06-01')).toBe(0);
    const [reminded] = await w.fx.rows<{ count: string }>(`select count(*) from notification where kind = 'FOLLOW_UP_REMINDER' and recipient_id = ?`, [w.people.otherStaff.id]);
    expect(Number(reminded!.count)).toBe(3);
    await w.fx.rows(`update follow_up_request set reminded_at = now() - interval '30 days'`);
    expect(await remindFollowUps(systemUnit(), '2016-06-01')).toBe(5);
    await w.fx.rows(`update follow_up_request set reminded_at = now() - interval '30 days'`);
    await remindFollowUps(systemUnit(), '2016-06-01');
    await w.fx.rows(`update follow_up_request set reminded_at = now() - interval '30 days'`);
    expect(await remindFollowUps(systemUnit(), '2016-06-01')).toBe(0);
  });

  it('runs daily at 07:00 in Seoul on the job queue, which opens what is due on the hub', async () => {
    const [item, ...others] = parseCrontab(FOLLOW_UP_CRONTAB);
    expect([item!.task, others]).toEqual([FOLLOW_UP_JOB, []]);
    // 22:00 UTC, every day of the week.
    const hours = [...Array(24).keys()].filter((hour) => item!.match({ min: 0, hour, date: 1, month: 1, dow: 1 }));
    expect(hours).toEqual([22]);
    expect([...Array(7).keys()].every((dow) => item!.match({ min: 0, hour: 22, date: 1, month: 1, dow }))).toBe(true);
    // The 24-month requests were never answered: gone, the queued job opens them again (the hub's today is past them).
    await w.fx.rows(`delete from follow_up_request where months_after = 24`);
    await w.fx.rows(`select graphile_worker.add_job(?)`, [FOLLOW_UP_JOB]);
    const reopened = await eventually(async () => {
      const [row] = await w.fx.rows<{ count: string }>(`select count(*) from follow_up_request where months_after = 24`);
      return Number(row!.count) === 2 ? 2 : undefined;
    }, 20_000, 'the queued follow-up job');
    expect(reopened).toBe(2);
  });
});
