/** Calendar helpers for the seed: dates are ISO `YYYY-MM-DD`, times are Korean (UTC+9). */
const SEOUL_OFFSET_MS = 9 * 3_600_000;

import { addDays } from '../../core/calendar.ts';

export { addDays };

/** The day it is in Seoul at `instant`. */
export function seoulDate(instant: Date): string {
  return new Date(instant.getTime() + SEOUL_OFFSET_MS).toISOString().slice(0, 10);
}

/** `HH:MM` for `seoulTime`. */
export function clock(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** An instant at a Seoul wall-clock time, e.g. `seoulTime('2012-11-22', '14:00')`. */
export function seoulTime(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+09:00`);
}

export function addHours(instant: Date, hours: number): Date {
  return new Date(instant.getTime() + hours * 3_600_000);
}

/** Moves a weekend date to the following Monday: site work happens on working days. */
export function workingDay(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 6) return addDays(date, 2);
  if (weekday === 0) return addDays(date, 1);
  return date;
}

/** Moves an instant outside 08:00–20:00 Seoul time to the next morning: people comment at work. */
export function duringWorkingHours(instant: Date): Date {
  const seoul = new Date(instant.getTime() + SEOUL_OFFSET_MS);
  const hour = seoul.getUTCHours();
  if (hour >= 8 && hour < 20) return instant;
  const day = seoul.toISOString().slice(0, 10);
  return seoulTime(hour < 8 ? day : addDays(day, 1), clock(hour < 8 ? 8 : 9, seoul.getUTCMinutes()));
}
