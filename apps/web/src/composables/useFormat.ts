import { computed } from 'vue';
import { useI18n } from 'vue-i18n';

/** Intl locale per UI language; Korean figures use Korean grouping and units (억, 만). */
const INTL_LOCALE: Record<string, string> = { ko: 'ko-KR', en: 'en-US' };

function parseLocalDate(value: string): Date {
  // LocalDate has no time zone: read it as UTC midnight and format in UTC so the day never shifts.
  return new Date(`${value}T00:00:00Z`);
}

/**
 * The program's own time zone: events, due days and "today" follow the program's calendar, not
 * the device's (a UTC laptop must show the 14:00 kick-off at 14:00). Korea has no daylight saving.
 */
export const PROGRAM_TIME_ZONE = 'Asia/Seoul';
const PROGRAM_UTC_OFFSET = '+09:00';

const programParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: PROGRAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as the program's wall-clock time, `YYYY-MM-DDTHH:mm` (the value of a datetime-local input). */
export function toProgramDateTime(instant: string | Date): string {
  const parts = Object.fromEntries(programParts.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A program wall-clock time (`YYYY-MM-DDTHH:mm`) as an ISO instant, or null when it is not one. */
export function fromProgramDateTime(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const date = new Date(`${value}:00${PROGRAM_UTC_OFFSET}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function createFormatters(locale: string) {
  const tag = INTL_LOCALE[locale] ?? locale;
  const krwFull = new Intl.NumberFormat(tag, { style: 'currency', currency: 'KRW', maximumFractionDigits: 0 });
  const krwShort = new Intl.NumberFormat(tag, {
    style: 'currency',
    currency: 'KRW',
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  const integer = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const tonnes = new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const dayShort = new Intl.DateTimeFormat(tag, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const weekday = new Intl.DateTimeFormat(tag, { weekday: 'short', timeZone: 'UTC' });
  const monthYear = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: PROGRAM_TIME_ZONE });
  const time = new Intl.DateTimeFormat(tag, { hour: 'numeric', minute: '2-digit', timeZone: PROGRAM_TIME_ZONE });
  const relative = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });

  return {
    tag,
    /** ₩563,000,000 */
    krw: (value: number | null | undefined) => (value == null ? '—' : krwFull.format(value)),
    /** ₩5.6억 / ₩563M: for cards and totals where space is short. */
    krwCompact: (value: number | null | undefined) => (value == null ? '—' : krwShort.format(value)),
    integer: (value: number | null | undefined) => (value == null ? '—' : integer.format(value)),
    decimal: (value: number | null | undefined) => (value == null ? '—' : decimal.format(value)),
    percent: (ratio: number | null | undefined) => (ratio == null ? '—' : percent.format(ratio)),
    /** 12.3 tCO₂e */
    tco2e: (value: number | null | undefined) => (value == null ? '—' : `${tonnes.format(value)} tCO₂e`),
    date: (value: string | null | undefined) => (value ? day.format(parseLocalDate(value)) : '—'),
    dateShort: (value: string | null | undefined) => (value ? dayShort.format(parseLocalDate(value)) : '—'),
    weekday: (value: string) => weekday.format(parseLocalDate(value)),
    monthYear: (value: string) => monthYear.format(parseLocalDate(value)),
    dateTime: (value: string | null | undefined) => (value ? dateTime.format(new Date(value)) : '—'),
    time: (value: string) => time.format(new Date(value)),
    /** "3 minutes ago" / "3분 전" */
    relative(value: string, now: number = Date.now()): string {
      const seconds = Math.round((new Date(value).getTime() - now) / 1000);
      const abs = Math.abs(seconds);
      if (abs < 45) return relative.format(0, 'second');
      if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
      if (abs < 86_400) return relative.format(Math.round(seconds / 3600), 'hour');
      if (abs < 86_400 * 30) return relative.format(Math.round(seconds / 86_400), 'day');
      return dateTime.format(new Date(value));
    },
  };
}

export type Formatters = ReturnType<typeof createFormatters>;

/** Formatters that follow the UI language. */
export function useFormat() {
  const { locale } = useI18n();
  const formatters = computed(() => createFormatters(locale.value));
  return formatters;
}

/** Today as a LocalDate (YYYY-MM-DD) on the program's calendar (the server's `programToday`). */
export function todayLocalDate(now: Date = new Date()): string {
  return toProgramDateTime(now).slice(0, 10);
}
