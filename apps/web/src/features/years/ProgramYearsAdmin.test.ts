import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { shallowRef } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { session, type Viewer } from '@/features/auth/session';
import { mockClient } from '@/testing/mock-client';
import { useToasts } from '@/composables/useToasts';
import { PROGRAMS } from '@/testing/programs.fixture';
import ProgramYearsAdmin from './ProgramYearsAdmin.vue';

function admin(year: { startsOn: string; endsOn: string; version: number }) {
  return {
    programs: [
      {
        id: 'program-1',
        nameKo: '안산 자원순환 클러스터',
        nameEn: 'Ansan resource circulation cluster',
        durationYears: 3,
        years: [
          {
            id: 'year-1',
            number: 1,
            ...year,
            plannedTotalKrw: 0,
            spentTotalKrw: 0,
            expertTeams: [],
            participations: { totalCount: 0 },
            budgetLines: [],
          },
        ],
      },
    ],
  };
}

async function setup(answer: 'ok' | 'CONFLICT once' = 'ok') {
  session.set({ id: 'p-1', name: '김정민', nameEn: null, email: 'manager@ecofrontier.co.kr', role: 'PROGRAM_MANAGER', locale: 'ko', company: null } as Viewer);
  let year = { startsOn: '2012-10-01', endsOn: '2013-07-31', version: 3 };
  let conflict = answer === 'CONFLICT once';
  const mock = mockClient({
    Programs: () => ({ data: PROGRAMS }),
    ProgramYearsAdmin: () => ({ data: admin(year) }),
    UpdateProgramYearDates: (variables) => {
      if (conflict) {
        // Someone else edited the year first: it is at version 4 now.
        conflict = false;
        year = { ...year, version: 4 };
        return { error: { code: 'CONFLICT' } };
      }
      const input = variables.input as { id: string; startsOn: string; endsOn: string; version: number };
      if (input.version !== year.version) return { error: { code: 'CONFLICT' } };
      year = { startsOn: input.startsOn, endsOn: input.endsOn, version: input.version + 1 };
      return { data: { updateProgramYear: { id: input.id, ...year } } };
    },
  });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
  await router.push('/program-years');
  const wrapper = mount(ProgramYearsAdmin, { global: { plugins: [router, [urql, shallowRef(mock.client)]] }, attachTo: document.body });
  await flushPromises();
  return { mock, wrapper };
}

async function openDates(wrapper: Awaited<ReturnType<typeof setup>>['wrapper']) {
  const edit = wrapper.find('[data-year="1"]').findAll('button').find((button) => button.text() === '기간 수정');
  expect(edit).toBeTruthy();
  await edit!.trigger('click');
  await flushPromises();
  return wrapper.find('#year-dates-form');
}

describe("a program year's dates, edited after creation", () => {
  afterEach(() => {
    session.set(null);
    document.body.innerHTML = '';
  });

  it('opens with the current dates, refuses an end before the start beside the field, and sends nothing', async () => {
    const { mock, wrapper } = await setup();
    const form = await openDates(wrapper);
    const [starts, ends] = form.findAll('input');
    expect((starts!.element as HTMLInputElement).value).toBe('2012-10-01');
    expect((ends!.element as HTMLInputElement).value).toBe('2013-07-31');
    await ends!.setValue('2012-09-30');
    await form.trigger('submit');
    await flushPromises();
    expect(form.text()).toContain('종료일이 시작일보다 빠릅니다.');
    expect(mock.callsOf('UpdateProgramYearDates')).toHaveLength(0);
  });

  it('saves the new dates with the version edited, and the year shows them', async () => {
    const { mock, wrapper } = await setup();
    const form = await openDates(wrapper);
    await form.findAll('input')[1]!.setValue('2013-09-30');
    await form.trigger('submit');
    await flushPromises();
    expect(mock.callsOf('UpdateProgramYearDates')[0]?.variables).toEqual({
      input: { id: 'year-1', version: 3, startsOn: '2012-10-01', endsOn: '2013-09-30' },
    });
    expect(wrapper.find('[data-year="1"]').text()).toContain('2013년 9월 30일');
  });

  it('says so when someone else changed the year first, keeps the form open, and saves over the version read again', async () => {
    const { mock, wrapper } = await setup('CONFLICT once');
    const form = await openDates(wrapper);
    await form.findAll('input')[0]!.setValue('2012-11-01');
    await form.trigger('submit');
    await flushPromises();
    expect((form.element.closest('dialog') as HTMLDialogElement).open).toBe(true);
    expect(useToasts().toasts.value.map((toast) => toast.message)).toContain('다른 사람이 먼저 변경했습니다. 최신 내용을 불러왔으니 다시 시도해 주세요.');
    expect((form.findAll('input')[0]!.element as HTMLInputElement).value).toBe('2012-11-01');
    await form.trigger('submit');
    await flushPromises();
    expect(mock.callsOf('UpdateProgramYearDates').map((call) => (call.variables.input as { version: number }).version)).toEqual([3, 4]);
    expect(wrapper.find('[data-year="1"]').text()).toContain('2012년 11월 1일');
  });
});
