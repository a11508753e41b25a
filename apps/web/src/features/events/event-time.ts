import { toProgramDateTime } from '@/composables/useFormat';

/** The program-calendar day (Asia/Seoul) an instant falls on, as YYYY-MM-DD. */
export function localDay(instant: string): string {
  return toProgramDateTime(instant).slice(0, 10);
}

export const EVENT_TONES: Record<string, string> = {
  KICKOFF: 'var(--chart-1)',
  WORKSHOP: 'var(--chart-2)',
  ECO_CLUB: 'var(--chart-3)',
  TRAINING: 'var(--chart-4)',
  SITE_VISIT: 'var(--chart-5)',
};
