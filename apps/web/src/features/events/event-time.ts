/** The calendar day (viewer's time zone) an instant falls on, as YYYY-MM-DD. */
export function localDay(instant: string): string {
  const date = new Date(instant);
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${m}-${d}`;
}

export const EVENT_TONES: Record<string, string> = {
  KICKOFF: 'var(--chart-1)',
  WORKSHOP: 'var(--chart-2)',
  ECO_CLUB: 'var(--chart-3)',
  TRAINING: 'var(--chart-4)',
  SITE_VISIT: 'var(--chart-5)',
};
