import {
  DEFAULT_FOLLOW_UP_MONTHS,
  followUpAnswerViolations,
  followUpMonthsViolations,
  FollowUpOutcome,
  LIMITS,
  MeasureStatus,
  PARTICIPATING_STATUSES,
  Role,
  Validator,
  type FollowUpAnswerFields,
} from '@ecohub/domain';
import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { sqlUuidArray } from '../../core/auth/access.ts';
import { addMonths, programToday } from '../../core/calendar.ts';
import { applyChanges, inTransaction, type ChangeLog } from '../../core/database/transaction.ts';
import { assertVersion, findRecord } from '../../core/database/records.ts';
import { assertValid, badInput, conflict, notFound } from '../../core/errors.ts';
import { isUuid, newId } from '../../core/ids.ts';
import { EventType } from '../../core/realtime/event-types.ts';
import { Measure } from '../measure/index.ts';
import { notify, NotificationKind } from '../notification/index.ts';
import { Person, stampEdit } from '../people/index.ts';
import { FollowUpAnswer, FollowUpPlan, FollowUpRequest } from './follow-up.entity.ts';

const PARTICIPANTS = `{${PARTICIPATING_STATUSES.join(',')}}`;
/** A request still unanswered this many days after it fell due gets a reminder, at most three. */
export const REMINDER_AFTER_DAYS = 14;
export const MAX_REMINDERS = 3;

export async function followUpMonths(em: EntityManager, programYearId: string): Promise<number[]> {
  const plan = await em.findOne(FollowUpPlan, { programYear: programYearId });
  return plan ? [...plan.monthsAfter] : [...DEFAULT_FOLLOW_UP_MONTHS];
}

export async function setFollowUpPlan(uow: UnitOfWork, programYearId: string, monthsAfter: number[]): Promise<number[]> {
  uow.access.assertCan('program.manage');
  const months = [...monthsAfter].sort((a, b) => a - b);
  assertValid(followUpMonthsViolations(months));
  return inTransaction(uow, async (em, changes) => {
    if (!isUuid(programYearId)) throw notFound('ProgramYear', programYearId);
    const [year] = await em.execute<{ id: string }[]>('select id from program_year where id = ?', [programYearId]);
    if (!year) throw notFound('ProgramYear', programYearId);
    const [previous] = await em.execute<{ months_after: number[] }[]>('select months_after from follow_up_plan where program_year_id = ?', [programYearId]);
    const before = previous?.months_after ?? [...DEFAULT_FOLLOW_UP_MONTHS];
    // One statement, so two managers saving at once both succeed (the last one wins).
    await em.execute(
      `insert into follow_up_plan (id, program_year_id, months_after) values (?, ?, ?::jsonb)
       on conflict (program_year_id) do update set months_after = excluded.months_after, updated_at = now()`,
      [newId(), programYearId, JSON.stringify(months)],
    );
    changes.record({ action: 'followUp.planned', entityType: 'ProgramYear', entityId: programYearId, programYearId, diff: { followUpMonths: { from: before, to: months } } });
    return months;
  });
}

/**
 * Opens the follow-up requests that are due: for every program year, each month of its plan
 * whose date (year end + months) is on or before `today`, one request per participating company
 * that has measures. Idempotent (one request per participation and month), so the scheduler,
 * a restart and a manager may all call it. The company's staff are notified in the app.
 */
export async function openDueFollowUps(uow: UnitOfWork, today = programToday(), onlyYearId?: string): Promise<number> {
  const years = await uow.em.execute<{ id: string; ends_on: string; months: number[] | null }[]>(
    `select y.id, y.ends_on::text as ends_on, f.months_after as months
       from program_year y left join follow_up_plan f on f.program_year_id = y.id
      where y.ends_on < ?::date ${onlyYearId ? 'and y.id = ?' : ''}`,
    onlyYearId ? [today, onlyYearId] : [today],
  );
  let opened = 0;
  for (const year of years) {
    for (const months of year.months ?? DEFAULT_FOLLOW_UP_MONTHS) {
      const dueOn = addMonths(year.ends_on, months);
      if (dueOn > today) continue;
      opened += await openRound(uow, year.id, months, dueOn);
    }
  }
  return opened;
}

