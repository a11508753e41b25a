import type { ExportColumn } from '@/lib/export-table';
import type { MeasureRowFragment } from '@/graphql/generated/graphql';

/**
 * Export columns in the viewer's language; amounts stay numbers so spreadsheets can sum them.
 * The task count is left out when no row carries one (the viewer's role does not see tasks).
 */
export function measureExportColumns(
  t: (key: string) => string,
  companyName: (company: MeasureRowFragment['company']) => string,
  rows: readonly MeasureRowFragment[] = [],
): ExportColumn<MeasureRowFragment>[] {
  const tasksShown = rows.length === 0 || rows.some((row) => row.tasksCount !== null);
  return [
    { header: t('measures.columns.company'), value: (row) => companyName(row.company), width: 28 },
    { header: t('measures.columns.title'), value: (row) => row.title, width: 40 },
    { header: t('measures.columns.category'), value: (row) => t(`enums.MeasureCategory.${row.category}`), width: 28 },
    { header: t('measures.columns.status'), value: (row) => t(`enums.MeasureStatus.${row.status}`), width: 14 },
    { header: t('measures.export.investmentKrw'), value: (row) => row.investmentKrw, format: '#,##0' },
    { header: t('measures.export.expectedSavingsKrw'), value: (row) => row.expectedAnnualSavingsKrw, format: '#,##0' },
    { header: t('measures.export.verifiedSavingsKrw'), value: (row) => row.verifiedAnnualSavingsKrw ?? null, format: '#,##0' },
    { header: t('measures.export.paybackYears'), value: (row) => row.paybackYears ?? null, format: '0.00' },
    { header: t('measures.export.tco2e'), value: (row) => row.ghgReductionTco2e, format: '0.000' },
    ...(tasksShown ? [{ header: t('measures.columns.tasks'), value: (row: MeasureRowFragment) => row.tasksCount, width: 8 }] : []),
  ];
}
