import { LIMITS, Validator, type Violation } from './validation.ts';

/** What a company reports about one measure at a follow-up (IAC and NIST MEP ask the same). */
export const FollowUpOutcome = {
  IMPLEMENTED: 'IMPLEMENTED',
  IN_PROGRESS: 'IN_PROGRESS',
  NOT_IMPLEMENTED: 'NOT_IMPLEMENTED',
  UNKNOWN: 'UNKNOWN',
} as const;
export type FollowUpOutcome = (typeof FollowUpOutcome)[keyof typeof FollowUpOutcome];
export const FOLLOW_UP_OUTCOMES = Object.values(FollowUpOutcome);

/** Months after a program year ends at which each company is asked, unless the year says otherwise. */
export const DEFAULT_FOLLOW_UP_MONTHS: readonly number[] = [6, 12];

export interface FollowUpAnswerFields {
  outcome: FollowUpOutcome;
  reason?: string | null;
  actualInvestmentKrw?: number | null;
  actualAnnualSavingsKrw?: number | null;
  implementedOn?: string | null;
}

/**
 * An answer is whole: "not implemented" names its reason; figures and a date belong to a measure
 * that was (or is being) implemented.
 */
export function followUpAnswerViolations(field: string, answer: FollowUpAnswerFields): Violation[] {
  const v = new Validator()
    .text(`${field}.reason`, answer.reason, { max: LIMITS.longText })
    .krw(`${field}.actualInvestmentKrw`, answer.actualInvestmentKrw)
    .krw(`${field}.actualAnnualSavingsKrw`, answer.actualAnnualSavingsKrw)
    .date(`${field}.implementedOn`, answer.implementedOn);
  if (answer.outcome === FollowUpOutcome.NOT_IMPLEMENTED) {
    v.check(`${field}.reason`, Boolean(answer.reason?.trim()), 'required', 'a measure that was not implemented needs a reason');
  }
  const implementing = answer.outcome === FollowUpOutcome.IMPLEMENTED || answer.outcome === FollowUpOutcome.IN_PROGRESS;
  if (!implementing) {
    const figures = [answer.actualInvestmentKrw, answer.actualAnnualSavingsKrw, answer.implementedOn].some((value) => value !== null && value !== undefined);
    v.check(`${field}.outcome`, !figures, 'figuresWithoutImplementation', 'actual figures and a date belong to an implemented or ongoing measure');
  }
  return v.violations;
}

export function followUpMonthsViolations(months: readonly number[]): Violation[] {
  const v = new Validator();
  v.check('monthsAfter', months.length >= 1 && months.length <= 6, 'count', 'give one to six follow-ups');
  v.check('monthsAfter', months.every((m) => Number.isInteger(m) && m >= 1 && m <= 60), 'range', 'each follow-up is 1 to 60 months after the year ends');
  v.check('monthsAfter', new Set(months).size === months.length, 'unique', 'each month is given once');
  return v.violations;
}
