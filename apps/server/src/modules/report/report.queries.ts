import { EventKind, MeasureCategory, MeasureStatus, ParticipationStatus, PARTICIPATING_STATUSES, paybackYears, roundTo } from '@ecohub/domain';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import { budgetBySource, byCompany, totalsAndCategories, type BudgetSourceKpi, type CategoryKpi, type CompanyKpi, type KpiTotals } from '../board/index.ts';
import { ghgFactorJoins, ghgTco2eSql } from '../measure/index.ts';

const PARTICIPANTS = `{${PARTICIPATING_STATUSES.join(',')}}`;
const DROPPED = MeasureStatus.DROPPED;

export interface ReportYear {
  id: string;
  number: number;
  startsOn: string;
  endsOn: string;
  programNameKo: string;
  programNameEn: string;
}

export interface FactorUsed {
  kind: string;
  validFromYear: number;
  validToYear: number;
  value: number;
  source: string;
}

export interface EventLine {
  kind: EventKind;
  title: string;
  venue: string;
  startsAt: Date;
  attendees: number;
  companies: number;
}

export interface CompanyLine extends CompanyKpi {
  nameKo: string;
  nameEn: string | null;
  industryCode: string;
  stage: ParticipationStatus;
}

export interface Payback {
  /** Total investment ÷ total expected annual savings (the ECOPROFIT results block's figure). */
  overallYears: number | null;
  /** Mean and median of each saving measure's own payback. */
  averageYears: number | null;
  medianYears: number | null;
}

export interface ProgramYearReport {
  year: ReportYear;
  totals: KpiTotals;
  completedCompanies: number;
  byCategory: CategoryKpi[];
  budget: BudgetSourceKpi[];
  payback: Payback;
  factors: FactorUsed[];
  events: EventLine[];
  companies: CompanyLine[];
}

/** Year-end results are for the people who run and fund the program: admins, managers, observers. */
export function assertMayReadYearReport(uow: UnitOfWork): void {
  const viewer = uow.access.requireViewer();
  if (viewer.role !== 'ADMIN' && viewer.role !== 'PROGRAM_MANAGER' && viewer.role !== 'OBSERVER') {
    throw forbidden('Year-end results are for admins, program managers and observers');
  }
}

async function reportYear(uow: UnitOfWork, id: string): Promise<ReportYear> {
  const [row] = isUuid(id)
    ? await uow.em.execute<{ id: string; number: number; starts_on: string; ends_on: string; name_ko: string; name_en: string }[]>(
        `select y.id, y.number, y.starts_on::text as starts_on, y.ends_on::text as ends_on, p.name_ko, p.name_en
           from program_year y join program p on p.id = y.program_id where y.id = ?`,
        [id],
      )
    : [];
  if (!row) throw notFound('ProgramYear', id);
  return { id: row.id, number: row.number, startsOn: row.starts_on, endsOn: row.ends_on, programNameKo: row.name_ko, programNameEn: row.name_en };
}

/**
 * Everything the year-end results show. The figures are the live KPIs' own queries
 * (board/kpi.queries.ts); only what the KPIs do not carry (payback spread, factors, events,
 * company names) is read here.
 */
export async function programYearReport(uow: UnitOfWork, programYearId: string): Promise<ProgramYearReport> {
  assertMayReadYearReport(uow);
  const year = await reportYear(uow, programYearId);
  const [{ totals, byCategory }, budget, kpiRows, payback, factors, events, names] = await Promise.all([
    totalsAndCategories(uow.em, year.id),
    budgetBySource(uow.em, year.id),
    byCompany(uow.em, uow.access, year.id),
    paybackOf(uow, year.id),
    factorsUsed(uow, year.id),
    eventLines(uow, year.id),
    uow.em.execute<{ company_id: string; name_ko: string; name_en: string | null; industry_code: string; status: ParticipationStatus }[]>(
      `select p.company_id, c.name_ko, c.name_en, c.industry_code, p.status
         from participation p join company c on c.id = p.company_id
        where p.program_year_id = ? and p.status = any(?::text[])`,
      [year.id, PARTICIPANTS],
    ),
  ]);
  const byId = new Map(names.map((row) => [row.company_id, row]));
  const companies = kpiRows.map((kpi) => {
    const row = byId.get(kpi.companyId)!;
    return { ...kpi, nameKo: row.name_ko, nameEn: row.name_en, industryCode: row.industry_code, stage: row.status };
  });
  const completedCompanies = names.filter((row) => row.status === ParticipationStatus.COMPLETED).length;
  return { year, totals, completedCompanies, byCategory, budget, payback, factors, events, companies };
}

