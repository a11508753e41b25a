/**
 * Program calendar. Due dates, implementation dates and "overdue" are Korean calendar days: a
 * task due on the 5th is overdue from the 6th in Ansan, whatever the server's own time zone.
 */
export const PROGRAM_TIME_ZONE = 'Asia/Seoul';

const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: PROGRAM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today as YYYY-MM-DD in the program's time zone. */
export function programToday(now: Date = new Date()): string {
  return isoDay.format(now);
}

/** The same SQL expression, for queries that compare due dates in PostgreSQL. */
export const PROGRAM_TODAY_SQL = `(now() at time zone '${PROGRAM_TIME_ZONE}')::date`;

/** `months` calendar months after an ISO date, clamped to the month's last day (Aug 31 + 6 → Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The calendar day after (or `days` after) an ISO date. */
export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

/** The instant a program calendar day begins (Korea keeps no daylight saving: always UTC+9). */
export function programDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+09:00`);
}
