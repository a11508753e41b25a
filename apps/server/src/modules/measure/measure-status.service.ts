import { allowedNext, canTransition, IMPLEMENTED_MEASURE_STATUSES, LIMITS, measureMachine, MeasureStatus, Validator } from '@ecohub/domain';
import { addMonths, programToday } from '../../core/calendar.ts';
import { applyChanges, inTransaction } from '../../core/database/transaction.ts';
import { assertValid, badInput } from '../../core/errors.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import type { Measure } from './measure.entity.ts';
import type { MeasureFollowUpInput, TransitionMeasureArgs } from './measure.inputs.ts';
import { measureForWrite, recordUpdate } from './measure.service.ts';

/** The follow-up check of an implemented measure, unless the client names another date. */
export const FOLLOW_UP_MONTHS = 6;

export async function transitionMeasure(ctx: UnitOfWork, input: TransitionMeasureArgs): Promise<Measure> {
  assertValid(
    new Validator()
      .date('on', input.on)
      .date('followUpDueOn', input.followUpDueOn)
      .dateOrder('followUpDueOn', input.on ?? null, input.followUpDueOn ?? null).violations,
  );
  return inTransaction(ctx, async (em, changes) => {
    const measure = await measureForWrite(ctx, em, input.id, input.version);
    const from = measure.status;
    if (!canTransition(measureMachine, from, input.to)) {
      const allowed = allowedNext(measureMachine, from);
      const message = `A ${from} measure cannot become ${input.to}; allowed next: ${allowed.join(', ') || 'none'}`;
      throw badInput(message, [{ field: 'to', rule: 'illegalTransition', message }]);
    }
    const diff = applyChanges(measure, { status: input.to, ...datesFor(measure, input) });
    recordUpdate(changes, measure, 'measure.transitioned', diff, { from, to: input.to });
    return measure;
  });
}

/** Implementing stamps the day and schedules the follow-up; reopening clears both. */
function datesFor(measure: Measure, input: TransitionMeasureArgs): Partial<Measure> {
  if (input.to === MeasureStatus.IMPLEMENTED) {
    const on = input.on ?? programToday();
    return { implementedOn: on, followUpDueOn: input.followUpDueOn ?? addMonths(on, FOLLOW_UP_MONTHS) };
  }
  if (!IMPLEMENTED_MEASURE_STATUSES.includes(input.to) && measure.implementedOn) {
    return { implementedOn: null, followUpDueOn: null };
  }
  return {};
}

export async function recordMeasureFollowUp(ctx: UnitOfWork, input: MeasureFollowUpInput): Promise<Measure> {
  assertValid(
    new Validator()
      .date('checkedOn', input.checkedOn)
      .krw('verifiedAnnualSavingsKrw', input.verifiedAnnualSavingsKrw)
      .text('note', input.note, { max: LIMITS.longText }).violations,
  );
  return inTransaction(ctx, async (em, changes) => {
    const measure = await measureForWrite(ctx, em, input.id, input.version);
    if (!IMPLEMENTED_MEASURE_STATUSES.includes(measure.status)) {
      const message = `Only an implemented or verified measure has a follow-up check (this one is ${measure.status})`;
      throw badInput(message, [{ field: 'id', rule: 'notImplemented', message }]);
    }
    if (measure.implementedOn && input.checkedOn < measure.implementedOn) {
      const message = 'The check cannot be before the implementation';
      throw badInput(message, [{ field: 'checkedOn', rule: 'beforeImplementation', message }]);
    }
    const diff = applyChanges(measure, {
      followUpCheckedOn: input.checkedOn,
      followUpNote: input.note,
      verifiedAnnualSavingsKrw: input.verifiedAnnualSavingsKrw,
    });
    recordUpdate(changes, measure, 'measure.followUpRecorded', diff);
    return measure;
  });
}

export async function archiveMeasure(ctx: UnitOfWork, id: string, version: number): Promise<Measure> {
  return inTransaction(ctx, async (em, changes) => {
    const measure = await measureForWrite(ctx, em, id, version);
    const diff = applyChanges(measure, { archivedAt: new Date() });
    recordUpdate(changes, measure, 'measure.archived', diff);
    return measure;
  });
}
