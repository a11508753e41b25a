import { PARTICIPATING_STATUSES, type ParticipationStatus } from '@ecohub/domain';
import type { BoardFilter, BoardRowChangedSubscription, BoardRowFieldsFragment, KpiFieldsFragment } from '@/graphql/generated/graphql';

export type BoardRowData = BoardRowFieldsFragment;
export type BoardRowChange = BoardRowChangedSubscription['boardRowChanged'];

/** What the board shows: its rows (in the server's order) and the year's KPIs. */
export interface BoardView {
  rows: BoardRowData[];
  kpis: KpiFieldsFragment | null;
}

/** Whether a row belongs on a board with this filter — the server's filter, for the fields a row carries. */
export function rowMatches(row: BoardRowData, filter: BoardFilter): boolean {
  if (filter.teamId && row.team?.id !== filter.teamId) return false;
  const stages: readonly ParticipationStatus[] = filter.status ? [filter.status] : PARTICIPATING_STATUSES;
  return stages.includes(row.stage);
}

/** The board's order: company name, then id (as `order by name_ko, company_id`). */
function before(a: BoardRowData, b: BoardRowData): boolean {
  if (a.company.nameKo !== b.company.nameKo) return a.company.nameKo < b.company.nameKo;
  return a.company.id < b.company.id;
}

/**
 * The board after one `boardRowChanged` event: the company's row replaced, added in order or
 * removed (withdrawn, or no longer matching the filter), and the year's totals and budget taken
 * from the event; a budget change of the year (no company) changes only those. A category filter
 * changes the row's figures themselves (only that category's measures), which the event's row
 * does not carry: the board must reload (`'reload'`).
 */
export function applyBoardRowChange(view: BoardView, change: BoardRowChange, filter: BoardFilter): BoardView | 'reload' {
  const kpis = view.kpis ? { ...view.kpis, totals: change.totals, byCategory: change.byCategory, budget: change.budget } : null;
  // A change of the whole year (its budget) moves no row.
  if (change.companyId === null) return { rows: view.rows, kpis };
  if (filter.category) return 'reload';
  const rows = view.rows.filter((row) => row.company.id !== change.companyId);
  const row = change.row;
  if (row && rowMatches(row, filter)) {
    const at = view.rows.findIndex((existing) => existing.company.id === change.companyId);
    const index = at >= 0 ? at : rows.findIndex((existing) => before(row, existing));
    rows.splice(index < 0 ? rows.length : index, 0, row);
  }
  return { rows, kpis };
}