async function openRound(uow: UnitOfWork, programYearId: string, monthsAfter: number, dueOn: string): Promise<number> {
  return inTransaction(uow, async (em, changes) => {
    const created = await em.execute<{ id: string; company_id: string }[]>(
      `insert into follow_up_request (id, program_year_id, participation_id, company_id, months_after, due_on)
       select gen_random_uuid(), p.program_year_id, p.id, p.company_id, ?, ?::date
         from participation p
        where p.program_year_id = ? and p.status = any(?::text[])
          and exists (select 1 from measure m where m.participation_id = p.id and m.archived_at is null and m.status <> ?)
       on conflict (participation_id, months_after) do nothing
       returning id, company_id`,
      [monthsAfter, dueOn, programYearId, PARTICIPANTS, MeasureStatus.DROPPED],
    );
    await notifyStaff(em, changes, created.map((row) => row.company_id), NotificationKind.FollowUpDue, uow.viewer?.personId ?? null);
    for (const row of created) {
      changes.record({ action: 'followUp.opened', entityType: 'FollowUpRequest', entityId: row.id, companyId: row.company_id, programYearId, summary: `${monthsAfter}` });
    }
    return created.length;
  });
}

/** Unanswered requests past due by REMINDER_AFTER_DAYS get another in-app reminder (every REMINDER_AFTER_DAYS, at most MAX_REMINDERS). */
export async function remindFollowUps(uow: UnitOfWork, today = programToday()): Promise<number> {
  return inTransaction(uow, async (em, changes) => {
    const due = await em.execute<{ id: string; company_id: string }[]>(
      `update follow_up_request
          set reminders = reminders + 1, reminded_at = now(), updated_at = now()
        where submitted_at is null and reminders < ?
          and due_on + ? <= ?::date
          and (reminded_at is null or reminded_at <= now() - make_interval(days => ?))
        returning id, company_id`,
      [MAX_REMINDERS, REMINDER_AFTER_DAYS, today, REMINDER_AFTER_DAYS],
    );
    await notifyStaff(em, changes, due.map((row) => row.company_id), NotificationKind.FollowUpReminder, null);
    return due.length;
  });
}

async function notifyStaff(em: EntityManager, changes: ChangeLog, companyIds: string[], kind: NotificationKind, actorId: string | null): Promise<void> {
  if (companyIds.length === 0) return;
  const staff = await em.execute<{ id: string; company_id: string }[]>(
    `select id, company_id from person where role = ? and disabled_at is null and company_id = any(?::uuid[])`,
    [Role.COMPANY_STAFF, sqlUuidArray([...new Set(companyIds)])],
  );
  for (const companyId of companyIds) {
    const recipientIds = staff.filter((person) => person.company_id === companyId).map((person) => person.id);
    notify(em, changes, { kind, recipientIds, actorId, companyId, taskId: null });
  }
}

export interface FollowUpAnswerInputShape extends FollowUpAnswerFields {
  measureId: string;
}

/**
 * The company's answers, measure by measure (a partial set is fine; answering again replaces
 * an answer until an expert verified it). Each answer also becomes the measure's reported
 * figures, apart from the proposed and verified ones.
 */
export async function submitFollowUp(uow: UnitOfWork, input: { requestId: string; version?: number | null; answers: FollowUpAnswerInputShape[] }): Promise<FollowUpRequest> {
  assertValid(input.answers.flatMap((answer, i) => followUpAnswerViolations(`answers.${i}`, answer)));
  if (input.answers.length === 0) throw badInput('Answer at least one measure', [{ field: 'answers', rule: 'required', message: 'answer at least one measure' }]);
  return inTransaction(uow, async (em, changes) => {
    const request = await findRecord(em, FollowUpRequest, input.requestId, 'FollowUpRequest');
    const viewer = await uow.access.assertCanWrite('followUp.answer', request.company.id, 'FollowUpRequest', request.id);
    if (input.version !== undefined && input.version !== null) assertVersion('FollowUpRequest', request, input.version);
    const measureIds = input.answers.map((answer) => answer.measureId);
    if (new Set(measureIds).size !== measureIds.length) throw badInput('Each measure is answered once', [{ field: 'answers', rule: 'unique', message: 'each measure is answered once' }]);
    const measures = await em.find(Measure, { id: { $in: measureIds.filter(isUuid) }, participation: request.participation.id, archivedAt: null });
    const existing = await em.find(FollowUpAnswer, { request: request.id });
    for (const [i, answer] of input.answers.entries()) {
      const measure = measures.find((m) => m.id === answer.measureId);
      if (!measure) throw badInput('That measure is not part of this follow-up', [{ field: `answers.${i}.measureId`, rule: 'notInRequest', message: 'not a measure of this follow-up' }]);
      const row = existing.find((a) => a.measure.id === measure.id);
      if (row?.verifiedAt) throw conflict('An expert already verified this answer; it no longer changes');
      const fields = {
        outcome: answer.outcome,
        reason: answer.reason?.trim() || null,
        actualInvestmentKrw: answer.actualInvestmentKrw ?? null,
        actualAnnualSavingsKrw: answer.actualAnnualSavingsKrw ?? null,
        implementedOn: answer.implementedOn ?? null,
      };
      if (row) Object.assign(row, fields, { answeredBy: ref(em.getReference(Person, viewer.personId)) });
      else em.create(FollowUpAnswer, { request, measure, company: request.company.id, answeredBy: viewer.personId, ...fields });
      const diff = applyChanges(measure, {
        reportedOutcome: fields.outcome,
        reportedInvestmentKrw: fields.actualInvestmentKrw,
        reportedAnnualSavingsKrw: fields.actualAnnualSavingsKrw,
        reportedOn: fields.implementedOn,
      });
      if (Object.keys(diff).length > 0) recordMeasure(changes, measure, request, 'measure.followUpReported', diff);
    }
    request.version += 1;
    request.submittedAt = new Date();
    request.submittedBy = ref(em.getReference(Person, viewer.personId));
    return request;
  });
}

