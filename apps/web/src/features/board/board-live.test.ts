import { describe, expect, it } from 'vitest';
import type { BoardRowData, BoardRowChange, BoardView } from './board-live';
import { applyBoardRowChange, rowMatches } from './board-live';

function row(id: string, nameKo: string, extra: Partial<BoardRowData> = {}): BoardRowData {
  return {
    stage: 'ACTIVE',
    lastActivityAt: null,
    investmentKrw: 0,
    expectedAnnualSavingsKrw: 0,
    verifiedAnnualSavingsKrw: 0,
    ghgReductionTco2e: 0,
    implementationRate: 0,
    implemented: 0,
    company: { id, nameKo, nameEn: null, industryLabel: null },
    participation: { id: `p-${id}` },
    team: { id: 'team-1', name: '1팀' },
    taskCounts: { total: 0, todo: 0, inProgress: 0, inReview: 0, blocked: 0, done: 0, overdue: 0 },
    measureCounts: { total: 0, proposed: 0, approved: 0, inProgress: 0, implemented: 0, verified: 0, dropped: 0 },
    ...extra,
  } as BoardRowData;
}

const totals = (companies: number) =>
  ({
    companies,
    investmentKrw: 0,
    expectedAnnualSavingsKrw: 0,
    verifiedAnnualSavingsKrw: 0,
    ghgReductionTco2e: 0,
    implementationRate: 0,
    implemented: 0,
    measureCounts: { total: 0, dropped: 0 },
  }) as BoardRowChange['totals'];

const view = (): BoardView => ({
  rows: [row('a', '가'), row('c', '다')],
  kpis: { totals: totals(2), budget: [], byCategory: [] } as unknown as BoardView['kpis'],
});
const change = (companyId: string, value: BoardRowData | null, companies = 2): BoardRowChange =>
  ({ seq: 1, companyId, row: value, totals: totals(companies), byCategory: [], budget: [] }) as BoardRowChange;
const ids = (result: BoardView | 'reload') => (result === 'reload' ? result : result.rows.map((r) => r.company.id));

describe('applying boardRowChanged to the board', () => {
  it('replaces a row in place and takes the year totals from the event', () => {
    const result = applyBoardRowChange(view(), change('c', row('c', '다', { implemented: 3 }), 7), {});
    expect(ids(result)).toEqual(['a', 'c']);
    expect(result !== 'reload' && result.rows[1]?.implemented).toBe(3);
    expect(result !== 'reload' && result.kpis?.totals.companies).toBe(7);
  });

  it('inserts a new company in name order and removes one that left the board', () => {
    expect(ids(applyBoardRowChange(view(), change('b', row('b', '나')), {}))).toEqual(['a', 'b', 'c']);
    expect(ids(applyBoardRowChange(view(), change('a', null), {}))).toEqual(['c']);
    expect(ids(applyBoardRowChange(view(), change('a', row('a', '가', { stage: 'WITHDRAWN' })), {}))).toEqual(['c']);
  });

  it('follows the team and stage filters, and asks for a reload under a category filter', () => {
    const otherTeam = row('a', '가', { team: { id: 'team-2', name: '2팀' } } as Partial<BoardRowData>);
    expect(ids(applyBoardRowChange(view(), change('a', otherTeam), { teamId: 'team-1' }))).toEqual(['c']);
    expect(rowMatches(row('x', '엑스', { stage: 'SELECTED' }), { status: 'SELECTED' })).toBe(true);
    expect(rowMatches(row('x', '엑스', { stage: 'ACTIVE' }), { status: 'SELECTED' })).toBe(false);
    expect(applyBoardRowChange(view(), change('a', row('a', '가')), { category: 'GREEN_MANAGEMENT' })).toBe('reload');
  });
});
