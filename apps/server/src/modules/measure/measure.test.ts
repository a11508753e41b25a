import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../../testing/index.ts';
import { buildWorkWorld, UNKNOWN_ID, type WorkWorld } from '../../testing/work-world.ts';

const FIELDS = `id version status title category investmentKrw expectedAnnualSavingsKrw paybackYears ghgReductionTco2e
  allowedNextStatuses implementedOn followUpDueOn followUpCheckedOn verifiedAnnualSavingsKrw archivedAt
  electricityFactor { value validFromYear } lngFactor { value } waterFactor { value } owner { id } company { id } programYear { id } tasksCount`;
const CREATE = `mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateMeasureInput!) { updateMeasure(input: $input) { ${FIELDS} } }`;
const TRANSITION = `mutation($id: ID!, $to: MeasureStatus!, $version: Int!, $on: LocalDate) {
  transitionMeasure(id: $id, to: $to, version: $version, on: $on) { ${FIELDS} } }`;
const FOLLOW_UP = `mutation($input: MeasureFollowUpInput!) { recordMeasureFollowUp(input: $input) { ${FIELDS} } }`;
const ARCHIVE = `mutation($id: ID!, $version: Int!) { archiveMeasure(id: $id, version: $version) { id version archivedAt allowedNextStatuses } }`;
const LIST = `query($filter: MeasureFilter, $first: Int, $after: String) {
  measures(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title status company { id } } } } }`;
const TOTALS = `query($filter: MeasureFilter) { measureTotals(filter: $filter) { count droppedCount includesDropped investmentKrw expectedAnnualSavingsKrw verifiedAnnualSavingsKrw ghgReductionTco2e } }`;
const TOTALS_ALL = `query($filter: MeasureFilter) { measureTotals(filter: $filter, includeDropped: true) { includesDropped investmentKrw } }`;

type MeasureData = {
  id: string;
  version: number;
  status: string;
  paybackYears: number | null;
  ghgReductionTco2e: number;
  allowedNextStatuses: string[];
  implementedOn: string | null;
  followUpDueOn: string | null;
  [key: string]: unknown;
};

