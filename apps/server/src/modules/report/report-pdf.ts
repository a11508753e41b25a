import { MEASURE_STATUSES, type MeasureStatus } from '@ecohub/domain';
import type { MeasureFigures } from '../board/index.ts';
import { PdfWriter } from './pdf-writer.ts';
import type { ReportText } from './report-labels.ts';
import type { CompanyBenchmark } from './benchmark.types.ts';
import type { ParticipationReport, ProgramYearReport } from './report.queries.ts';

/** How many companies the tCO2e chart shows (the table lists them all). */
export const CHART_COMPANIES = 20;

export const STATUS_KEYS: Record<MeasureStatus, keyof MeasureFigures['measureCounts']> = {
  PROPOSED: 'proposed',
  APPROVED: 'approved',
  IN_PROGRESS: 'inProgress',
  IMPLEMENTED: 'implemented',
  VERIFIED: 'verified',
  DROPPED: 'dropped',
};

export function companyName(text: ReportText, company: { nameKo: string; nameEn: string | null }): string {
  return text.lang === 'en' && company.nameEn ? company.nameEn : company.nameKo;
}

export function programName(text: ReportText, year: { programNameKo: string; programNameEn: string }): string {
  return text.lang === 'en' ? year.programNameEn : year.programNameKo;
}

/** Findings and descriptions are Markdown; the PDF shows their text without the markup. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
}

const paybackText = (text: ReportText, years: number | null) => (years === null ? '–' : `${text.number(years, 2)} ${text.t.years}`);

/** The results block every report shows for a set of measures (a year or one company). */
function resultsFacts(w: PdfWriter, text: ReportText, figures: MeasureFigures, extra: [string, string][]): void {
  const { t } = text;
  w.facts([
    ...extra,
    [t.measures, text.number(figures.measureCounts.total, 0)],
    [t.implementationRate, text.percent(figures.implementationRate)],
    [t.annualSavings, text.krw(figures.expectedAnnualSavingsKrw)],
    [t.verifiedSavings, text.krw(figures.verifiedAnnualSavingsKrw)],
    [t.investment, text.krw(figures.investmentKrw)],
    [t.ghg, `${text.number(figures.ghgReductionTco2e, 3)} ${t.tco2e}`],
    [t.electricity, `${text.number(figures.electricityKwhPerYear)} ${t.kwh}`],
    [t.fuel, `${text.number(figures.lngNm3PerYear)} ${t.nm3}`],
    [t.water, `${text.number(figures.waterM3PerYear)} ${t.m3}`],
    [t.waste, `${text.number(figures.wasteTPerYear)} ${t.tonnes}`],
    [t.rawMaterials, `${text.number(figures.rawMaterialsTPerYear)} ${t.tonnes}`],
  ]);
}

/** Proposed, reported and verified savings side by side, with the implementation rates. */
function splitTable(w: PdfWriter, text: ReportText, figures: MeasureFigures): void {
  const { t } = text;
  w.table(
    [{ label: '', width: 0.4 }, { label: t.savings, width: 0.3, align: 'right' }, { label: t.measures, width: 0.3, align: 'right' }],
    [
      [t.proposed, text.krw(figures.expectedAnnualSavingsKrw), text.number(figures.measureCounts.total - figures.measureCounts.dropped, 0)],
      [t.reported, text.krw(figures.reportedAnnualSavingsKrw), text.number(figures.followUpAnswered, 0)],
      [t.verified, text.krw(figures.verifiedAnnualSavingsKrw), text.number(figures.measureCounts.verified, 0)],
    ],
  );
  w.facts([
    [t.implementationRate, text.percent(figures.implementationRate)],
    [t.implementationRateBySavings, text.percent(figures.implementationRateBySavings)],
  ]);
}

