import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { shallowRef } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { session, type Viewer } from '@/features/auth/session';
import { cachedMockClient } from '@/testing/mock-client';
import { PROGRAMS } from '@/testing/programs.fixture';
import CompanyRegister from './CompanyRegister.vue';

/** The n-th company of the year: all applied on one day, so the register orders them by id. */
function row(n: number, status = 'APPLIED', version = 1) {
  return {
    id: `pa-${String(n).padStart(3, '0')}`,
    version,
    status,
    appliedOn: '2012-08-01',
    contributionKrw: 1_000_000,
    company: { id: `co-${n}`, nameKo: `기업 ${String(n).padStart(3, '0')}`, nameEn: null, industryLabel: '도금업' },
    team: null,
  };
}

/** A year of 120 companies: the register reads 100, "more" the other 20. */
async function open() {
  session.set({ id: 'p-1', name: '김지현', nameEn: null, email: 'manager@ecofrontier.co.kr', role: 'PROGRAM_MANAGER', locale: 'ko', company: null } as Viewer);
  const rows = Array.from({ length: 120 }, (_, i) => row(i + 1));
  const page = (from: number, to: number) => ({
    totalCount: rows.length,
    pageInfo: { hasNextPage: to < rows.length, endCursor: `c${to}` },
    edges: rows.slice(from, to).map((node) => ({ node })),
  });
  const mock = cachedMockClient({
    Programs: () => ({ data: PROGRAMS }),
    CompanyRegister: () => ({ data: { liveSequence: 7, participations: page(0, 100) } }),
    CompanyRegisterAfter: (variables) => (variables.after === 'c100' ? { data: { participations: page(100, 120) } } : { error: { code: 'BAD_USER_INPUT' } }),
  });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
  await router.push('/companies');
  const wrapper = mount(CompanyRegister, { global: { plugins: [router, [urql, shallowRef(mock.client)]] }, attachTo: document.body });
  await flushPromises();
  return { mock, wrapper };
}

const shownIds = () => [...document.querySelectorAll<HTMLElement>('tbody tr[data-participation-id]')].map((tr) => tr.dataset.participationId);

// A table of 100 rows renders slowly on a busy machine: the tests get more than the default 5 s.
describe('the company register', () => {
  afterEach(() => {
    session.set(null);
    document.body.innerHTML = '';
  });

  it('says how many of the year it shows and reads the rest with "more"', async () => {
    const { wrapper } = await open();
    expect(shownIds()).toHaveLength(100);
    expect(wrapper.text()).toContain('120개 중 100개 표시');
    await wrapper.get('.more button').trigger('click');
    await flushPromises();
    expect(shownIds()).toHaveLength(120);
    expect(shownIds().at(-1)).toBe('pa-120');
    expect(wrapper.find('.more').exists()).toBe(false);
    expect(wrapper.text()).not.toContain('표시');
  }, 20_000);

  it('keeps a later page live: a joining company takes its place there and a stage change shows in place, with no reload', async () => {
    const { mock, wrapper } = await open();
    await wrapper.get('.more button').trigger('click');
    await flushPromises();
    expect(mock.networkOf('CompanyRegisterChanged')[0]?.variables).toMatchObject({ programYearId: 'year-1', since: 7 });
    const requests = mock.network.length;

    // Applied on the same day as the others, with an id between the 110th's and the 111th's.
    const joining = { ...row(110), id: 'pa-110a', company: { id: 'co-new', nameKo: '새 기업', nameEn: null, industryLabel: '염색업' } };
    mock.emit('CompanyRegisterChanged', { participationChanged: { seq: 8, kind: 'CREATED', participationId: joining.id, companyId: 'co-new', participation: joining } });
    mock.emit('CompanyRegisterChanged', { participationChanged: { seq: 9, kind: 'UPDATED', participationId: 'pa-115', companyId: 'co-115', participation: row(115, 'WITHDRAWN', 2) } });
    await flushPromises();

    const ids = shownIds();
    expect(ids).toHaveLength(121);
    expect(ids.slice(109, 112)).toEqual(['pa-110', 'pa-110a', 'pa-111']);
    expect(wrapper.text()).toContain('121개 기업');
    expect(document.querySelector('tr[data-participation-id="pa-115"]')?.textContent).toContain('중도 포기');
    expect(mock.network.slice(requests)).toEqual([]);
  }, 20_000);
});
