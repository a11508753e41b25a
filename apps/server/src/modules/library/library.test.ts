import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/index.ts';
import { buildWorkWorld, type WorkWorld } from '../../testing/work-world.ts';

const ENTRY = 'id anonymous title description processes industryCode programYearNumber status investmentKrw expectedAnnualSavingsKrw paybackYears ghgReductionTco2e company { id nameKo }';

interface Entry {
  id: string;
  anonymous: boolean;
  title: string;
  description: string | null;
  processes: string | null;
  status: string | null;
  investmentKrw: number | null;
  expectedAnnualSavingsKrw: number | null;
  company: { id: string; nameKo: string } | null;
}

describe('measure library', () => {
  let hub: TestServer;
  let w: WorkWorld;
  let ownId: string;
  let otherId: string;

  const create = async (who: 'expert' | 'otherExpert', companyId: string, input: Record<string, unknown>) =>
    (
      await w.as[who].data<{ createMeasure: { id: string } }>('mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id } }', {
        input: { companyId, programYearId: w.year.id, ...input },
      })
    ).createMeasure.id;

  beforeAll(async () => {
    hub = await startTestServer({ seeded: false });
    w = await buildWorkWorld(hub);
    await w.fx.rows(`update company set industry_code = 'C20111', industry_label = '염료 제조' where id = ?`, [w.otherCompany.id]);
    ownId = await create('expert', w.company.id, {
      category: 'ON_SITE_REUSE',
      title: '도금 세척수 재이용',
      description: '한일도금 2라인 향류 세척',
      investmentKrw: 20_000_000,
      expectedAnnualSavingsKrw: 10_000_000,
    });
    otherId = await create('otherExpert', w.otherCompany.id, {
      category: 'ON_SITE_REUSE',
      title: '염색 폐수 열 회수와 도금',
      description: '대성화학 염색 3호기 폐수',
      investmentKrw: 60_000_000,
      expectedAnnualSavingsKrw: 20_000_000,
    });
    await create('otherExpert', w.otherCompany.id, { category: 'GREEN_MANAGEMENT', title: '환경 경영 체계', expectedAnnualSavingsKrw: 1_000_000 });
    await w.fx.rows(
      `insert into diagnosis (id, participation_id, company_id, kind, conducted_on, processes_examined, findings)
       select gen_random_uuid(), p.id, p.company_id, 'INITIAL', '2012-11-01', '염색, 건조', '폐수 온도 60도' from participation p where p.company_id = ?`,
      [w.otherCompany.id],
    );
  });
  afterAll(() => hub.close());

  const search = async (who: keyof WorkWorld['as'], filter: Record<string, unknown>) =>
    (await w.as[who].data<{ measureLibrary: { totalCount: number; edges: { node: Entry }[] } }>(`query($f: LibraryFilter) { measureLibrary(filter: $f, first: 50) { totalCount edges { node { ${ENTRY} } } } }`, { f: filter }))
      .measureLibrary;

  it('finds two-syllable Korean words in titles and descriptions, newest first', async () => {
    const found = await search('manager', { keyword: '도금' });
    expect(found.edges.map((e) => e.node.id)).toEqual([otherId, ownId]);
    expect(found.totalCount).toBe(2);
    expect((await search('manager', { keyword: '향류' })).edges.map((e) => e.node.id)).toEqual([ownId]);
    expect((await search('manager', { keyword: '세척수 재이용' })).edges.map((e) => e.node.id)).toEqual([ownId]);
    expect((await search('manager', { keyword: '세척 재이용' })).totalCount).toBe(0);
  });

  it('filters by category, industry code prefix and diagnosed process', async () => {
    expect((await search('manager', { category: 'GREEN_MANAGEMENT' })).edges.map((e) => e.node.title)).toEqual(['환경 경영 체계']);
    expect((await search('manager', { industryCode: 'C20' })).totalCount).toBe(2);
    expect((await search('manager', { industryCode: '259' })).edges.map((e) => e.node.id)).toEqual([ownId]);
    expect((await search('manager', { process: '염색' })).totalCount).toBe(2);
    expect((await search('manager', { process: '염색', keyword: '회수' })).edges.map((e) => e.node.id)).toEqual([otherId]);
    expect(await w.as.manager.errorCode('{ measureLibrary(filter: { programYearId: "x" }) { totalCount } }')).toBe('BAD_USER_INPUT');
  });

  it("shows staff anonymous examples of other companies: no name, description, processes or figures", async () => {
    const found = await search('staff', { keyword: '도금' });
    const own = found.edges.find((e) => e.node.id === ownId)!.node;
    const other = found.edges.find((e) => e.node.id === otherId)!.node;
    expect(own).toMatchObject({ anonymous: false, company: { id: w.company.id }, description: '한일도금 2라인 향류 세척', investmentKrw: 20_000_000 });
    expect(other).toEqual({
      id: otherId,
      anonymous: true,
      title: '염색 폐수 열 회수와 도금',
      description: null,
      processes: null,
      industryCode: 'C20111',
      programYearNumber: 1,
      status: null,
      investmentKrw: null,
      expectedAnnualSavingsKrw: null,
      paybackYears: null,
      ghgReductionTco2e: null,
      company: null,
    });
    const text = JSON.stringify(await search('staff', {}));
    expect(text).not.toContain(w.otherCompany.id);
    expect(text).not.toContain('대성화학');
    // Another company's name, written only in its descriptions, finds nothing for staff.
    expect((await search('staff', { keyword: '대성화학' })).totalCount).toBe(0);
    expect((await search('manager', { keyword: '대성화학' })).totalCount).toBe(1);
  });

  it('shows experts the figures of anonymous entries, but not whose they are', async () => {
    const other = (await search('expert', { keyword: '염색' })).edges[0]!.node;
    expect(other).toMatchObject({ anonymous: true, company: null, description: null, investmentKrw: 60_000_000, expectedAnnualSavingsKrw: 20_000_000, status: 'PROPOSED' });
  });

  const KINDS = 'query($f: LibraryFilter) { measureLibraryKinds(filter: $f) { category timesRecommended companies figuresWithheld implementationRate medianInvestmentKrw medianAnnualSavingsKrw medianPaybackYears } }';

  it('aggregates per kind of measure, withholding figures from staff where too few companies share it', async () => {
    const { measureLibraryKinds: managerKinds } = await w.as.manager.data<{ measureLibraryKinds: Record<string, unknown>[] }>(KINDS, {});
    expect(managerKinds.find((k) => k['category'] === 'ON_SITE_REUSE')).toEqual({
      category: 'ON_SITE_REUSE',
      timesRecommended: 2,
      companies: 2,
      figuresWithheld: false,
      implementationRate: 0,
      medianInvestmentKrw: 40_000_000,
      medianAnnualSavingsKrw: 15_000_000,
      medianPaybackYears: 2.5,
    });
    const { measureLibraryKinds: staffKinds } = await w.as.staff.data<{ measureLibraryKinds: Record<string, unknown>[] }>(KINDS, {});
    expect(staffKinds.find((k) => k['category'] === 'ON_SITE_REUSE')).toEqual({
      category: 'ON_SITE_REUSE',
      timesRecommended: 2,
      companies: 2,
      figuresWithheld: true,
      implementationRate: null,
      medianInvestmentKrw: null,
      medianAnnualSavingsKrw: null,
      medianPaybackYears: null,
    });
  });

  it("lets an expert reuse another company's entry as a draft for their own company, without its description", async () => {
    const reuse = 'mutation($m: ID!, $c: ID!, $y: ID!) { reuseLibraryEntry(measureId: $m, companyId: $c, programYearId: $y) { id title category status description investmentKrw expectedAnnualSavingsKrw company { id } } }';
    const { reuseLibraryEntry } = await w.as.expert.data<{ reuseLibraryEntry: Record<string, unknown> }>(reuse, { m: otherId, c: w.company.id, y: w.year.id });
    expect(reuseLibraryEntry).toMatchObject({
      title: '염색 폐수 열 회수와 도금',
      category: 'ON_SITE_REUSE',
      status: 'PROPOSED',
      description: null,
      investmentKrw: 60_000_000,
      expectedAnnualSavingsKrw: 20_000_000,
      company: { id: w.company.id },
    });
    expect(await w.as.staff.errorCode(reuse, { m: otherId, c: w.company.id, y: w.year.id })).toBe('FORBIDDEN');
    expect(await w.as.otherExpert.errorCode(reuse, { m: ownId, c: w.company.id, y: w.year.id })).toBe('NOT_FOUND');
    expect(await w.as.expert.errorCode(reuse, { m: '00000000-0000-7000-8000-000000000000', c: w.company.id, y: w.year.id })).toBe('NOT_FOUND');
  });
});
