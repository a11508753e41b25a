/**
 * The annual GHG reduction of a measure in tCO2e, as SQL: the same formula as
 * `ghgReductionTco2e` in @ecohub/domain (each quantity over 1,000 times the factor the measure
 * recorded, a missing factor counting as 0), so aggregates summed by PostgreSQL (board, KPIs,
 * totals) agree with what a single measure shows. Written once; every aggregate uses it.
 *
 * `measureAlias` is the measure table's alias in the query; the joins bring in its factors.
 */
export function ghgFactorJoins(measureAlias: string): string {
  const m = measureAlias;
  return `left join emission_factor ${m}_ef_e on ${m}_ef_e.id = ${m}.electricity_factor_id
          left join emission_factor ${m}_ef_l on ${m}_ef_l.id = ${m}.lng_factor_id
          left join emission_factor ${m}_ef_w on ${m}_ef_w.id = ${m}.water_factor_id`;
}

export function ghgTco2eSql(measureAlias: string): string {
  const m = measureAlias;
  return `(${m}.electricity_kwh_per_year / 1000 * coalesce(${m}_ef_e.value, 0)
         + ${m}.lng_nm3per_year / 1000 * coalesce(${m}_ef_l.value, 0)
         + ${m}.water_m3per_year / 1000 * coalesce(${m}_ef_w.value, 0))`;
}
