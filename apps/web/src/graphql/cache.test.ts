import { describe, expect, it } from 'vitest';
import { pipe, subscribe } from 'wonka';
import { cachedMockClient } from '@/testing/mock-client';
import {
  CompanyParticipationDocument,
  CompanyRegisterAfterDocument,
  CompanyRegisterChangedDocument,
  CompanyRegisterDocument,
  CompanyMeasureOptionsAfterDocument,
  CompanyMeasureOptionsDocument,
  MeasureChangedDocument,
  MeasuresAfterDocument,
  MeasuresDocument,
  ParticipationChangedDocument,
  type CompanyRegisterPageFragment,
  type MeasuresQuery,
} from './generated/graphql';

const YEAR = 'year-1';

function measure(
  id: string,
  fields: { status?: string; category?: string; investmentKrw?: number; ghg?: number; archivedAt?: string | null; createdAt?: string } = {},
) {
  return {
    id,
    title: `대책 ${id}`,
    category: fields.category ?? 'PROCESS_CHANGE',
    status: fields.status ?? 'PROPOSED',
    investmentKrw: fields.investmentKrw ?? 1_000_000,
    expectedAnnualSavingsKrw: 500_000,
    verifiedAnnualSavingsKrw: null,
    paybackYears: 2,
    ghgReductionTco2e: fields.ghg ?? 1.25,
    tasksCount: 0,
    version: 1,
    // The register's order: creation time, then id.
    createdAt: fields.createdAt ?? '2012-11-01T00:00:00.000Z',
    company: { id: 'co-1', nameKo: '(주)한일도금', nameEn: null },
    owner: null,
    archivedAt: fields.archivedAt ?? null,
    programYear: { id: YEAR },
  };
}

type Row = ReturnType<typeof measure>;

