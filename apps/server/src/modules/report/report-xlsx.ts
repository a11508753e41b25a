import { MEASURE_STATUSES } from '@ecohub/domain';
import type { MeasureFigures } from '../board/index.ts';
import type { ReportText } from './report-labels.ts';
import { companyName, programName, STATUS_KEYS } from './report-pdf.ts';
import type { ProgramYearReport } from './report.queries.ts';

const KRW = '#,##0';
const DECIMAL = '#,##0.###';
const PERCENT = '0.0%';

/**
 * The year-end results as a workbook: the same figures as the PDF, as numbers (not text) so
 * funders can total and chart them themselves.
 */
export async function programYearXlsx(report: ProgramYearReport, text: ReportText): Promise<Buffer> {
  const { t, enums } = text;
  // Loaded with the first workbook, not with the hub: exceljs is the heaviest of the start's imports.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'EcoHub';
  book.title = t.yearTitle(programName(text, report.year), report.year.number);

  const sheet = (name: string, columns: { header: string; width: number; numFmt?: string }[], rows: (string | number | null)[][]) => {
    const ws = book.addWorksheet(name);
    ws.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    ws.addRows(rows);
    return ws;
  };

  /** The columns every per-category and per-company sheet shows, and their values. */
  const figureColumns = [
    { header: t.measures, width: 10 },
    { header: t.implementationRate, width: 12, numFmt: PERCENT },
    { header: `${t.investment} (KRW)`, width: 18, numFmt: KRW },
    { header: `${t.annualSavings} (KRW)`, width: 18, numFmt: KRW },
    { header: `${t.verifiedSavings} (KRW)`, width: 18, numFmt: KRW },
    { header: 'tCO2e', width: 12, numFmt: DECIMAL },
  ];
  const figureValues = (f: MeasureFigures) => [f.measureCounts.total, f.implementationRate, f.investmentKrw, f.expectedAnnualSavingsKrw, f.verifiedAnnualSavingsKrw, f.ghgReductionTco2e];

  const totals = report.totals;
  sheet(t.results, [{ header: t.results, width: 40 }, { header: '', width: 22, numFmt: DECIMAL }], [
    [t.period, `${report.year.startsOn} – ${report.year.endsOn}`],
    [t.participating, totals.companies],
    [t.completed, report.completedCompanies],
    [t.measures, totals.measureCounts.total],
    ...MEASURE_STATUSES.map((status) => [`${t.measures}: ${enums.MeasureStatus[status]}`, totals.measureCounts[STATUS_KEYS[status]]]),
    [t.implementationRate, totals.implementationRate],
    [t.implementationRateBySavings, totals.implementationRateBySavings],
    [`${t.reported} (KRW)`, totals.reportedAnnualSavingsKrw],
    [`${t.annualSavings} (KRW)`, totals.expectedAnnualSavingsKrw],
    [`${t.verifiedSavings} (KRW)`, totals.verifiedAnnualSavingsKrw],
    [`${t.investment} (KRW)`, totals.investmentKrw],
    [`${t.payback} (${t.paybackOverall})`, report.payback.overallYears],
    [`${t.payback} (${t.paybackAverage})`, report.payback.averageYears],
    [`${t.payback} (${t.paybackMedian})`, report.payback.medianYears],
    [`${t.electricity} (${t.kwh})`, totals.electricityKwhPerYear],
    [`${t.fuel} (${t.nm3})`, totals.lngNm3PerYear],
    [`${t.water} (${t.m3})`, totals.waterM3PerYear],
    [`${t.waste} (${t.tonnes})`, totals.wasteTPerYear],
    [`${t.rawMaterials} (${t.tonnes})`, totals.rawMaterialsTPerYear],
    [`${t.ghg} (${t.tco2e})`, totals.ghgReductionTco2e],
  ]);

  sheet(t.factors, [{ header: t.factors, width: 28 }, { header: t.validYears, width: 12 }, { header: 'tCO2e', width: 12, numFmt: '0.0000' }, { header: t.source, width: 50 }],
    report.factors.map((f) => [t.factorKind[f.kind] ?? f.kind, `${f.validFromYear}–${f.validToYear}`, f.value, f.source]),
  );

  sheet(
    t.byCategory,
    [
      { header: t.category, width: 30 },
      ...figureColumns,
    ],
    report.byCategory.map((c) => [enums.MeasureCategory[c.category], ...figureValues(c)]),
  );

  sheet(
    t.budget,
    [{ header: t.source_, width: 20 }, { header: `${t.planned} (KRW)`, width: 18, numFmt: KRW }, { header: `${t.spent} (KRW)`, width: 18, numFmt: KRW }, { header: t.spentRate, width: 12, numFmt: PERCENT }],
    report.budget.map((b) => [enums.FundingSource[b.source], b.plannedKrw, b.spentKrw, b.spentRate]),
  );

  sheet(
    t.events,
    [{ header: t.date, width: 14 }, { header: t.event, width: 40 }, { header: t.category, width: 16 }, { header: t.attendees, width: 10 }, { header: t.companiesAttended, width: 10 }],
    report.events.map((e) => [text.date(e.startsAt), `${e.title} · ${e.venue}`, enums.EventKind[e.kind], e.attendees, e.companies]),
  );

  sheet(
    t.companies,
    [
      { header: t.company, width: 30 },
      { header: t.industry, width: 10 },
      { header: t.stage, width: 12 },
      ...figureColumns,
      { header: t.kwh, width: 14, numFmt: DECIMAL },
      { header: t.nm3, width: 14, numFmt: DECIMAL },
      { header: t.m3, width: 14, numFmt: DECIMAL },
      { header: `${t.waste} (${t.tonnes})`, width: 14, numFmt: DECIMAL },
      { header: `${t.rawMaterials} (${t.tonnes})`, width: 14, numFmt: DECIMAL },
    ],
    report.companies.map((c) => [
      companyName(text, c),
      c.industryCode,
      enums.ParticipationStatus[c.stage],
      ...figureValues(c),
      c.electricityKwhPerYear,
      c.lngNm3PerYear,
      c.waterM3PerYear,
      c.wasteTPerYear,
      c.rawMaterialsTPerYear,
    ]),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
