import { addUpFigures, MEASURE_CATEGORIES, PARTICIPATING_STATUSES, type ParticipationStatus } from '@ecohub/domain';
import type {
  BoardFilter,
  BoardRowChangedSubscription,
  BoardRowFieldsFragment,
  BoardRowMembershipFragment,
  CategoryKpiFieldsFragment,
  KpiTotalsFieldsFragment,
} from '@/graphql/generated/graphql';

export type BoardRowData = BoardRowFieldsFragment;
export type BoardRowChange = BoardRowChangedSubscription['boardRowChanged'];
/** What decides whether and where a row is on a board. */
export type BoardMember = Pick<BoardRowMembershipFragment, 'id' | 'stage' | 'team' | 'company' | 'byCategory'>;

/** Whether a row belongs on a board with this filter — the server's filter, for the fields a row carries. */
export function rowMatches(row: BoardMember, filter: BoardFilter): boolean {
  if (filter.teamId && row.team?.id !== filter.teamId) return false;
  if (filter.category && !row.byCategory?.some((figures) => figures.category === filter.category)) return false;
  const stages: readonly ParticipationStatus[] = filter.status ? [filter.status] : PARTICIPATING_STATUSES;
  return stages.includes(row.stage);
}

/** The board's order: company name, then id (as `order by name_ko, company_id`). */
function before(a: BoardMember, b: BoardMember): boolean {
  if (a.company.nameKo !== b.company.nameKo) return a.company.nameKo < b.company.nameKo;
  return a.company.id < b.company.id;
}

/**
 * A board's rows after a company's row changed: kept where it is (the cache holds its newest
 * fields), added in the board's order, or taken out (`row` null: no longer on the board, e.g.
 * withdrawn; or no longer matching the filter). Unchanged rows keep their objects.
 */
export function placeRow<T extends BoardMember>(rows: readonly T[], companyId: string, row: T | null, filter: BoardFilter): readonly T[] {
  const at = rows.findIndex((existing) => existing.company.id === companyId);
  const belongs = !!row && rowMatches(row, filter);
  if (belongs === at >= 0) return rows;
  if (!belongs) return rows.filter((_, index) => index !== at);
  const index = rows.findIndex((existing) => before(row as T, existing));
  return index < 0 ? [...rows, row as T] : [...rows.slice(0, index), row as T, ...rows.slice(index)];
}

/** A row as a category-filtered board shows it: the company's figures for that category only (as the board's totals count them). */
export function categoryView(row: BoardRowData, category: BoardFilter['category']): BoardRowData {
  if (!category) return row;
  const figures = row.byCategory?.find((entry) => entry.category === category);
  if (!figures) return row;
  // Figures only: the entry's own identity (category, type name) stays out of the row.
  const { category: _category, __typename: _typename, ...own } = figures as typeof figures & { __typename?: string };
  return { ...row, ...own, byCategory: [figures] };
}

/**
 * The totals of the rows a board shows (each already as its filter shows it), as `boardKpis`
 * computes them on the server: sums of the rows' figures with the rates derived from the sums,
 * and by category from each row's per-category figures (only the filter's category, if any).
 */
export function totalsOfRows(
  rows: readonly BoardRowData[],
  category: BoardFilter['category'],
): { totals: KpiTotalsFieldsFragment; byCategory: CategoryKpiFieldsFragment[] } {
  const byCategory = MEASURE_CATEGORIES.filter((each) => !category || each === category).flatMap((each) => {
    const parts = rows.flatMap((row) => row.byCategory?.filter((figures) => figures.category === each) ?? []);
    return parts.length ? [{ category: each, ...addUpFigures(parts) }] : [];
  });
  return { totals: { companies: rows.length, ...addUpFigures(rows) }, byCategory };
}