describe('measures over HTTP', () => {
  let hub: TestServer;
  let w: WorkWorld;

  const input = (extra: Record<string, unknown> = {}) => ({
    companyId: w.company.id,
    programYearId: w.year.id,
    category: 'OPERATING_CONDITIONS',
    title: '도금조 온도 관리 개선',
    investmentKrw: 12_000_000,
    expectedAnnualSavingsKrw: 8_000_000,
    electricityKwhPerYear: 120_000,
    lngNm3PerYear: 15_000,
    waterM3PerYear: 2_000,
    technicalFeasibility: 4,
    ...extra,
  });
  const create = async (extra: Record<string, unknown> = {}) =>
    (await w.as.expert.data<{ createMeasure: MeasureData }>(CREATE, { input: input(extra) })).createMeasure;

  beforeAll(async () => {
    hub = await startTestServer({ seeded: false });
    w = await buildWorkWorld(hub);
  });
  afterAll(() => hub.close());

  describe('createMeasure', () => {
    it('creates a proposed measure with the factors valid for the program year and derived effects', async () => {
      const measure = await create({ ownerId: w.people.expert.id });
      expect(measure).toMatchObject({
        status: 'PROPOSED',
        version: 1,
        paybackYears: 1.5,
        allowedNextStatuses: ['APPROVED', 'DROPPED'],
        electricityFactor: { value: 0.424, validFromYear: 2012 },
        lngFactor: { value: 2.176 },
        waterFactor: { value: 0.237 },
        owner: { id: w.people.expert.id },
        tasksCount: 0,
      });
      // 120 MWh × 0.424 + 15 × 2.176 + 2 × 0.237
      expect(measure.ghgReductionTco2e).toBeCloseTo(50.88 + 32.64 + 0.474, 3);
      const [activity] = await w.fx.rows(`select action, company_id from activity_entry where entity_id = ?`, [measure.id]);
      expect(activity).toMatchObject({ action: 'measure.created', company_id: w.company.id });
      const [event] = await w.fx.rows(`select type, program_year_id from outbox_event where entity_id = ?`, [measure.id]);
      expect(event).toMatchObject({ type: 'measure.created', program_year_id: w.year.id });
    });

    it('uses a factor chosen explicitly and keeps it', async () => {
      const [later] = await w.fx.rows<{ id: string }>(`select id from emission_factor where kind = 'ELECTRICITY' and valid_from_year = 2014`);
      const measure = await create({ electricityFactorId: later!.id, lngNm3PerYear: 0, waterM3PerYear: 0 });
      expect(measure.electricityFactor).toEqual({ value: 0.45941, validFromYear: 2014 });
      expect(measure.ghgReductionTco2e).toBeCloseTo(120 * 0.45941, 3);
    });

    it('creates once for a repeated idempotency key', async () => {
      const first = await create({ idempotencyKey: 'measure-key-1' });
      const again = await create({ idempotencyKey: 'measure-key-1' });
      expect(again.id).toBe(first.id);
      const [{ count }] = (await w.fx.rows<{ count: string }>(`select count(*) from measure where id = ?`, [first.id])) as [{ count: string }];
      expect(count).toBe('1');
    });

    it('rejects bad input with every violation named', async () => {
      const error = await w.as.expert.error(CREATE, { input: input({ title: ' ', investmentKrw: -1, technicalFeasibility: 6, lngNm3PerYear: -5 }) });
      expect(error.code).toBe('BAD_USER_INPUT');
      const fields = (error.extensions.violations as { field: string }[]).map((v) => v.field).sort();
      expect(fields).toEqual(['investmentKrw', 'lngNm3PerYear', 'technicalFeasibility', 'title']);
    });

    it('rejects an owner who does not work with the company, and a factor of the wrong kind', async () => {
      expect(await w.as.expert.errorCode(CREATE, { input: input({ ownerId: w.people.otherStaff.id }) })).toBe('BAD_USER_INPUT');
      expect(await w.as.expert.errorCode(CREATE, { input: input({ lngFactorId: w.factors.WATER }) })).toBe('BAD_USER_INPUT');
    });

    it('rejects a company outside the program year', async () => {
      const outsider = await w.fx.company();
      expect(await w.as.manager.errorCode(CREATE, { input: input({ companyId: outsider.id }) })).toBe('BAD_USER_INPUT');
    });

    it('answers unknown ids, other tenants and the wrong roles with NOT_FOUND, FORBIDDEN or UNAUTHENTICATED', async () => {
      expect(await w.as.manager.errorCode(CREATE, { input: input({ companyId: UNKNOWN_ID }) })).toBe('NOT_FOUND');
      expect(await w.as.manager.errorCode(CREATE, { input: input({ companyId: 'not-an-id' }) })).toBe('NOT_FOUND');
      expect(await w.as.otherExpert.errorCode(CREATE, { input: input() })).toBe('NOT_FOUND');
      expect(await w.as.staff.errorCode(CREATE, { input: input() })).toBe('FORBIDDEN');
      expect(await w.as.observer.errorCode(CREATE, { input: input() })).toBe('NOT_FOUND');
      expect(await new TestClient(hub.url).errorCode(CREATE, { input: input() })).toBe(
        'UNAUTHENTICATED',
      );
    });
  });

  describe('updateMeasure', () => {
    it('changes the fields given, bumps the version and records the diff', async () => {
      const measure = await create();
      const { updateMeasure } = await w.as.expert.data<{ updateMeasure: MeasureData }>(UPDATE, {
        input: { id: measure.id, version: measure.version, expectedAnnualSavingsKrw: 4_000_000, screeningClass: 'DIRECTLY_IMPLEMENTABLE' },
      });
      expect(updateMeasure).toMatchObject({ version: 2, paybackYears: 3, expectedAnnualSavingsKrw: 4_000_000, title: measure['title'] });
      const [activity] = await w.fx.rows<{ diff: Record<string, unknown> }>(
        `select diff from activity_entry where entity_id = ? and action = 'measure.updated'`,
        [measure.id],
      );
      expect(activity?.diff).toEqual({
        expectedAnnualSavingsKrw: { from: 8_000_000, to: 4_000_000 },
        screeningClass: { from: null, to: 'DIRECTLY_IMPLEMENTABLE' },
      });
    });

    it('changes nothing, and records nothing, when the values are the same', async () => {
      const measure = await create();
      const { updateMeasure } = await w.as.expert.data<{ updateMeasure: MeasureData }>(UPDATE, {
        input: { id: measure.id, version: 1, title: measure['title'], investmentKrw: measure['investmentKrw'] },
      });
      expect(updateMeasure.version).toBe(1);
      expect(await w.fx.rows(`select 1 from activity_entry where entity_id = ? and action = 'measure.updated'`, [measure.id])).toEqual([]);
    });

    it('rejects a stale version with CONFLICT and the current version', async () => {
      const measure = await create();
      await w.as.expert.data(UPDATE, { input: { id: measure.id, version: 1, title: '첫 수정' } });
      const error = await w.as.manager.error(UPDATE, { input: { id: measure.id, version: 1, title: '늦은 수정' } });
      expect(error.code).toBe('CONFLICT');
      expect(error.extensions.currentVersion).toBe(2);
    });

    it('rejects bad input, unknown ids, other tenants and staff', async () => {
      const measure = await create();
      expect(await w.as.expert.errorCode(UPDATE, { input: { id: measure.id, version: 1, title: null } })).toBe('BAD_USER_INPUT');
      expect(await w.as.expert.errorCode(UPDATE, { input: { id: UNKNOWN_ID, version: 1, title: 'x' } })).toBe('NOT_FOUND');
      expect(await w.as.otherExpert.errorCode(UPDATE, { input: { id: measure.id, version: 1, title: 'x' } })).toBe('NOT_FOUND');
      expect(await w.as.staff.errorCode(UPDATE, { input: { id: measure.id, version: 1, title: 'x' } })).toBe('FORBIDDEN');
    });
  });

  describe('transitionMeasure and the follow-up', () => {
    it('walks the machine; implementing stamps the day and a follow-up six months later', async () => {
      let measure = await create();
      for (const to of ['APPROVED', 'IN_PROGRESS']) {
        measure = (await w.as.expert.data<{ transitionMeasure: MeasureData }>(TRANSITION, { id: measure.id, to, version: measure.version })).transitionMeasure;
      }
      measure = (
        await w.as.expert.data<{ transitionMeasure: MeasureData }>(TRANSITION, { id: measure.id, to: 'IMPLEMENTED', version: measure.version, on: '2013-03-31' })
      ).transitionMeasure;
      expect(measure).toMatchObject({ status: 'IMPLEMENTED', implementedOn: '2013-03-31', followUpDueOn: '2013-09-30', version: 4 });
      const { recordMeasureFollowUp } = await w.as.expert.data<{ recordMeasureFollowUp: MeasureData }>(FOLLOW_UP, {
        input: { id: measure.id, version: measure.version, checkedOn: '2013-10-02', verifiedAnnualSavingsKrw: 7_500_000, note: '효과 확인' },
      });
      expect(recordMeasureFollowUp).toMatchObject({ followUpCheckedOn: '2013-10-02', verifiedAnnualSavingsKrw: 7_500_000, version: 5 });
      const events = await w.fx.rows<{ type: string; payload: { to?: string } }>(
        `select type, payload from outbox_event where entity_id = ? order by seq`,
        [measure.id],
      );
      expect(events.map((e) => e.payload.to ?? e.type)).toEqual(['measure.created', 'APPROVED', 'IN_PROGRESS', 'IMPLEMENTED', 'measure.updated']);
    });

    it('rejects an illegal transition naming the allowed ones', async () => {
      const measure = await create();
      const error = await w.as.expert.error(TRANSITION, { id: measure.id, to: 'IMPLEMENTED', version: measure.version });
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.message).toContain('APPROVED, DROPPED');
    });

    it('rejects a stale version, an unknown id and a follow-up before implementation', async () => {
      const measure = await create();
      expect((await w.as.expert.error(TRANSITION, { id: measure.id, to: 'APPROVED', version: 7 })).extensions.currentVersion).toBe(1);
      expect(await w.as.expert.errorCode(TRANSITION, { id: UNKNOWN_ID, to: 'APPROVED', version: 1 })).toBe('NOT_FOUND');
      expect(await w.as.expert.errorCode(FOLLOW_UP, { input: { id: measure.id, version: 1, checkedOn: '2013-10-02' } })).toBe('BAD_USER_INPUT');
      expect(await w.as.expert.errorCode(FOLLOW_UP, { input: { id: measure.id, version: 1, checkedOn: '2013-13-02' } })).toBe('BAD_USER_INPUT');
    });
  });

  describe('archiveMeasure', () => {
    it('hides the measure from lists, freezes it and publishes measure.deleted', async () => {
      const measure = await create({ title: '보관할 조치' });
      const { archiveMeasure } = await w.as.expert.data<{ archiveMeasure: MeasureData }>(ARCHIVE, { id: measure.id, version: 1 });
      expect(archiveMeasure.archivedAt).not.toBeNull();
      expect(archiveMeasure.allowedNextStatuses).toEqual([]);
      const list = await w.as.manager.data<{ measures: { edges: { node: { id: string } }[] } }>(LIST, { filter: { search: '보관할' } });
      expect(list.measures.edges).toEqual([]);
      expect(await w.as.expert.errorCode(UPDATE, { input: { id: measure.id, version: 2, title: 'x' } })).toBe('BAD_USER_INPUT');
      expect(await w.as.expert.errorCode(ARCHIVE, { id: measure.id, version: 1 })).toBe('BAD_USER_INPUT');
      const [event] = await w.fx.rows(`select type from outbox_event where entity_id = ? order by seq desc limit 1`, [measure.id]);
      expect(event).toEqual({ type: 'measure.deleted' });
    });
  });

  describe('measures and measureTotals', () => {
    it("filters by company, status, category and title, within the viewer's scope", async () => {
      await w.as.otherExpert.data(CREATE, { input: input({ companyId: w.otherCompany.id, title: '폐수 재이용 설비', category: 'ON_SITE_REUSE' }) });
      const search = async (client: keyof WorkWorld['as'], filter: Record<string, unknown>) =>
        (await w.as[client].data<{ measures: { totalCount: number; edges: { node: { company: { id: string } } }[] } }>(LIST, { filter })).measures;
      expect((await search('manager', { category: 'ON_SITE_REUSE' })).totalCount).toBe(1);
      expect((await search('manager', { search: '재이용' })).totalCount).toBe(1);
      expect((await search('expert', { search: '재이용' })).totalCount).toBe(0);
      expect((await search('staff', { companyId: w.otherCompany.id })).totalCount).toBe(0);
      const own = await search('staff', {});
      expect(own.totalCount).toBeGreaterThan(0);
      expect(own.edges.every((edge) => edge.node.company.id === w.company.id)).toBe(true);
      expect((await search('observer', { companyId: w.otherCompany.id })).totalCount).toBe(1);
      expect((await search('manager', { status: 'VERIFIED' })).totalCount).toBe(0);
      expect(await w.as.manager.errorCode(LIST, { filter: { companyId: 'nope' } })).toBe('BAD_USER_INPUT');
    });

    it('pages with cursors without gaps or repeats', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let total: number;
      do {
        const page: { measures: { totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean }; edges: { node: { id: string } }[] } } =
          await w.as.manager.data(LIST, { first: 2, after });
        total = page.measures.totalCount;
        seen.push(...page.measures.edges.map((edge) => edge.node.id));
        after = page.measures.pageInfo.hasNextPage ? page.measures.pageInfo.endCursor : null;
      } while (after);
      expect(new Set(seen).size).toBe(total);
    });

    it('sums what the list shows, tCO2e with the same formula as each measure', async () => {
      const stopped = await create({ title: '중단된 과제', investmentKrw: 7_000_000 });
      await w.as.expert.data(TRANSITION, { id: stopped.id, to: 'DROPPED', version: stopped.version });
      const filter = { companyId: w.company.id };
      const list = await w.as.manager.data<{ measures: { edges: { node: { id: string } }[] } }>(
        `query($filter: MeasureFilter) { measures(filter: $filter, first: 200) { edges { node { id status investmentKrw ghgReductionTco2e } } } }`,
        { filter },
      );
      const nodes = list.measures.edges.map((e) => e.node as unknown as { status: string; investmentKrw: number; ghgReductionTco2e: number });
      const live = nodes.filter((n) => n.status !== 'DROPPED');
      const { measureTotals } = await w.as.manager.data<{ measureTotals: Record<string, number> }>(TOTALS, { filter });
      expect(measureTotals['count']).toBe(nodes.length);
      expect(measureTotals['droppedCount']).toBe(nodes.length - live.length);
      expect(measureTotals['droppedCount']).toBeGreaterThan(0);
      expect(measureTotals['includesDropped']).toBe(false);
      expect(measureTotals['investmentKrw']).toBe(live.reduce((s, n) => s + n.investmentKrw, 0));
      expect(measureTotals['ghgReductionTco2e']).toBeCloseTo(live.reduce((s, n) => s + n.ghgReductionTco2e, 0), 2);
      // Asked to, the sums add the dropped measures too: the user chooses what a total includes.
      const all = await w.as.manager.data<{ measureTotals: Record<string, number> }>(TOTALS_ALL, { filter });
      expect(all.measureTotals['includesDropped']).toBe(true);
      expect(all.measureTotals['investmentKrw']).toBe(nodes.reduce((s, n) => s + n.investmentKrw, 0));
      expect((await w.as.otherStaff.data<{ measureTotals: Record<string, number> }>(TOTALS, { filter })).measureTotals['count']).toBe(0);
    });
  });

  describe('emission factors', () => {
    const CREATE_FACTOR = `mutation($input: CreateEmissionFactorInput!) { createEmissionFactor(input: $input) { id kind value validFromYear validToYear source } }`;
    const factor = { kind: 'ELECTRICITY', validFromYear: 2023, validToYear: 2023, value: 0.4173, source: '2023 소비단 전력배출계수' };

    it('lets managers publish a factor and anyone list them', async () => {
      const { createEmissionFactor } = await w.as.manager.data<{ createEmissionFactor: { id: string } }>(CREATE_FACTOR, { input: factor });
      const { emissionFactors } = await new TestClient(hub.url).data<{
        emissionFactors: { id: string; validFromYear: number }[];
      }>(`{ emissionFactors(kind: ELECTRICITY) { id validFromYear } }`);
      expect(emissionFactors[0]).toEqual({ id: createEmissionFactor.id, validFromYear: 2023 });
    });

    it('rejects a duplicate (CONFLICT), bad input and non-managers', async () => {
      expect(await w.as.manager.errorCode(CREATE_FACTOR, { input: factor })).toBe('CONFLICT');
      expect(await w.as.manager.errorCode(CREATE_FACTOR, { input: { ...factor, validFromYear: 2030, validToYear: 2029 } })).toBe('BAD_USER_INPUT');
      expect(await w.as.expert.errorCode(CREATE_FACTOR, { input: { ...factor, validFromYear: 2031, validToYear: 2031 } })).toBe('FORBIDDEN');
    });
  });
});
