import { deflateSync, crc32 } from 'node:zlib';
import { Role } from '@ecohub/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLogin } from '../../seeders/ansan/people.data.ts';
import { startTestServer, TestClient, type TestServer } from '../../testing/index.ts';
import { reportText } from './report-labels.ts';
import { pdfText } from './pdf-text.test-kit.ts';

interface Figures {
  investmentKrw: number;
  expectedAnnualSavingsKrw: number;
  verifiedAnnualSavingsKrw: number;
  ghgReductionTco2e: number;
  electricityKwhPerYear: number;
  measureCounts: { total: number };
}
const FIGURES = 'investmentKrw expectedAnnualSavingsKrw verifiedAnnualSavingsKrw ghgReductionTco2e electricityKwhPerYear measureCounts { total }';

/** A real (decodable) 2×2 PNG, built here so the test needs no file. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const pixels = Buffer.from([0, 47, 125, 79, 47, 125, 79, 0, 47, 125, 79, 47, 125, 79]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

describe('report files', () => {
  let hub: TestServer;
  let yearId: string;
  const as: Partial<Record<Role, TestClient>> = {};
  const client = (role: Role) => as[role]!;
  const get = (who: TestClient | null, path: string) => fetch(`${hub.url}${path}`, { headers: who?.cookie ? { cookie: who.cookie } : {} });

  beforeAll(async () => {
    hub = await startTestServer();
    for (const role of [Role.ADMIN, Role.PROGRAM_MANAGER, Role.EXPERT, Role.COMPANY_STAFF, Role.OBSERVER] as const) {
      as[role] = await new TestClient(hub.url).signInAs(demoLogin(role).email);
    }
    const { programs } = await new TestClient(hub.url).data<{ programs: { years: { id: string; number: number }[] }[] }>('{ programs { years { id number } } }');
    yearId = programs[0]!.years.find((year) => year.number === 1)!.id;
  });
  afterAll(() => hub.close());

  const kpisAs = async (who: TestClient) =>
    (
      await who.data<{ programYear: { kpis: { totals: Figures & { companies: number }; byCompany: (Figures & { company: { id: string; nameKo: string } })[] } } }>(
        `query($id: ID!) { programYear(id: $id) { kpis { totals { companies ${FIGURES} } byCompany { company { id nameKo } ${FIGURES} } } } }`,
        { id: yearId },
      )
    ).programYear.kpis;

  it('gives the year-end results as a PDF whose Korean text carries the same totals as programYear.kpis', async () => {
    const manager = client(Role.PROGRAM_MANAGER);
    const started = performance.now();
    const response = await get(manager, `/reports/program-years/${yearId}.pdf`);
    const elapsed = performance.now() - started;
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(Buffer.from(await response.arrayBuffer()));
    const { totals, byCompany } = await kpisAs(manager);
    const ko = reportText('ko');
    expect(totals.measureCounts.total).toBeGreaterThan(0);
    expect(text).toContain('1차년도 사업 결과');
    expect(text).toContain('참여 기업');
    expect(text).toContain(ko.krw(totals.expectedAnnualSavingsKrw));
    expect(text).toContain(ko.krw(totals.investmentKrw));
    expect(text).toContain(ko.number(totals.ghgReductionTco2e, 3));
    expect(text).toContain(ko.number(totals.electricityKwhPerYear));
    expect(text).toContain('563,000,000');
    for (const row of byCompany) {
      expect(text).toContain(row.company.nameKo);
      expect(text).toContain(ko.krw(row.expectedAnnualSavingsKrw));
    }
    expect(byCompany).toHaveLength(totals.companies);
    expect(text).toContain('착수보고회');
    // Seeded year: 20 companies. The target is 2 s on an idle machine; a shared one gets slack.
    expect(elapsed).toBeLessThan(6_000);
  });

  it('writes English labels and figures with ?lang=en', async () => {
    const response = await get(client(Role.OBSERVER), `/reports/program-years/${yearId}.pdf?lang=en`);
    expect(response.status).toBe(200);
    const text = await pdfText(Buffer.from(await response.arrayBuffer()));
    const { totals } = await kpisAs(client(Role.OBSERVER));
    const en = reportText('en');
    expect(text).toContain('results of year 1');
    expect(text).toContain('Participating companies');
    expect(text).toContain('GHG reduction');
    expect(text).toContain(en.krw(totals.expectedAnnualSavingsKrw));
  });

  it('gives the same figures as numbers in the workbook', async () => {
    const response = await get(client(Role.ADMIN), `/reports/program-years/${yearId}.xlsx?lang=en`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const { totals, byCompany } = await kpisAs(client(Role.ADMIN));
    const values = new Map<string, unknown>();
    book.getWorksheet('Results')!.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('Participating companies')).toBe(totals.companies);
    expect(values.get('Annual savings (proposed) (KRW)')).toBe(totals.expectedAnnualSavingsKrw);
    expect(values.get('One-off investment (KRW)')).toBe(totals.investmentKrw);
    expect(values.get('GHG reduction (tCO2e/yr)')).toBe(totals.ghgReductionTco2e);
    const companies = book.getWorksheet('Results by company')!;
    expect(companies.rowCount - 1).toBe(byCompany.length);
    const savings = companies.getColumn(7).values.slice(2) as number[];
    expect(savings.reduce((a, b) => a + b, 0)).toBe(totals.expectedAnnualSavingsKrw);
  });

  it('gives year-end results to admins, managers and observers only', async () => {
    expect((await get(null, `/reports/program-years/${yearId}.pdf`)).status).toBe(401);
    expect((await get(client(Role.EXPERT), `/reports/program-years/${yearId}.pdf`)).status).toBe(403);
    expect((await get(client(Role.COMPANY_STAFF), `/reports/program-years/${yearId}.xlsx`)).status).toBe(403);
    expect((await get(client(Role.OBSERVER), `/reports/program-years/${yearId}.xlsx`)).status).toBe(200);
    const unknown = await get(client(Role.ADMIN), '/reports/program-years/00000000-0000-4000-8000-000000000000.pdf');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
    expect((await get(client(Role.ADMIN), '/reports/program-years/nope.pdf')).status).toBe(404);
    expect((await get(client(Role.ADMIN), `/reports/program-years/${yearId}.docx`)).status).toBe(404);
  });

  it('gives the page the rows of the files in programYear.results: companies, events and attendance, payback', async () => {
    const RESULTS = `query($id: ID!) { programYear(id: $id) { results { completedCompanies payback { overallYears medianYears }
      events { kind title attendees companies } companies { companyId nameKo stage measures investmentKrw expectedAnnualSavingsKrw ghgReductionTco2e } } } }`;
    type Results = { programYear: { results: { completedCompanies: number; payback: { overallYears: number | null }; events: { title: string; attendees: number; companies: number }[];
      companies: { companyId: string; nameKo: string; stage: string; measures: number; expectedAnnualSavingsKrw: number; ghgReductionTco2e: number }[] } } };
    const { results } = (await client(Role.PROGRAM_MANAGER).data<Results>(RESULTS, { id: yearId })).programYear;
    const { totals, byCompany } = await kpisAs(client(Role.PROGRAM_MANAGER));
    expect(results.companies).toHaveLength(totals.companies);
    expect(results.companies.reduce((sum, c) => sum + c.expectedAnnualSavingsKrw, 0)).toBe(totals.expectedAnnualSavingsKrw);
    expect(results.companies.reduce((sum, c) => sum + c.measures, 0)).toBe(totals.measureCounts.total);
    for (const row of byCompany) {
      expect(results.companies.find((c) => c.companyId === row.company.id)).toMatchObject({ nameKo: row.company.nameKo, ghgReductionTco2e: row.ghgReductionTco2e });
    }
    expect(results.events.some((e) => e.title.includes('착수보고회') && e.attendees > 0 && e.companies > 0)).toBe(true);
    expect(results.payback.overallYears).toBeGreaterThan(0);
    // The same gate as the files.
    expect(await client(Role.EXPERT).errorCode(RESULTS, { id: yearId })).toBe('FORBIDDEN');
    expect(await client(Role.COMPANY_STAFF).errorCode(RESULTS, { id: yearId })).toBe('FORBIDDEN');
  });

  const boardAs = async (who: TestClient) =>
    (
      await who.data<{ programYear: { board: { participation: { id: string }; company: { id: string; nameKo: string }; investmentKrw: number; expectedAnnualSavingsKrw: number; ghgReductionTco2e: number }[] } }>(
        `query($id: ID!) { programYear(id: $id) { board { participation { id } company { id nameKo } investmentKrw expectedAnnualSavingsKrw ghgReductionTco2e } } }`,
        { id: yearId },
      )
    ).programYear.board;

  it("gives a company's final report, with its measures' photos, to its staff, its experts and managers; 404 to anyone else", async () => {
    const [own] = await boardAs(client(Role.COMPANY_STAFF));
    expect(own).toBeDefined();
    const expertCompanies = new Set((await boardAs(client(Role.EXPERT))).map((row) => row.company.id));
    const other = (await boardAs(client(Role.PROGRAM_MANAGER))).find((row) => row.company.id !== own!.company.id && !expertCompanies.has(row.company.id))!;
    const { measures } = await client(Role.PROGRAM_MANAGER).data<{ measures: { edges: { node: { id: string; title: string } }[] } }>(
      'query($filter: MeasureFilter) { measures(filter: $filter, first: 1) { edges { node { id title } } } }',
      { filter: { companyId: own!.company.id, programYearId: yearId } },
    );
    const measure = measures.edges[0]!.node;
    const uploaded = await fetch(`${hub.url}/attachments?measureId=${measure.id}`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', 'x-file-name': encodeURIComponent('세척조-개선후.png'), cookie: client(Role.PROGRAM_MANAGER).cookie! },
      body: png(),
    });
    expect(uploaded.status).toBe(201);

    const path = `/reports/participations/${own!.participation.id}.pdf`;
    const response = await get(client(Role.COMPANY_STAFF), path);
    expect(response.status).toBe(200);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.includes('/Subtype /Image')).toBe(true);
    const text = await pdfText(body);
    const ko = reportText('ko');
    expect(text).toContain(`${own!.company.nameKo} 최종 보고서`);
    expect(text).toContain(ko.krw(own!.investmentKrw));
    expect(text).toContain(ko.krw(own!.expectedAnnualSavingsKrw));
    expect(text).toContain(ko.number(own!.ghgReductionTco2e, 3));
    expect(text).toContain(measure.title);
    expect(text).toContain('세척조-개선후.png');
    expect(text).toContain('전문가 팀');
    expect(text).toContain('서명');
    expect(text).toContain('참여 기업 중앙값');
    expect(text).not.toContain(other.company.nameKo);

    expect((await get(client(Role.PROGRAM_MANAGER), path)).status).toBe(200);
    expect((await get(client(Role.ADMIN), `${path}?lang=en`)).status).toBe(200);
    expect((await get(client(Role.OBSERVER), path)).status).toBe(404);
    expect((await get(null, path)).status).toBe(401);
    const otherPath = `/reports/participations/${other.participation.id}.pdf`;
    expect((await get(client(Role.COMPANY_STAFF), otherPath)).status).toBe(404);
    expect((await get(client(Role.EXPERT), otherPath)).status).toBe(404);
    expect((await get(client(Role.PROGRAM_MANAGER), otherPath)).status).toBe(200);
  });

  it('puts a company beside the median of the year, naming no other company', async () => {
    const [own] = await boardAs(client(Role.COMPANY_STAFF));
    const { participation } = await client(Role.COMPANY_STAFF).data<{
      participation: { benchmark: { companies: number; metrics: { metric: string; value: number | null; programMedian: number | null; companies: number; percentile: number | null }[] } };
    }>('query($id: ID!) { participation(id: $id) { benchmark { companies metrics { metric value programMedian companies percentile } } } }', { id: own!.participation.id });
    const { byCompany } = await kpisAs(client(Role.PROGRAM_MANAGER));
    const savings = byCompany.map((row) => row.expectedAnnualSavingsKrw).sort((a, b) => a - b);
    const median = savings.length % 2 ? savings[(savings.length - 1) / 2]! : (savings[savings.length / 2 - 1]! + savings[savings.length / 2]!) / 2;
    const line = participation.benchmark.metrics.find((m) => m.metric === 'ANNUAL_SAVINGS_KRW')!;
    expect(participation.benchmark.companies).toBe(byCompany.length);
    expect(line).toEqual({
      metric: 'ANNUAL_SAVINGS_KRW',
      value: own!.expectedAnnualSavingsKrw,
      programMedian: median,
      companies: byCompany.length,
      percentile: savings.filter((v) => v < own!.expectedAnnualSavingsKrw).length / savings.length,
    });
    expect(participation.benchmark.metrics.map((m) => m.metric)).toContain('ELECTRICITY_KWH_PER_EMPLOYEE');
  });
});
