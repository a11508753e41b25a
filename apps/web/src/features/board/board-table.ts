import { PARTICIPATION_STATUSES } from '@ecohub/domain';
import type { ExportColumn } from '@/lib/export-table';
import type { BoardRowData } from './board-live';

/** The board's sortable columns, as they appear in the URL (`?sort=savings&dir=desc`). */
export const BOARD_SORT_KEYS = ['company', 'stage', 'team', 'tasks', 'measures', 'savings', 'tco2e', 'lastActivity'] as const;
export type BoardSortKey = (typeof BOARD_SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export interface BoardSort {
  key: BoardSortKey;
  dir: SortDirection;
}

export function isSortKey(value: unknown): value is BoardSortKey {
  return typeof value === 'string' && (BOARD_SORT_KEYS as readonly string[]).includes(value);
}


/** What a column sorts by: the figure it shows first (tasks by share done, measures by implemented). */
function sortValue(row: BoardRowData, key: BoardSortKey, name: (row: BoardRowData) => string): string | number {
  switch (key) {
    case 'company':
      return name(row);
    case 'stage':
      return PARTICIPATION_STATUSES.indexOf(row.stage);
    case 'team':
      return row.team?.name ?? '';
    case 'tasks':
      // Hidden task counts (observers) sort below every visible figure, as do empty boards.
      return !row.taskCounts || row.taskCounts.total === 0 ? -1 : row.taskCounts.done / row.taskCounts.total;
    case 'measures':
      return row.implemented;
    case 'savings':
      return row.expectedAnnualSavingsKrw;
    case 'tco2e':
      return row.ghgReductionTco2e;
    case 'lastActivity':
      return row.lastActivityAt ?? '';
  }
}

/** The rows in the chosen order (ties keep the server's order: company name); no sort keeps them as they are. */
export function sortRows(rows: readonly BoardRowData[], sort: BoardSort | null, name: (row: BoardRowData) => string, locale: string): BoardRowData[] {
  if (!sort) return [...rows];
  const collator = new Intl.Collator(locale);
  const sign = sort.dir === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: sortValue(row, sort.key, name) }))
    .sort((a, b) => {
      const order =
        typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : collator.compare(String(a.value), String(b.value));
      return order !== 0 ? sign * order : a.index - b.index;
    })
    .map(({ row }) => row);
}

/** Clicking a column: sort by it ascending, again descending, a third time back to the default order. */
export function nextSort(current: BoardSort | null, key: BoardSortKey): BoardSort | null {
  if (!current || current.key !== key) return { key, dir: key === 'company' || key === 'team' || key === 'stage' ? 'asc' : 'desc' };
  const first = key === 'company' || key === 'team' || key === 'stage' ? 'asc' : 'desc';
  return current.dir === first ? { key, dir: first === 'asc' ? 'desc' : 'asc' } : null;
}

/**
 * The export's columns: exactly the table's, with figures as numbers. Without `seesWork` (a role
 * the API withholds task counts and last activity from) those columns are left out, as on screen.
 */
export function boardExportColumns(
  t: (key: string, values?: Record<string, unknown>) => string,
  name: (row: BoardRowData) => string,
  seesWork = true,
): ExportColumn<BoardRowData>[] {
  const work = (columns: ExportColumn<BoardRowData>[]) => (seesWork ? columns : []);
  return [
    { header: t('board.columns.company'), value: name, width: 24 },
    { header: t('boardAnalysis.export.industry'), value: (row) => row.company.industryLabel ?? null, width: 16 },
    { header: t('board.columns.stage'), value: (row) => t(`enums.ParticipationStatus.${row.stage}`), width: 12 },
    { header: t('board.columns.team'), value: (row) => row.team?.name ?? null, width: 20 },
    ...work([
      { header: t('boardAnalysis.export.tasksDone'), value: (row) => row.taskCounts?.done ?? null, format: '#,##0' },
      { header: t('boardAnalysis.export.tasksTotal'), value: (row) => row.taskCounts?.total ?? null, format: '#,##0' },
      { header: t('boardAnalysis.export.tasksOverdue'), value: (row) => row.taskCounts?.overdue ?? null, format: '#,##0' },
    ]),
    { header: t('boardAnalysis.export.measuresImplemented'), value: (row) => row.implemented, format: '#,##0' },
    { header: t('boardAnalysis.export.measuresTotal'), value: (row) => row.measureCounts.total - row.measureCounts.dropped, format: '#,##0' },
    { header: t('boardAnalysis.export.expectedKrw'), value: (row) => row.expectedAnnualSavingsKrw, format: '#,##0', width: 18 },
    { header: t('boardAnalysis.export.verifiedKrw'), value: (row) => row.verifiedAnnualSavingsKrw, format: '#,##0', width: 18 },
    { header: t('boardAnalysis.export.tco2e'), value: (row) => row.ghgReductionTco2e, format: '#,##0.0' },
    ...work([{ header: t('board.columns.lastActivity'), value: (row) => row.lastActivityAt ?? null, width: 22 }]),
  ];
}
