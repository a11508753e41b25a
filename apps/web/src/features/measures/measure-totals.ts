import type { MeasureTotalsFieldsFragment } from '@/graphql/generated/graphql';

type Translate = (key: string, values?: Record<string, unknown>) => string;
type Totals = Pick<MeasureTotalsFieldsFragment, 'count' | 'droppedCount' | 'includesDropped'>;

/** How many measures the sums add up: the stopped ones only when the user asked for them. */
export function countedMeasures(totals: Totals): number {
  return totals.includesDropped ? totals.count : totals.count - totals.droppedCount;
}

/** "Total (8, 1 stopped not included)": a total always says what it includes. */
export function totalsCaption(t: Translate, totals: Totals): string {
  const n = countedMeasures(totals);
  if (totals.droppedCount === 0) return t('measures.totalRow', { n });
  return t(totals.includesDropped ? 'measures.totalRowWithDropped' : 'measures.totalRowWithoutDropped', { n, dropped: totals.droppedCount });
}
