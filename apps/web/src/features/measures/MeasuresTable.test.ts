import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { MeasureRowFragment } from '@/graphql/generated/graphql';
import { measureExportColumns } from './measure-export';
import MeasuresTable from './MeasuresTable.vue';

function row(id: string, tasksCount: number | null): MeasureRowFragment {
  return {
    id,
    title: `향류세척 ${id}`,
    category: 'ON_SITE_REUSE',
    status: 'IN_PROGRESS',
    investmentKrw: 12_000_000,
    expectedAnnualSavingsKrw: 8_000_000,
    verifiedAnnualSavingsKrw: null,
    paybackYears: 1.5,
    ghgReductionTco2e: 43.7,
    tasksCount,
    version: 1,
    company: { id: 'co-1', nameKo: '(주)한일도금', nameEn: null },
    owner: null,
  } as MeasureRowFragment;
}

function render(rows: MeasureRowFragment[]) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
  return mount(MeasuresTable, { props: { rows, totals: null, caption: '개선 과제' }, global: { plugins: [router] } });
}

describe('the measures register, by what the role may see', () => {
  it('drops the task column when the API withholds task counts (an observer), rather than showing dashes or zeros', () => {
    const wrapper = render([row('m1', null), row('m2', null)]);
    expect(wrapper.find('[data-testid="tasks-column"]').exists()).toBe(false);
    expect(wrapper.find('tbody tr').findAll('td').map((cell) => cell.text())).not.toContain('—');
    const headers = measureExportColumns((key) => key, (company) => company.nameKo, [row('m1', null)]).map((column) => column.header);
    expect(headers).not.toContain('measures.columns.tasks');
  });

  it('shows the task counts to who may see tasks, zero included', () => {
    const wrapper = render([row('m1', 3), row('m2', 0)]);
    expect(wrapper.find('[data-testid="tasks-column"]').exists()).toBe(true);
    expect(wrapper.findAll('tbody tr').map((tr) => tr.findAll('td').at(-1)?.text())).toEqual(['3', '0']);
    const headers = measureExportColumns((key) => key, (company) => company.nameKo, [row('m1', 3)]).map((column) => column.header);
    expect(headers).toContain('measures.columns.tasks');
  });
});