export async function programYearPdf(report: ProgramYearReport, text: ReportText, now = new Date()): Promise<Buffer> {
  const { t, enums } = text;
  const title = t.yearTitle(programName(text, report.year), report.year.number);
  const w = await PdfWriter.open({ title, lang: text.lang });
  w.title(title, `${t.period}: ${text.date(report.year.startsOn)} – ${text.date(report.year.endsOn)} · ${t.generatedAt}: ${text.date(now)}`);

  w.heading(t.results);
  resultsFacts(w, text, report.totals, [
    [t.participating, text.number(report.totals.companies, 0)],
    [t.completed, text.number(report.completedCompanies, 0)],
  ]);
  w.facts([
    [`${t.payback} (${t.paybackOverall})`, paybackText(text, report.payback.overallYears)],
    [`${t.payback} (${t.paybackAverage})`, paybackText(text, report.payback.averageYears)],
    [`${t.payback} (${t.paybackMedian})`, paybackText(text, report.payback.medianYears)],
  ]);

  w.heading(t.factors);
  if (report.factors.length === 0) w.paragraph(t.noFactors, { muted: true });
  else
    w.table(
      [{ label: t.factors, width: 0.3 }, { label: t.validYears, width: 0.15 }, { label: 'tCO2e', width: 0.15, align: 'right' }, { label: t.source, width: 0.4 }],
      report.factors.map((f) => [t.factorKind[f.kind] ?? f.kind, `${f.validFromYear}–${f.validToYear}`, text.number(f.value, 4), f.source]),
    );

  w.heading(t.split);
  splitTable(w, text, report.totals);

  w.heading(t.byCategory);
  w.table(
    [
      { label: t.category, width: 0.34 },
      { label: t.measures, width: 0.1, align: 'right' },
      { label: t.investment, width: 0.19, align: 'right' },
      { label: t.annualSavings, width: 0.19, align: 'right' },
      { label: 'tCO2e', width: 0.18, align: 'right' },
    ],
    report.byCategory.map((c) => [
      enums.MeasureCategory[c.category],
      text.number(c.measureCounts.total, 0),
      text.krw(c.investmentKrw),
      text.krw(c.expectedAnnualSavingsKrw),
      text.number(c.ghgReductionTco2e, 3),
    ]),
    {
      totals: [
        t.total,
        text.number(report.totals.measureCounts.total, 0),
        text.krw(report.totals.investmentKrw),
        text.krw(report.totals.expectedAnnualSavingsKrw),
        text.number(report.totals.ghgReductionTco2e, 3),
      ],
    },
  );
  w.barChart(
    t.chartSavings,
    report.byCategory.map((c) => ({ label: enums.MeasureCategory[c.category], value: c.expectedAnnualSavingsKrw, text: text.krw(c.expectedAnnualSavingsKrw) })),
  );

  w.heading(t.byStatus);
  w.table(
    [{ label: t.status, width: 0.5 }, { label: t.measures, width: 0.5, align: 'right' }],
    MEASURE_STATUSES.map((status) => [enums.MeasureStatus[status], text.number(report.totals.measureCounts[STATUS_KEYS[status]], 0)]),
  );

  w.heading(t.budget);
  const planned = report.budget.reduce((sum, b) => sum + b.plannedKrw, 0);
  const spent = report.budget.reduce((sum, b) => sum + b.spentKrw, 0);
  w.table(
    [{ label: t.source_, width: 0.3 }, { label: t.planned, width: 0.25, align: 'right' }, { label: t.spent, width: 0.25, align: 'right' }, { label: t.spentRate, width: 0.2, align: 'right' }],
    report.budget.map((b) => [enums.FundingSource[b.source], text.krw(b.plannedKrw), text.krw(b.spentKrw), text.percent(b.spentRate)]),
    { totals: [t.total, text.krw(planned), text.krw(spent), text.percent(planned === 0 ? 0 : spent / planned)] },
  );

  w.heading(t.events);
  if (report.events.length === 0) w.paragraph(t.noEvents, { muted: true });
  else
    w.table(
      [{ label: t.date, width: 0.16 }, { label: t.event, width: 0.5 }, { label: t.attendees, width: 0.17, align: 'right' }, { label: t.companiesAttended, width: 0.17, align: 'right' }],
      report.events.map((e) => [text.date(e.startsAt), `${e.title} (${enums.EventKind[e.kind]}) · ${e.venue}`, text.number(e.attendees, 0), text.number(e.companies, 0)]),
      { totals: [t.total, '', text.number(report.events.reduce((sum, e) => sum + e.attendees, 0), 0), ''] },
    );

  w.heading(t.companies);
  w.table(
    [
      { label: t.company, width: 0.24 },
      { label: t.stage, width: 0.11 },
      { label: t.measures, width: 0.07, align: 'right' },
      { label: t.implementationRate, width: 0.08, align: 'right' },
      { label: t.investment, width: 0.17, align: 'right' },
      { label: t.annualSavings, width: 0.17, align: 'right' },
      { label: 'tCO2e', width: 0.16, align: 'right' },
    ],
    report.companies.map((c) => [
      `${companyName(text, c)} (${c.industryCode})`,
      enums.ParticipationStatus[c.stage],
      text.number(c.measureCounts.total, 0),
      text.percent(c.implementationRate),
      text.krw(c.investmentKrw),
      text.krw(c.expectedAnnualSavingsKrw),
      text.number(c.ghgReductionTco2e, 3),
    ]),
  );
  const top = [...report.companies].sort((a, b) => b.ghgReductionTco2e - a.ghgReductionTco2e).slice(0, CHART_COMPANIES);
  w.barChart(
    report.companies.length > CHART_COMPANIES ? `${t.chartGhg}, ${t.chartTop(CHART_COMPANIES)}` : t.chartGhg,
    top.map((c) => ({ label: companyName(text, c), value: c.ghgReductionTco2e, text: text.number(c.ghgReductionTco2e, 3) })),
  );
  return w.finish(t.page);
}

