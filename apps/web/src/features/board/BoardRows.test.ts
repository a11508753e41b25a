import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { session } from '@/features/auth/session';
import type { BoardRowFieldsFragment } from '@/graphql/generated/graphql';
import { boardExportColumns } from './board-table';
import BoardRows from './BoardRows.vue';

/** A row as the API answers it: task counts and last activity are null for roles that may not see the work. */
function row(hidden: boolean): BoardRowFieldsFragment {
  return {
    stage: 'ACTIVE',
    lastActivityAt: hidden ? null : '2013-07-18T09:00:00Z',
    investmentKrw: 10_000_000,
    expectedAnnualSavingsKrw: 8_000_000,
    verifiedAnnualSavingsKrw: 1_000_000,
    ghgReductionTco2e: 43.7,
    implementationRate: 0.5,
    implemented: 2,
    company: { id: 'co-1', nameKo: '(주)한일도금', nameEn: null, industryLabel: '도금업' },
    participation: { id: 'p-co-1' },
    team: { id: 'team-1', name: '1팀' },
    taskCounts: hidden ? null : { total: 17, todo: 3, inProgress: 4, inReview: 1, blocked: 1, done: 8, overdue: 2 },
    measureCounts: { total: 5, proposed: 1, approved: 1, inProgress: 1, implemented: 1, verified: 1, dropped: 0 },
  } as unknown as BoardRowFieldsFragment;
}

function render(role: 'OBSERVER' | 'PROGRAM_MANAGER') {
  session.set({ id: 'p-1', name: '김정민', nameEn: null, email: 'someone@ecohub.test', role, locale: 'ko', company: null });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
  return mount(BoardRows, { props: { rows: [row(role === 'OBSERVER')], changed: () => false }, global: { plugins: [router] } });
}

describe('the board rows, by role', () => {
  afterEach(() => session.set(null));

  it('says tasks are not shown to an observer and drops the last-activity column, with no zero counts', () => {
    const wrapper = render('OBSERVER');
    const table = wrapper.find('.rows__table');
    expect(table.find('tbody tr').text()).toContain('이 역할에는 과제가 공개되지 않습니다');
    expect(table.find('tbody tr').text()).not.toMatch(/\b0\s*\/\s*0\b/);
    expect(wrapper.find('[data-testid="sort-lastActivity"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="last-activity"]').exists()).toBe(false);
  });

  it('shows a manager the task progress, the overdue badge and the last activity', () => {
    const wrapper = render('PROGRAM_MANAGER');
    const table = wrapper.find('.rows__table');
    expect(table.find('tbody tr').text()).not.toContain('공개되지 않습니다');
    expect(wrapper.find('[data-testid="sort-lastActivity"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="last-activity"]').text()).not.toBe('—');
  });

  it('exports exactly what each role sees: no task or last-activity columns for an observer', () => {
    const headers = (seesWork: boolean) => boardExportColumns((key) => key, (r) => r.company.nameKo, seesWork).map((column) => column.header);
    expect(headers(false)).not.toContain('boardAnalysis.export.tasksTotal');
    expect(headers(false)).not.toContain('board.columns.lastActivity');
    expect(headers(true)).toEqual(expect.arrayContaining(['boardAnalysis.export.tasksTotal', 'board.columns.lastActivity']));
  });
});