async function paybackOf(uow: UnitOfWork, programYearId: string): Promise<Payback> {
  const [row] = await uow.em.execute<{ investment: string; savings: string; average: string | null; median: string | null }[]>(
    `select coalesce(sum(m.investment_krw), 0) as investment,
            coalesce(sum(m.expected_annual_savings_krw), 0) as savings,
            avg(m.investment_krw::numeric / m.expected_annual_savings_krw) filter (where m.expected_annual_savings_krw > 0) as average,
            percentile_cont(0.5) within group (order by m.investment_krw::numeric / nullif(m.expected_annual_savings_krw, 0))
              filter (where m.expected_annual_savings_krw > 0) as median
       from measure m join participation p on p.id = m.participation_id
      where p.program_year_id = ? and p.status = any(?::text[]) and m.archived_at is null and m.status <> ?`,
    [programYearId, PARTICIPANTS, DROPPED],
  );
  const rounded = (value: string | null | undefined) => (value === null || value === undefined ? null : roundTo(Number(value), 2));
  return {
    overallYears: paybackYears(Number(row?.investment ?? 0), Number(row?.savings ?? 0)),
    averageYears: rounded(row?.average),
    medianYears: rounded(row?.median),
  };
}

/** The emission factors (and the years they are valid for) behind the year's tCO2e. */
async function factorsUsed(uow: UnitOfWork, programYearId: string): Promise<FactorUsed[]> {
  const rows = await uow.em.execute<{ kind: string; valid_from_year: number; valid_to_year: number; value: number; source: string }[]>(
    `select distinct f.kind, f.valid_from_year, f.valid_to_year, f.value, f.source
       from measure m join participation p on p.id = m.participation_id
       join emission_factor f on f.id in (m.electricity_factor_id, m.lng_factor_id, m.water_factor_id)
      where p.program_year_id = ? and p.status = any(?::text[]) and m.archived_at is null and m.status <> ?
      order by f.kind, f.valid_from_year`,
    [programYearId, PARTICIPANTS, DROPPED],
  );
  return rows.map((row) => ({ kind: row.kind, validFromYear: row.valid_from_year, validToYear: row.valid_to_year, value: Number(row.value), source: row.source }));
}

async function eventLines(uow: UnitOfWork, programYearId: string): Promise<EventLine[]> {
  const rows = await uow.em.execute<{ kind: EventKind; title: string; venue: string; starts_at: Date; attendees: string; companies: string }[]>(
    `select e.kind, e.title, e.venue, e.starts_at,
            count(a.id) filter (where a.attended) as attendees,
            count(distinct a.company_id) filter (where a.attended) as companies
       from program_event e left join attendance a on a.event_id = e.id
      where e.program_year_id = ? and e.cancelled_at is null
      group by e.id order by e.starts_at, e.id`,
    [programYearId],
  );
  return rows.map((row) => ({ ...row, startsAt: new Date(row.starts_at), attendees: Number(row.attendees), companies: Number(row.companies) }));
}

export interface ReportMeasure {
  id: string;
  category: MeasureCategory;
  title: string;
  description: string | null;
  status: MeasureStatus;
  investmentKrw: number;
  expectedAnnualSavingsKrw: number;
  verifiedAnnualSavingsKrw: number | null;
  paybackYears: number | null;
  tco2e: number;
  implementedOn: string | null;
  followUpDueOn: string | null;
  followUpCheckedOn: string | null;
  followUpNote: string | null;
  reportedOutcome: string | null;
  reportedAnnualSavingsKrw: number | null;
}

export interface ReportDiagnosis {
  id: string;
  kind: string;
  conductedOn: string;
  leadExpert: string | null;
  processesExamined: string;
  electricityKwhPerYear: number | null;
  rawMaterialsTPerYear: number | null;
  wasteTPerYear: number | null;
  findings: string;
}

export interface ReportPhoto {
  attachmentId: string;
  fileName: string;
  contentType: string;
  /** The diagnosis or measure it belongs to. */
  diagnosisId: string | null;
  measureId: string | null;
}

export interface ParticipationReport {
  year: ReportYear;
  participationId: string;
  stage: ParticipationStatus;
  company: { id: string; nameKo: string; nameEn: string | null; industryCode: string; industryLabel: string; address: string | null; employees: number | null; ceoName: string | null };
  team: { name: string; lead: string | null; members: { name: string; specialty: string | null }[] } | null;
  diagnoses: ReportDiagnosis[];
  measures: ReportMeasure[];
  photos: ReportPhoto[];
  kpi: CompanyKpi;
}

/**
 * A company's final report: its own staff, its team's experts, managers and admins (the 'work'
 * scope); anyone else is told it does not exist, as for every other record of that company.
 */