export async function participationPdf(report: ParticipationReport, text: ReportText, photos: Map<string, Buffer>, benchmark: CompanyBenchmark, now = new Date()): Promise<Buffer> {
  const { t, enums } = text;
  const name = companyName(text, report.company);
  const title = t.companyTitle(name);
  const w = await PdfWriter.open({ title, lang: text.lang });
  w.title(title, `${programName(text, report.year)} · ${report.year.number} · ${text.date(report.year.startsOn)} – ${text.date(report.year.endsOn)} · ${t.generatedAt}: ${text.date(now)}`);

  w.heading(t.companyInfo);
  w.facts([
    [t.company, name],
    [t.industry, `${report.company.industryLabel} (${report.company.industryCode})`],
    [t.address, report.company.address ?? '–'],
    [t.employees, report.company.employees === null ? '–' : text.number(report.company.employees, 0)],
    [t.ceo, report.company.ceoName ?? '–'],
    [t.stage, enums.ParticipationStatus[report.stage]],
  ]);

  w.heading(t.results);
  resultsFacts(w, text, report.kpi, []);
  w.heading(t.split);
  splitTable(w, text, report.kpi);

  w.heading(t.benchmark);
  const figure = (metric: string, value: number | null) =>
    value === null ? '–' : metric === 'IMPLEMENTATION_RATE' ? text.percent(value) : text.number(value, metric.endsWith('KRW') ? 0 : 2);
  w.table(
    [{ label: t.metric, width: 0.4 }, { label: t.thisCompany, width: 0.2, align: 'right' }, { label: t.programMedian, width: 0.2, align: 'right' }, { label: t.percentile, width: 0.2, align: 'right' }],
    benchmark.metrics.map((m) => [t.metrics[m.metric] ?? m.metric, figure(m.metric, m.value), figure(m.metric, m.programMedian), m.percentile === null ? '–' : text.percent(m.percentile)]),
  );

  const photoCaption = (fileName: string, of: string) => `${fileName} · ${of}`;
  const photosOf = (key: 'diagnosisId' | 'measureId', id: string) => report.photos.filter((p) => p[key] === id && photos.has(p.attachmentId));

  w.heading(t.diagnosis);
  if (report.diagnoses.length === 0) w.paragraph(t.noDiagnosis, { muted: true });
  for (const d of report.diagnoses) {
    w.facts([
      [t.diagnosis, `${(enums.DiagnosisKind as Record<string, string>)[d.kind] ?? d.kind} · ${text.date(d.conductedOn)}`],
      [t.leadExpert, d.leadExpert ?? '–'],
      [t.processes, d.processesExamined],
      [
        t.inputs,
        [
          d.electricityKwhPerYear === null ? null : `${text.number(d.electricityKwhPerYear)} ${t.kwh}`,
          d.rawMaterialsTPerYear === null ? null : `${t.rawMaterials}: ${text.number(d.rawMaterialsTPerYear)} ${t.tonnes}`,
          d.wasteTPerYear === null ? null : `${t.waste}: ${text.number(d.wasteTPerYear)} ${t.tonnes}`,
        ]
          .filter(Boolean)
          .join(' · ') || '–',
      ],
    ]);
    w.paragraph(`${t.findings}: ${plainText(d.findings)}`);
    for (const p of photosOf('diagnosisId', d.id)) w.image(photos.get(p.attachmentId)!, photoCaption(p.fileName, t.diagnosis));
  }

  w.heading(t.measures);
  if (report.measures.length === 0) w.paragraph(t.noMeasures, { muted: true });
  else
    w.table(
      [
        { label: t.measureTitle, width: 0.28 },
        { label: t.status, width: 0.1 },
        { label: t.investment, width: 0.14, align: 'right' },
        { label: t.annualSavings, width: 0.14, align: 'right' },
        { label: t.payback, width: 0.1, align: 'right' },
        { label: 'tCO2e', width: 0.09, align: 'right' },
        { label: t.followUp, width: 0.15 },
      ],
      report.measures.map((m) => [
        `${m.title}\n${enums.MeasureCategory[m.category]}`,
        enums.MeasureStatus[m.status],
        text.krw(m.investmentKrw),
        m.verifiedAnnualSavingsKrw === null ? text.krw(m.expectedAnnualSavingsKrw) : `${text.krw(m.expectedAnnualSavingsKrw)}\n${t.verified}: ${text.krw(m.verifiedAnnualSavingsKrw)}`,
        paybackText(text, m.paybackYears),
        text.number(m.tco2e, 3),
        [
          m.reportedOutcome ? `${(enums.FollowUpOutcome as Record<string, string>)[m.reportedOutcome] ?? m.reportedOutcome}${m.reportedAnnualSavingsKrw === null ? '' : ` · ${text.krw(m.reportedAnnualSavingsKrw)}`}` : null,
          m.followUpDueOn ? `${t.followUpDue} ${text.date(m.followUpDueOn)}` : null,
          m.followUpCheckedOn ? `${t.followUpChecked} ${text.date(m.followUpCheckedOn)}` : null,
          m.followUpNote,
        ]
          .filter(Boolean)
          .join('\n') || '–',
      ]),
      {
        totals: [
          t.total,
          '',
          text.krw(report.kpi.investmentKrw),
          text.krw(report.kpi.expectedAnnualSavingsKrw),
          '',
          text.number(report.kpi.ghgReductionTco2e, 3),
          '',
        ],
      },
    );
  const measurePhotos = report.measures.flatMap((m) => photosOf('measureId', m.id).map((p) => ({ p, m })));
  if (measurePhotos.length > 0) {
    w.heading(t.photos);
    for (const { p, m } of measurePhotos) w.image(photos.get(p.attachmentId)!, photoCaption(p.fileName, m.title));
  }

  w.heading(t.team);
  if (!report.team) w.paragraph(t.noTeam, { muted: true });
  else {
    w.facts([
      [t.team, report.team.name],
      [t.teamLead, report.team.lead ?? '–'],
    ]);
    for (const member of report.team.members) {
      w.paragraph(`· ${member.name}${member.specialty ? ` (${(enums.Specialty as Record<string, string>)[member.specialty] ?? member.specialty})` : ''}`);
    }
  }

  w.heading(t.signOff);
  w.table(
    [{ label: '', width: 0.34 }, { label: t.date, width: 0.26 }, { label: t.signature, width: 0.4 }],
    [t.signCompany, t.signExpert, t.signManager].map((who) => [`${who}\n\n`, '', '']),
  );
  return w.finish(t.page);
}
