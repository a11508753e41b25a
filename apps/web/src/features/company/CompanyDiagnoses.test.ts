import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { shallowRef } from 'vue';
import { session, type Viewer } from '@/features/auth/session';
import { cachedMockClient } from '@/testing/mock-client';
import CompanyDiagnoses from './CompanyDiagnoses.vue';

const LEE = { id: 'p-lee', name: '이수진', nameEn: 'Lee Su-jin' };

function diagnosis(version: number, findings: string, lastEditedBy: typeof LEE | null) {
  return {
    id: 'd-1',
    kind: 'INITIAL',
    conductedOn: '2012-10-15',
    findings,
    processesExamined: '전처리 → 도금 → 수세',
    electricityKwhPerYear: null,
    lngNm3PerYear: null,
    waterM3PerYear: 48_000,
    wastewaterM3PerYear: null,
    wasteTPerYear: null,
    rawMaterialsTPerYear: null,
    version,
    company: { id: 'co-1' },
    participation: { id: 'pa-1' },
    leadExpert: null,
    lastEditedBy,
  };
}

function participation() {
  return {
    id: 'pa-1',
    status: 'ACTIVE',
    version: 1,
    appliedOn: '2012-08-20',
    initiallyDiagnosedOn: null,
    selectedOn: null,
    notSelectedOn: null,
    agreementSignedOn: null,
    activeOn: null,
    completedOn: null,
    withdrawnOn: null,
    contributionKrw: 0,
    note: null,
    programYear: { id: 'y-1', number: 1, startsOn: '2012-10-01', endsOn: '2013-07-31' },
    team: null,
  };
}

/** The diagnoses tab as an expert, with the API's diagnosis at `saved` (changed by the test). */
async function open() {
  session.set({ id: 'p-1', name: '이서연', nameEn: null, email: 'expert@ecofrontier.co.kr', role: 'EXPERT', locale: 'ko', company: null } as Viewer);
  const state = { saved: diagnosis(1, '수세 용수 과다', null) };
  const mock = cachedMockClient({
    CompanyDiagnoses: () => ({ data: { liveSequence: 10, diagnoses: { edges: [{ node: state.saved }] } } }),
    CompanyDiagnosesVisible: () => ({ data: { company: { id: 'co-1', participations: [{ id: 'pa-1', diagnoses: [{ id: 'd-1' }] }] } } }),
    CompanyParticipation: () => ({ data: { liveSequence: 10, company: { id: 'co-1', participations: [participation()], staff: [] } } }),
    TargetAttachments: () => ({ data: { attachments: { totalCount: 0, edges: [] } } }),
    AttachmentLimits: () => ({ data: { attachmentLimits: { maxBytes: 20 * 1024 * 1024, types: [{ contentType: 'application/pdf', extensions: ['pdf'] }] } } }),
    ReportPresence: () => ({ data: { reportPresence: true } }),
    UpdateDiagnosis: (variables) => {
      const input = variables.input as { version: number; findings: string };
      if (input.version !== state.saved.version) return { error: { code: 'CONFLICT' } };
      state.saved = diagnosis(state.saved.version + 1, input.findings, null);
      return { data: { updateDiagnosis: state.saved } };
    },
  });
  const wrapper = mount(CompanyDiagnoses, { props: { companyId: 'co-1' }, global: { plugins: [[urql, shallowRef(mock.client)]] }, attachTo: document.body });
  await flushPromises();
  return { mock, wrapper, state };
}

const findings = () => document.querySelectorAll<HTMLTextAreaElement>('[data-testid="diagnosis-form"] textarea')[1]!;

async function type(element: HTMLTextAreaElement, value: string) {
  element.value = value;
  element.dispatchEvent(new Event('input'));
  await flushPromises();
}

describe('editing a diagnosis while another expert edits it', () => {
  afterEach(() => {
    session.set(null);
    document.body.innerHTML = '';
  });

  it('keeps what was typed when a newer version arrives live, names its editor and resolves the conflict field by field', async () => {
    const { mock, wrapper, state } = await open();
    expect(mock.networkOf('DiagnosisChanged')[0]?.variables).toMatchObject({ companyId: 'co-1', since: 10 });
    await wrapper.get('[data-testid="diagnosis-edit"]').trigger('click');
    await flushPromises();
    // Others on the company page see an open diagnosis form as editing.
    expect(mock.networkOf('ReportPresence').map((call) => call.variables)).toEqual([{ topic: { page: 'COMPANY', id: 'co-1' }, state: 'EDITING' }]);
    await type(findings(), '내 소견: 수세 2단 역류');

    // 이수진 saves meanwhile; the event carries the diagnosis into the list, the open form keeps the draft.
    state.saved = diagnosis(2, '이수진 소견: 수세 용수 재이용', LEE);
    const requests = mock.network.length;
    mock.emit('DiagnosisChanged', { diagnosisChanged: { seq: 11, diagnosisId: 'd-1', diagnosis: state.saved } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await flushPromises();
    expect(document.querySelector('[data-testid="changed-while-editing"]')?.textContent).toContain('이수진 님이 이 내용을 바꿨습니다');
    expect(findings().value).toBe('내 소견: 수세 2단 역류');
    expect(mock.network.slice(requests)).toEqual([]);

    // Saving names the version the form was opened on: CONFLICT, then the difference.
    document.querySelector<HTMLFormElement>('[data-testid="diagnosis-form"]')!.requestSubmit();
    await flushPromises();
    expect(mock.networkOf('UpdateDiagnosis')[0]?.variables.input).toMatchObject({ id: 'd-1', version: 1 });
    const review = document.querySelector('[data-testid="conflict-review"]')!;
    expect(review.querySelector('h3')?.textContent).toBe('이수진 님이 바꾼 내용');
    expect([...review.querySelectorAll('[data-field]')].map((field) => field.getAttribute('data-field'))).toEqual(['findings']);
    expect(review.querySelector('[data-field="findings"]')?.textContent).toContain('이수진 소견: 수세 용수 재이용');

    // Taking theirs saves over version 2 with their text.
    review.querySelector<HTMLInputElement>('[data-field="findings"] [data-testid="take-theirs"]')!.click();
    review.querySelector<HTMLButtonElement>('[data-testid="conflict-apply"]')!.click();
    await flushPromises();
    expect(mock.networkOf('UpdateDiagnosis')[1]?.variables.input).toMatchObject({ version: 2, findings: '이수진 소견: 수세 용수 재이용' });
    expect(state.saved.version).toBe(3);
  });
});
