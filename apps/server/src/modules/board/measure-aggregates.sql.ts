import { figureRates, IMPLEMENTED_MEASURE_STATUSES, MEASURE_STATUSES, MeasureStatus, roundTo } from '@ecohub/domain';
import { ghgTco2eSql } from '../measure/index.ts';
import type { MeasureFigures } from './board.types.ts';

const DROPPED = `'${MeasureStatus.DROPPED}'`;
const live = (m: string) => `${m}.status <> ${DROPPED}`;
const implemented = (m: string) => `${m}.status in (${IMPLEMENTED_MEASURE_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * The measure figures every board and KPI aggregate reports, as select-list SQL over a measure
 * alias (joined with `ghgFactorJoins`; may be the null side of a left join). Money, tCO2e and
 * reductions count measures that were not dropped; counts are per status.
 */
export function measureAggregatesSql(m: string): string {
  return [
    `count(${m}.id) as measures`,
    ...MEASURE_STATUSES.map((status) => `count(${m}.id) filter (where ${m}.status = '${status}') as "${status}"`),
    `count(${m}.id) filter (where ${implemented(m)}) as implemented`,
    `count(${m}.id) filter (where ${m}.reported_outcome is not null and ${live(m)}) as reported_count`,
    `coalesce(sum(${m}.investment_krw) filter (where ${live(m)}), 0) as investment`,
    `coalesce(sum(${m}.expected_annual_savings_krw) filter (where ${live(m)}), 0) as expected`,
    `coalesce(sum(${m}.verified_annual_savings_krw) filter (where ${live(m)}), 0) as verified`,
    `coalesce(sum(${m}.reported_annual_savings_krw) filter (where ${live(m)}), 0) as reported`,
    `coalesce(sum(${m}.expected_annual_savings_krw) filter (where ${implemented(m)}), 0) as implemented_expected`,
    `coalesce(sum(${ghgTco2eSql(m)}) filter (where ${live(m)}), 0) as tco2e`,
    `coalesce(sum(${m}.electricity_kwh_per_year) filter (where ${live(m)}), 0) as electricity`,
    `coalesce(sum(${m}.lng_nm3per_year) filter (where ${live(m)}), 0) as lng`,
    `coalesce(sum(${m}.water_m3per_year) filter (where ${live(m)}), 0) as water`,
    `coalesce(sum(${m}.waste_tper_year) filter (where ${live(m)}), 0) as waste`,
    `coalesce(sum(${m}.raw_materials_tper_year) filter (where ${live(m)}), 0) as raw_materials`,
  ].join(',\n');
}

/** What `measureAggregatesSql` returns, as PostgreSQL hands it over (bigint and numeric as strings). */
export type MeasureAggregateRow = Record<string, string | number | null>;

const num = (value: string | number | null | undefined) => Number(value ?? 0);

/** The API's figures from an aggregate row (an absent row means no measures). */
export function figuresOf(row: MeasureAggregateRow | undefined): MeasureFigures {
  const count = (status: MeasureStatus) => num(row?.[status]);
  const total = num(row?.['measures']);
  const implemented = num(row?.['implemented']);
  const measureCounts = {
    proposed: count('PROPOSED'),
    approved: count('APPROVED'),
    inProgress: count('IN_PROGRESS'),
    implemented: count('IMPLEMENTED'),
    verified: count('VERIFIED'),
    dropped: count('DROPPED'),
    total,
  };
  const expectedAnnualSavingsKrw = num(row?.['expected']);
  const implementedExpectedAnnualSavingsKrw = num(row?.['implemented_expected']);
  return {
    measureCounts,
    implemented,
    ...figureRates({ measureCounts, implemented, expectedAnnualSavingsKrw, implementedExpectedAnnualSavingsKrw }),
    followUpAnswered: num(row?.['reported_count']),
    reportedAnnualSavingsKrw: num(row?.['reported']),
    investmentKrw: num(row?.['investment']),
    expectedAnnualSavingsKrw,
    implementedExpectedAnnualSavingsKrw,
    verifiedAnnualSavingsKrw: num(row?.['verified']),
    ghgReductionTco2e: roundTo(num(row?.['tco2e']), 3),
    electricityKwhPerYear: num(row?.['electricity']),
    lngNm3PerYear: num(row?.['lng']),
    waterM3PerYear: num(row?.['water']),
    wasteTPerYear: num(row?.['waste']),
    rawMaterialsTPerYear: num(row?.['raw_materials']),
  };
}
