import { describe, expect, it } from 'vitest';
import type { BoardRowData } from './board-live';
import { categoryView, placeRow, rowMatches, totalsOfRows } from './board-live';

type Figures = NonNullable<BoardRowData['byCategory']>[number];

function figures(category: Figures['category'], extra: Partial<Figures> = {}): Figures {
  return {
    category,
    investmentKrw: 0,
    expectedAnnualSavingsKrw: 0,
    implementedExpectedAnnualSavingsKrw: 0,
    reportedAnnualSavingsKrw: 0,
    verifiedAnnualSavingsKrw: 0,
    ghgReductionTco2e: 0,
    implementationRate: 0,
    implementationRateBySavings: 0,
    implemented: 0,
    measureCounts: { total: 1, proposed: 1, approved: 0, inProgress: 0, implemented: 0, verified: 0, dropped: 0 },
    ...extra,
  };
}

function row(id: string, nameKo: string, extra: Partial<BoardRowData> = {}): BoardRowData {
  return {
    id: `p-${id}`,
    version: 1,
    stage: 'ACTIVE',
    lastActivityAt: null,
    investmentKrw: 0,
    expectedAnnualSavingsKrw: 0,
    implementedExpectedAnnualSavingsKrw: 0,
    reportedAnnualSavingsKrw: 0,
    verifiedAnnualSavingsKrw: 0,
    ghgReductionTco2e: 0,
    implementationRate: 0,
    implementationRateBySavings: 0,
    implemented: 0,
    company: { id, nameKo, nameEn: id, industryLabel: '' },
    participation: { id: `p-${id}` },
    team: { id: 'team-1', name: '1팀' },
    taskCounts: { total: 0, todo: 0, inProgress: 0, inReview: 0, blocked: 0, done: 0, overdue: 0 },
    measureCounts: { total: 0, proposed: 0, approved: 0, inProgress: 0, implemented: 0, verified: 0, dropped: 0 },
    byCategory: [],
    ...extra,
  };
}

const rows = () => [row('a', '가'), row('c', '다')];
const ids = (list: readonly BoardRowData[]) => list.map((r) => r.company.id);

describe('placing a changed row on a board', () => {
  it('keeps a row that still belongs where it is, as the same list', () => {
    const board = rows();
    expect(placeRow(board, 'c', row('c', '다', { implemented: 3 }), {})).toBe(board);
  });

  it('inserts a new company in name order and removes one that left the board', () => {
    expect(ids(placeRow(rows(), 'b', row('b', '나'), {}))).toEqual(['a', 'b', 'c']);
    expect(ids(placeRow(rows(), 'a', null, {}))).toEqual(['c']);
    expect(ids(placeRow(rows(), 'a', row('a', '가', { stage: 'WITHDRAWN' }), {}))).toEqual(['c']);
  });

  it('follows the team, stage and category filters', () => {
    const otherTeam = row('a', '가', { team: { id: 'team-2', name: '2팀' } });
    expect(ids(placeRow(rows(), 'a', otherTeam, { teamId: 'team-1' }))).toEqual(['c']);
    expect(rowMatches(row('x', '엑스', { stage: 'SELECTED' }), { status: 'SELECTED' })).toBe(true);
    expect(rowMatches(row('x', '엑스', { stage: 'ACTIVE' }), { status: 'SELECTED' })).toBe(false);
    const reuse = row('b', '나', { byCategory: [figures('ON_SITE_REUSE')] });
    expect(ids(placeRow(rows(), 'b', reuse, { category: 'ON_SITE_REUSE' }))).toEqual(['a', 'b', 'c']);
    expect(ids(placeRow([reuse], 'b', row('b', '나'), { category: 'ON_SITE_REUSE' }))).toEqual([]);
  });
});

describe('a filtered board from its rows', () => {
  it('shows a row under a category filter with that category’s figures only', () => {
    const both = row('a', '가', {
      investmentKrw: 5,
      byCategory: [figures('GREEN_MANAGEMENT', { investmentKrw: 2 }), figures('ON_SITE_REUSE', { investmentKrw: 3 })],
    });
    const shown = categoryView(both, 'ON_SITE_REUSE');
    expect(shown.investmentKrw).toBe(3);
    expect(shown.byCategory?.map((f) => f.category)).toEqual(['ON_SITE_REUSE']);
    expect(shown.company.id).toBe('a');
    expect(categoryView(both, null)).toBe(both);
  });

  it('totals its rows with rates from the sums, and by category (in the domain’s order) from each row’s categories', () => {
    const a = row('a', '가', {
      implemented: 1,
      measureCounts: { total: 2, proposed: 1, approved: 0, inProgress: 0, implemented: 1, verified: 0, dropped: 0 },
      expectedAnnualSavingsKrw: 40,
      implementedExpectedAnnualSavingsKrw: 10,
      reportedAnnualSavingsKrw: 7,
      byCategory: [figures('ON_SITE_REUSE', { expectedAnnualSavingsKrw: 40 })],
    });
    const c = row('c', '다', {
      measureCounts: { total: 2, proposed: 2, approved: 0, inProgress: 0, implemented: 0, verified: 0, dropped: 0 },
      expectedAnnualSavingsKrw: 60,
      byCategory: [figures('ON_SITE_REUSE', { expectedAnnualSavingsKrw: 20 }), figures('GREEN_MANAGEMENT', { expectedAnnualSavingsKrw: 40 })],
    });
    const { totals, byCategory } = totalsOfRows([a, c], null);
    expect(totals).toMatchObject({ companies: 2, implemented: 1, implementationRate: 0.25, implementationRateBySavings: 0.1, reportedAnnualSavingsKrw: 7 });
    expect(byCategory.map((f) => [f.category, f.expectedAnnualSavingsKrw, f.measureCounts.total])).toEqual([
      ['ON_SITE_REUSE', 60, 2],
      ['GREEN_MANAGEMENT', 40, 1],
    ]);
    expect(totalsOfRows([a, c], 'ON_SITE_REUSE').byCategory.map((f) => f.category)).toEqual(['ON_SITE_REUSE']);
  });
});