export async function participationReport(uow: UnitOfWork, participationId: string): Promise<ParticipationReport> {
  uow.access.requireViewer();
  const [row] = isUuid(participationId)
    ? await uow.em.execute<{ company_id: string; program_year_id: string; status: ParticipationStatus; team_id: string | null }[]>(
        `select company_id, program_year_id, status, team_id from participation where id = ?`,
        [participationId],
      )
    : [];
  if (!row) throw notFound('Participation', participationId);
  await uow.access.assertCanSeeCompany('work', row.company_id, 'Participation', participationId);
  const [year, [company], team, members, diagnoses, measures, photos, kpis] = await Promise.all([
    reportYear(uow, row.program_year_id),
    uow.em.execute<{ id: string; name_ko: string; name_en: string | null; industry_code: string; industry_label: string; address: string | null; employees: number | null; ceo_name: string | null }[]>(
      `select id, name_ko, name_en, industry_code, industry_label, address, employees, ceo_name from company where id = ?`,
      [row.company_id],
    ),
    row.team_id
      ? uow.em.execute<{ name: string; lead: string | null }[]>(`select t.name, p.name as lead from expert_team t left join person p on p.id = t.lead_id where t.id = ?`, [row.team_id])
      : Promise.resolve([]),
    row.team_id
      ? uow.em.execute<{ name: string; specialty: string | null }[]>(
          `select p.name, m.specialty from team_membership m join person p on p.id = m.person_id where m.team_id = ? order by p.name`,
          [row.team_id],
        )
      : Promise.resolve([]),
    uow.em.execute<{ id: string; kind: string; conducted_on: string; lead: string | null; processes_examined: string; electricity_kwh_per_year: number | null; raw_materials_tper_year: number | null; waste_tper_year: number | null; findings: string }[]>(
      `select d.id, d.kind, d.conducted_on::text as conducted_on, p.name as lead, d.processes_examined, d.electricity_kwh_per_year,
              d.raw_materials_tper_year, d.waste_tper_year, d.findings
         from diagnosis d left join person p on p.id = d.lead_expert_id
        where d.participation_id = ? order by d.conducted_on, d.id`,
      [participationId],
    ),
    uow.em.execute<Record<string, string | number | null>[]>(
      `select m.id, m.category, m.title, m.description, m.status, m.investment_krw, m.expected_annual_savings_krw,
              m.verified_annual_savings_krw, ${ghgTco2eSql('m')} as tco2e, m.implemented_on::text as implemented_on,
              m.follow_up_due_on::text as follow_up_due_on, m.follow_up_checked_on::text as follow_up_checked_on, m.follow_up_note,
              m.reported_outcome, m.reported_annual_savings_krw
         from measure m ${ghgFactorJoins('m')}
        where m.participation_id = ? and m.archived_at is null
        order by m.category, m.created_at, m.id`,
      [participationId],
    ),
    uow.em.execute<{ id: string; file_name: string; content_type: string; diagnosis_id: string | null; measure_id: string | null }[]>(
      `select a.id, a.file_name, a.content_type, a.diagnosis_id, a.measure_id
         from attachment a
        where a.content_type in ('image/png', 'image/jpeg')
          and (a.diagnosis_id in (select id from diagnosis where participation_id = ?)
               or a.measure_id in (select id from measure where participation_id = ? and archived_at is null))
        order by a.created_at, a.id`,
      [participationId, participationId],
    ),
    byCompany(uow.em, uow.access, row.program_year_id),
  ]);
  const kpi = kpis.find((k) => k.companyId === row.company_id);
  if (!company || !kpi) throw notFound('Participation', participationId);
  return {
    year,
    participationId,
    stage: row.status,
    company: {
      id: company.id,
      nameKo: company.name_ko,
      nameEn: company.name_en,
      industryCode: company.industry_code,
      industryLabel: company.industry_label,
      address: company.address,
      employees: company.employees,
      ceoName: company.ceo_name,
    },
    team: team[0] ? { name: team[0].name, lead: team[0].lead, members } : null,
    diagnoses: diagnoses.map((d) => ({
      id: d.id,
      kind: d.kind,
      conductedOn: d.conducted_on,
      leadExpert: d.lead,
      processesExamined: d.processes_examined,
      electricityKwhPerYear: d.electricity_kwh_per_year,
      rawMaterialsTPerYear: d.raw_materials_tper_year,
      wasteTPerYear: d.waste_tper_year,
      findings: d.findings,
    })),
    measures: measures.map((m) => {
      const investmentKrw = Number(m['investment_krw']);
      const expectedAnnualSavingsKrw = Number(m['expected_annual_savings_krw']);
      return {
        id: String(m['id']),
        category: m['category'] as MeasureCategory,
        title: String(m['title']),
        description: (m['description'] as string | null) ?? null,
        status: m['status'] as MeasureStatus,
        investmentKrw,
        expectedAnnualSavingsKrw,
        verifiedAnnualSavingsKrw: m['verified_annual_savings_krw'] === null ? null : Number(m['verified_annual_savings_krw']),
        paybackYears: paybackYears(investmentKrw, expectedAnnualSavingsKrw),
        tco2e: roundTo(Number(m['tco2e']), 3),
        implementedOn: (m['implemented_on'] as string | null) ?? null,
        followUpDueOn: (m['follow_up_due_on'] as string | null) ?? null,
        followUpCheckedOn: (m['follow_up_checked_on'] as string | null) ?? null,
        followUpNote: (m['follow_up_note'] as string | null) ?? null,
        reportedOutcome: (m['reported_outcome'] as string | null) ?? null,
        reportedAnnualSavingsKrw: m['reported_annual_savings_krw'] === null ? null : Number(m['reported_annual_savings_krw']),
      };
    }),
    photos: photos.map((p) => ({ attachmentId: p.id, fileName: p.file_name, contentType: p.content_type, diagnosisId: p.diagnosis_id, measureId: p.measure_id })),
    kpi,
  };
}