/**
 * An expert (or manager) confirms an answer. Verified figures default to what the company
 * reported. A measure confirmed as implemented becomes VERIFIED (with its implementation date);
 * one confirmed in progress moves to IN_PROGRESS if it had not started.
 */
export async function verifyFollowUpAnswer(
  uow: UnitOfWork,
  input: { answerId: string; verifiedInvestmentKrw?: number | null; verifiedAnnualSavingsKrw?: number | null; note?: string | null },
): Promise<FollowUpAnswer> {
  return inTransaction(uow, async (em, changes) => {
    const answer = await findRecord(em, FollowUpAnswer, input.answerId, 'FollowUpAnswer', { populate: ['request', 'measure'] });
    const viewer = await uow.access.assertCanWrite('followUp.verify', answer.company.id, 'FollowUpAnswer', answer.id);
    const investment = input.verifiedInvestmentKrw ?? answer.actualInvestmentKrw;
    const savings = input.verifiedAnnualSavingsKrw ?? answer.actualAnnualSavingsKrw;
    assertValid(new Validator().krw('verifiedInvestmentKrw', investment).krw('verifiedAnnualSavingsKrw', savings).text('note', input.note, { max: LIMITS.longText }).violations);
    Object.assign(answer, {
      verifiedAt: new Date(),
      verifiedBy: ref(em.getReference(Person, viewer.personId)),
      verifiedInvestmentKrw: investment,
      verifiedAnnualSavingsKrw: savings,
      verificationNote: input.note?.trim() || null,
    });
    const measure = answer.measure.getEntity();
    const today = programToday();
    const status =
      answer.outcome === FollowUpOutcome.IMPLEMENTED && measure.status !== MeasureStatus.DROPPED
        ? MeasureStatus.VERIFIED
        : answer.outcome === FollowUpOutcome.IN_PROGRESS && (measure.status === MeasureStatus.PROPOSED || measure.status === MeasureStatus.APPROVED)
          ? MeasureStatus.IN_PROGRESS
          : measure.status;
    const implemented = answer.outcome === FollowUpOutcome.IMPLEMENTED;
    const diff = applyChanges(measure, {
      status,
      verifiedInvestmentKrw: investment,
      verifiedAnnualSavingsKrw: implemented ? savings : measure.verifiedAnnualSavingsKrw,
      implementedOn: implemented ? (measure.implementedOn ?? answer.implementedOn ?? today) : measure.implementedOn,
      followUpCheckedOn: today,
      followUpNote: input.note?.trim() || measure.followUpNote,
    });
    await em.populate(measure, ['participation']);
    recordMeasure(changes, measure, answer.request.getEntity(), 'measure.followUpVerified', diff);
    return answer;
  });
}

function recordMeasure(changes: ChangeLog, measure: Measure, request: FollowUpRequest, action: string, diff: Record<string, unknown>): void {
  stampEdit(measure, changes);
  changes.record(
    { action, entityType: 'Measure', entityId: measure.id, summary: measure.title, companyId: request.company.id, programYearId: request.programYear.id, diff: diff as never },
    { type: EventType.MEASURE_UPDATED, companyId: request.company.id, programYearId: request.programYear.id, payload: {} },
  );
}