/** The register of the year (optionally one category) as the page loads it, watched through the cache. */
async function register(rows: Row[], filter: Record<string, unknown> = {}) {
  const mock = cachedMockClient({
    Measures: () => ({
      data: {
        liveSequence: 3,
        measures: { totalCount: rows.length, pageInfo: { endCursor: null, hasNextPage: false }, edges: rows.map((node) => ({ node })) },
        measureTotals: {
          count: rows.length,
          droppedCount: rows.filter((row) => row.status === 'DROPPED').length,
          includesDropped: false,
          investmentKrw: rows.filter((row) => row.status !== 'DROPPED').reduce((sum, row) => sum + row.investmentKrw, 0),
          expectedAnnualSavingsKrw: rows.filter((row) => row.status !== 'DROPPED').length * 500_000,
          verifiedAnnualSavingsKrw: 0,
          ghgReductionTco2e: rows.filter((row) => row.status !== 'DROPPED').reduce((sum, row) => sum + row.ghgReductionTco2e, 0),
        },
      },
    }),
  });
  const seen: MeasuresQuery[] = [];
  const variables = { filter: { programYearId: YEAR, ...filter }, first: 200, includeDropped: false };
  pipe(
    mock.client.query(MeasuresDocument, variables),
    subscribe((result) => result.data && seen.push(result.data)),
  );
  pipe(
    mock.client.subscription(MeasureChangedDocument, { programYearId: YEAR, companyId: null, since: 3 }),
    subscribe(() => {}),
  );
  await new Promise((resolve) => setTimeout(resolve, 0));
  const requests = mock.network.length;
  return {
    mock,
    latest: () => seen.at(-1) as MeasuresQuery,
    /** Requests to the network since the register was loaded and subscribed. */
    newRequests: () => mock.network.slice(requests),
    /** One event, then the queries it touched are read again from the cache. */
    async change(seq: number, kind: string, row: Row | null, id = row?.id) {
      mock.emit('MeasureChanged', { measureChanged: { seq, kind, measureId: id, companyId: 'co-1', measure: row } });
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

describe('the normalized cache keeps the measures register live', () => {
  it('changes a row in place and adds the totals up again from the rows, without a request', async () => {
    const page = await register([measure('m1'), measure('m2', { investmentKrw: 2_000_000, ghg: 0.5 })]);
    await page.change(4, 'UPDATED', { ...measure('m2', { status: 'DROPPED', investmentKrw: 2_000_000, ghg: 0.5 }), version: 2 });
    await page.change(5, 'UPDATED', { ...measure('m1', { investmentKrw: 4_000_000, ghg: 2.125 }), version: 2 });
    const data = page.latest();
    expect(data.measures.edges.map((edge) => [edge.node.id, edge.node.status, edge.node.investmentKrw])).toEqual([
      ['m1', 'PROPOSED', 4_000_000],
      ['m2', 'DROPPED', 2_000_000],
    ]);
    expect(data.measureTotals).toMatchObject({ count: 2, droppedCount: 1, investmentKrw: 4_000_000, expectedAnnualSavingsKrw: 500_000, ghgReductionTco2e: 2.125 });
    expect(page.newRequests()).toEqual([]);
  });

  it('adds a created measure only to registers whose filter it meets, and takes a deleted or archived one out', async () => {
    const page = await register([measure('m1'), measure('m2')], { category: 'PROCESS_CHANGE' });
    await page.change(4, 'CREATED', measure('m3', { category: 'GREEN_MANAGEMENT' }));
    expect(page.latest().measures.edges.map((edge) => edge.node.id)).toEqual(['m1', 'm2']);
    await page.change(5, 'CREATED', measure('m4', { investmentKrw: 3_000_000 }));
    expect(page.latest().measures.edges.map((edge) => edge.node.id)).toEqual(['m1', 'm2', 'm4']);
    expect(page.latest().measures.totalCount).toBe(3);
    expect(page.latest().measureTotals).toMatchObject({ count: 3, investmentKrw: 5_000_000 });

    await page.change(6, 'DELETED', null, 'm1');
    await page.change(7, 'UPDATED', { ...measure('m2', { archivedAt: '2013-01-01T00:00:00.000Z' }), version: 2 });
    expect(page.latest().measures.edges.map((edge) => edge.node.id)).toEqual(['m4']);
    expect(page.latest().measureTotals).toMatchObject({ count: 1, investmentKrw: 3_000_000 });
    expect(page.newRequests()).toEqual([]);
  });

  it('keeps the newer row when an older version arrives later', async () => {
    const page = await register([measure('m1')]);
    await page.change(4, 'UPDATED', { ...measure('m1', { investmentKrw: 9_000_000 }), version: 3 });
    await page.change(5, 'UPDATED', { ...measure('m1', { investmentKrw: 7_000_000 }), version: 2 });
    expect(page.latest().measures.edges[0]?.node).toMatchObject({ version: 3, investmentKrw: 9_000_000 });
    expect(page.latest().measureTotals.investmentKrw).toBe(9_000_000);
  });
});

describe('the normalized cache keeps a register longer than a page live', () => {
  const at = (day: number) => `2012-11-${String(day).padStart(2, '0')}T00:00:00.000Z`;
  const page = (rows: Row[], total: number, next: string | null) => ({
    totalCount: total,
    pageInfo: { endCursor: next ?? 'last', hasNextPage: next !== null },
    edges: rows.map((node) => ({ node })),
  });
  const sums = (rows: Row[]) => ({
    count: rows.length,
    droppedCount: 0,
    includesDropped: false,
    investmentKrw: rows.reduce((sum, row) => sum + row.investmentKrw, 0),
    expectedAnnualSavingsKrw: rows.length * 500_000,
    verifiedAnnualSavingsKrw: 0,
    ghgReductionTco2e: rows.reduce((sum, row) => sum + row.ghgReductionTco2e, 0),
  });

  /** Four measures in pages of two: the first page as the register loads it, the second as "more" does. */
  async function twoPages() {
    const rows = [1, 3, 5, 7].map((day) => measure(`m${day}`, { createdAt: at(day), investmentKrw: day * 1_000_000 }));
    const mock = cachedMockClient({
      Measures: () => ({ data: { liveSequence: 3, measures: page(rows.slice(0, 2), 4, 'c2'), measureTotals: sums(rows) } }),
      MeasuresAfter: () => ({ data: { measures: page(rows.slice(2), 4, null) } }),
    });
    const filter = { programYearId: YEAR };
    const first: MeasuresQuery[] = [];
    const second: string[][] = [];
    pipe(mock.client.query(MeasuresDocument, { filter, first: 2, includeDropped: false }), subscribe((result) => result.data && first.push(result.data)));
    pipe(
      mock.client.query(MeasuresAfterDocument, { filter, first: 2, after: 'c2' }),
      subscribe((result) => result.data && second.push(result.data.measures.edges.map((edge) => `${edge.node.id} ${edge.node.investmentKrw}`))),
    );
    pipe(mock.client.subscription(MeasureChangedDocument, { programYearId: YEAR, companyId: null, since: 3 }), subscribe(() => {}));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const requests = mock.network.length;
    return {
      first: () => first.at(-1) as MeasuresQuery,
      second: () => second.at(-1),
      newRequests: () => mock.network.slice(requests),
      async change(seq: number, kind: string, row: Row | null, id = row?.id) {
        mock.emit('MeasureChanged', { measureChanged: { seq, kind, measureId: id, companyId: 'co-1', measure: row } });
        await new Promise((resolve) => setTimeout(resolve, 0));
      },
    };
  }

  it('changes a row of a later page in place and adds the totals up from every loaded page, without a request', async () => {
    const register = await twoPages();
    await register.change(4, 'UPDATED', { ...measure('m7', { createdAt: at(7), investmentKrw: 70_000_000 }), version: 2 });
    expect(register.second()).toEqual(['m5 5000000', 'm7 70000000']);
    expect(register.first().measureTotals).toMatchObject({ count: 4, investmentKrw: 79_000_000 });
    expect(register.newRequests()).toEqual([]);
  });

  it('puts a newcomer into the loaded page its place falls in, and takes a leaving row out of its page', async () => {
    const register = await twoPages();
    await register.change(4, 'CREATED', measure('m6', { createdAt: at(6), investmentKrw: 6_000_000 }));
    await register.change(5, 'CREATED', measure('m2', { createdAt: at(2), investmentKrw: 2_000_000 }));
    expect(register.first().measures.edges.map((edge) => edge.node.id)).toEqual(['m1', 'm2', 'm3']);
    expect(register.second()).toEqual(['m5 5000000', 'm6 6000000', 'm7 7000000']);
    expect(register.first().measures.totalCount).toBe(6);
    await register.change(6, 'UPDATED', { ...measure('m5', { createdAt: at(5), investmentKrw: 5_000_000, archivedAt: '2013-01-01T00:00:00.000Z' }), version: 2 });
    expect(register.second()).toEqual(['m6 6000000', 'm7 7000000']);
    expect(register.first().measureTotals).toMatchObject({ count: 5, investmentKrw: 19_000_000 });
    expect(register.newRequests()).toEqual([]);
  });

  it("keeps a task's measure picker live on every page, though it shows only titles", async () => {
    const rows = [1, 3, 5, 7].map((day) => measure(`m${day}`, { createdAt: at(day) }));
    const options = (list: Row[], next: string | null) => ({ ...page(list, 4, next), edges: list.map(({ id, title, createdAt }) => ({ node: { id, title, createdAt } })) });
    const mock = cachedMockClient({
      CompanyMeasureOptions: () => ({ data: { measures: options(rows.slice(0, 2), 'c2') } }),
      CompanyMeasureOptionsAfter: () => ({ data: { measures: options(rows.slice(2), null) } }),
    });
    const shown: Record<string, string[]> = {};
    const variables = { companyId: 'co-1', first: 2 };
    pipe(mock.client.query(CompanyMeasureOptionsDocument, variables), subscribe((result) => result.data && (shown.first = result.data.measures.edges.map((edge) => edge.node.title))));
    pipe(
      mock.client.query(CompanyMeasureOptionsAfterDocument, { ...variables, after: 'c2' }),
      subscribe((result) => result.data && (shown.second = result.data.measures.edges.map((edge) => edge.node.title))),
    );
    pipe(mock.client.subscription(MeasureChangedDocument, { programYearId: null, companyId: 'co-1', since: 3 }), subscribe(() => {}));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const requests = mock.network.length;
    const emit = async (seq: number, kind: string, row: Row) => {
      mock.emit('MeasureChanged', { measureChanged: { seq, kind, measureId: row.id, companyId: 'co-1', measure: row } });
      await new Promise((resolve) => setTimeout(resolve, 0));
    };
    await emit(4, 'CREATED', measure('m9', { createdAt: at(9) }));
    await emit(5, 'UPDATED', { ...measure('m5', { createdAt: at(5) }), title: '대책 m5 (고침)', version: 2 });
    await emit(6, 'UPDATED', { ...measure('m3', { createdAt: at(3), archivedAt: '2013-01-01T00:00:00.000Z' }), version: 2 });
    expect(shown).toEqual({ first: ['대책 m1'], second: ['대책 m5 (고침)', '대책 m7', '대책 m9'] });
    expect(mock.network.slice(requests)).toEqual([]);
  });
});

function participation(id: string, year: { id: string; number: number }, status: string, version = 1) {
  return {
    id,
    status,
    version,
    appliedOn: '2012-08-20',
    initiallyDiagnosedOn: null,
    selectedOn: null,
    notSelectedOn: null,
    agreementSignedOn: null,
    activeOn: null,
    completedOn: null,
    withdrawnOn: null,
    contributionKrw: 2_750_000,
    note: null,
    programYear: { ...year, startsOn: '2012-10-01', endsOn: '2013-07-31' },
    team: null,
  };
}

describe('the normalized cache keeps the company overview live', () => {
  it('changes a participation in place and adds a new one to its company, without a request', async () => {
    const first = { id: YEAR, number: 1 };
    const mock = cachedMockClient({
      CompanyParticipation: () => ({ data: { liveSequence: 3, company: { id: 'co-1', participations: [participation('pa-1', first, 'APPLIED')], staff: [] } } }),
    });
    const seen: string[][] = [];
    pipe(
      mock.client.query(CompanyParticipationDocument, { companyId: 'co-1' }),
      subscribe((result) => result.data && seen.push(result.data.company.participations.map((p) => `${p.id} ${p.status} ${p.programYear.number}`))),
    );
    pipe(
      mock.client.subscription(ParticipationChangedDocument, { programYearId: YEAR, since: 3 }),
      subscribe(() => {}),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    const requests = mock.network.length;
    const emit = async (seq: number, kind: string, record: ReturnType<typeof participation>) => {
      mock.emit('ParticipationChanged', { participationChanged: { seq, kind, participationId: record.id, companyId: 'co-1', participation: record } });
      await new Promise((resolve) => setTimeout(resolve, 0));
    };

    await emit(4, 'UPDATED', participation('pa-1', first, 'INITIALLY_DIAGNOSED', 2));
    expect(seen.at(-1)).toEqual(['pa-1 INITIALLY_DIAGNOSED 1']);
    await emit(5, 'CREATED', participation('pa-2', { id: 'year-2', number: 2 }, 'APPLIED'));
    expect(seen.at(-1)).toEqual(['pa-1 INITIALLY_DIAGNOSED 1', 'pa-2 APPLIED 2']);
    expect(mock.network.slice(requests)).toEqual([]);
  });
});

describe('the normalized cache keeps a company register longer than a page live', () => {
  const row = (id: string, day: number, status = 'APPLIED', version = 1) => ({
    id,
    version,
    status,
    appliedOn: `2012-08-${String(day).padStart(2, '0')}`,
    contributionKrw: day * 100_000,
    company: { id: `co-${id}`, nameKo: `기업 ${id}`, nameEn: null, industryLabel: '도금' },
    team: null,
  });
  type RegisterRow = ReturnType<typeof row>;
  const page = (rows: RegisterRow[], total: number, next: string | null) => ({
    totalCount: total,
    pageInfo: { endCursor: next ?? 'last', hasNextPage: next !== null },
    edges: rows.map((node) => ({ node })),
  });

  /** Four companies in pages of two: the first page as the register loads it, the second as "more" does. */
  async function twoPages() {
    const rows = [1, 3, 5, 7].map((day) => row(`p${day}`, day));
    const mock = cachedMockClient({
      CompanyRegister: () => ({ data: { liveSequence: 3, participations: page(rows.slice(0, 2), 4, 'c2') } }),
      CompanyRegisterAfter: () => ({ data: { participations: page(rows.slice(2), 4, null) } }),
    });
    const shown = ({ participations }: { participations: CompanyRegisterPageFragment }) => [
      String(participations.totalCount),
      ...participations.edges.map((edge) => `${edge.node.id} ${edge.node.status} ${edge.node.company.nameKo}`),
    ];
    const first: string[][] = [];
    const second: string[][] = [];
    pipe(mock.client.query(CompanyRegisterDocument, { programYearId: YEAR, first: 2 }), subscribe((result) => result.data && first.push(shown(result.data))));
    pipe(mock.client.query(CompanyRegisterAfterDocument, { programYearId: YEAR, first: 2, after: 'c2' }), subscribe((result) => result.data && second.push(shown(result.data))));
    pipe(mock.client.subscription(CompanyRegisterChangedDocument, { programYearId: YEAR, since: 3 }), subscribe(() => {}));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const requests = mock.network.length;
    return {
      first: () => first.at(-1),
      second: () => second.at(-1),
      newRequests: () => mock.network.slice(requests),
      async change(seq: number, kind: string, record: RegisterRow) {
        mock.emit('CompanyRegisterChanged', { participationChanged: { seq, kind, participationId: record.id, companyId: record.company.id, participation: record } });
        await new Promise((resolve) => setTimeout(resolve, 0));
      },
    };
  }

  it('puts a company joining the year into the loaded page its application day falls in, without a request', async () => {
    const register = await twoPages();
    await register.change(4, 'CREATED', row('p6', 6));
    await register.change(5, 'CREATED', row('p2', 2));
    expect(register.first()).toEqual(['6', 'p1 APPLIED 기업 p1', 'p2 APPLIED 기업 p2', 'p3 APPLIED 기업 p3']);
    expect(register.second()).toEqual(['6', 'p5 APPLIED 기업 p5', 'p6 APPLIED 기업 p6', 'p7 APPLIED 기업 p7']);
    expect(register.newRequests()).toEqual([]);
  });

  it('with a page left to load, counts a company joining past the loaded rows once and a change there not at all', async () => {
    const rows = [1, 3, 5, 7].map((day) => row(`p${day}`, day));
    const mock = cachedMockClient({
      CompanyRegister: () => ({ data: { liveSequence: 3, participations: page(rows.slice(0, 2), 4, 'c2') } }),
    });
    const counts: number[] = [];
    pipe(mock.client.query(CompanyRegisterDocument, { programYearId: YEAR, first: 2 }), subscribe((result) => result.data && counts.push(result.data.participations.totalCount)));
    pipe(mock.client.subscription(CompanyRegisterChangedDocument, { programYearId: YEAR, since: 3 }), subscribe(() => {}));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const requests = mock.network.length;
    const change = async (seq: number, kind: string, record: RegisterRow) => {
      mock.emit('CompanyRegisterChanged', { participationChanged: { seq, kind, participationId: record.id, companyId: record.company.id, participation: record } });
      await new Promise((resolve) => setTimeout(resolve, 0));
    };
    await change(4, 'UPDATED', row('p7', 7, 'SELECTED', 2));
    expect(counts.at(-1)).toBe(4);
    await change(5, 'CREATED', row('p9', 9));
    expect(counts.at(-1)).toBe(5);
    expect(mock.network.slice(requests)).toEqual([]);
  });

  it("shows a company's new name where its row is when the company is edited, without a request", async () => {
    const register = await twoPages();
    const renamed = row('p7', 7);
    await register.change(4, 'COMPANY_UPDATED', { ...renamed, company: { ...renamed.company, nameKo: '기업 p7 신사명' } });
    expect(register.second()).toEqual(['4', 'p5 APPLIED 기업 p5', 'p7 APPLIED 기업 p7 신사명']);
    expect(register.first()).toEqual(['4', 'p1 APPLIED 기업 p1', 'p3 APPLIED 기업 p3']);
    expect(register.newRequests()).toEqual([]);
  });

  it('changes a row of a later page in place, and a repeated creation adds nothing', async () => {
    const register = await twoPages();
    await register.change(4, 'UPDATED', row('p7', 7, 'SELECTED', 2));
    await register.change(5, 'CREATED', row('p5', 5));
    expect(register.second()).toEqual(['4', 'p5 APPLIED 기업 p5', 'p7 SELECTED 기업 p7']);
    expect(register.first()).toEqual(['4', 'p1 APPLIED 기업 p1', 'p3 APPLIED 기업 p3']);
    expect(register.newRequests()).toEqual([]);
  });
});
