import { PARTICIPATING_STATUSES } from '@ecohub/domain';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { findRecord } from '../../core/database/records.ts';
import { figuresOf, measureAggregatesSql, type MeasureAggregateRow } from '../board/index.ts';
import { ghgFactorJoins } from '../measure/index.ts';
import { Participation } from '../participation/index.ts';
import { BenchmarkMetric, type CompanyBenchmark } from './benchmark.types.ts';

const PARTICIPANTS = `{${PARTICIPATING_STATUSES.join(',')}}`;

type Values = Record<BenchmarkMetric, number | null>;

/**
 * A company beside its program year: each figure against the median over all participants
 * (the same measure aggregates as the KPIs), never naming another company. Viewers who may not
 * read other companies' figures get a median only where enough companies have the figure.
 */
export async function companyBenchmark(uow: UnitOfWork, participationId: string): Promise<CompanyBenchmark> {
  const participation = await findRecord(uow.em, Participation, participationId, 'Participation');
  await uow.access.assertCanSeeCompany('program-results', participation.company.id, 'Participation', participationId);
  const { minCompanies } = await uow.access.libraryView();
  const rows = await uow.em.execute<(MeasureAggregateRow & { participation_id: string; employees: number | null; electricity_use: number | null; waste_output: number | null })[]>(
    `select p.id as participation_id, c.employees,
            (select d.electricity_kwh_per_year from diagnosis d where d.participation_id = p.id and d.electricity_kwh_per_year is not null order by d.conducted_on desc limit 1) as electricity_use,
            (select d.waste_tper_year from diagnosis d where d.participation_id = p.id and d.waste_tper_year is not null order by d.conducted_on desc limit 1) as waste_output,
            ${measureAggregatesSql('m')}
       from participation p
       join company c on c.id = p.company_id
       left join measure m on m.participation_id = p.id and m.archived_at is null
       ${ghgFactorJoins('m')}
      where p.program_year_id = ? and p.status = any(?::text[])
      group by p.id, c.employees`,
    [participation.programYear.id, PARTICIPANTS],
  );
  const valuesOf = (row: (typeof rows)[number]): Values => {
    const f = figuresOf(row);
    const perEmployee = (value: number | null) => (value === null || !row.employees ? null : value / row.employees);
    return {
      MEASURES: f.measureCounts.total - f.measureCounts.dropped,
      ANNUAL_SAVINGS_KRW: f.expectedAnnualSavingsKrw,
      INVESTMENT_KRW: f.investmentKrw,
      GHG_REDUCTION_TCO2E: f.ghgReductionTco2e,
      IMPLEMENTATION_RATE: f.implementationRate,
      SAVINGS_PER_EMPLOYEE_KRW: perEmployee(f.expectedAnnualSavingsKrw),
      ELECTRICITY_KWH_PER_EMPLOYEE: perEmployee(row.electricity_use === null ? null : Number(row.electricity_use)),
      WASTE_T_PER_EMPLOYEE: perEmployee(row.waste_output === null ? null : Number(row.waste_output)),
    };
  };
  const all = rows.map((row) => ({ id: row.participation_id, values: valuesOf(row) }));
  const own = all.find((entry) => entry.id === participation.id)?.values;
  return {
    participationId: participation.id,
    companies: all.length,
    metrics: (Object.values(BenchmarkMetric) as BenchmarkMetric[]).map((metric) => {
      const values = all.map((entry) => entry.values[metric]).filter((value): value is number => value !== null);
      const shown = values.length >= minCompanies;
      return {
        metric,
        value: own?.[metric] ?? null,
        programMedian: shown ? median(values) : null,
        companies: values.length,
        /** Share of companies with a lower value (0–1): where the company stands, naming nobody. */
        percentile: shown && own?.[metric] !== null && own?.[metric] !== undefined ? values.filter((v) => v < own[metric]!).length / values.length : null,
      };
    }),
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
