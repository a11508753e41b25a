import { Validator, type Violation } from '@ecohub/domain';

/** A year's dates as a form holds them: both required, real dates, the end not before the start (the server's rules). */
export function yearDatesViolations(dates: { startsOn: string; endsOn: string }): Violation[] {
  return new Validator()
    .check('startsOn', dates.startsOn !== '', 'required', 'startsOn is required')
    .check('endsOn', dates.endsOn !== '', 'required', 'endsOn is required')
    .date('startsOn', dates.startsOn || null)
    .date('endsOn', dates.endsOn || null)
    .dateOrder('endsOn', dates.startsOn, dates.endsOn).violations;
}
