/** Emission factor kinds and the unit each factor is expressed in. */
export const EmissionFactorKind = {
  /** tCO2eq per MWh of grid electricity. */
  ELECTRICITY: 'ELECTRICITY',
  /** tCO2eq per 1,000 Nm³ of LNG. */
  LNG: 'LNG',
  /** tCO2eq per 1,000 m³ of tap water supplied. */
  WATER: 'WATER',
} as const;
export type EmissionFactorKind = (typeof EmissionFactorKind)[keyof typeof EmissionFactorKind];
export const EMISSION_FACTOR_KINDS = Object.values(EmissionFactorKind);

export interface AnnualReductions {
  electricityKwh: number;
  lngNm3: number;
  waterM3: number;
}

export interface FactorsUsed {
  electricityPerMwh: number | null;
  lngPerThousandNm3: number | null;
  waterPerThousandM3: number | null;
}

/**
 * Annual greenhouse-gas reduction in tCO2e. Each quantity is converted with the factor the measure
 * recorded; a quantity without a factor contributes nothing rather than a guessed value.
 * The board's SQL aggregate computes the same sum (see the KPI module's SQL).
 */
export function ghgReductionTco2e(r: AnnualReductions, f: FactorsUsed): number {
  const tonnes =
    (r.electricityKwh / 1000) * (f.electricityPerMwh ?? 0) +
    (r.lngNm3 / 1000) * (f.lngPerThousandNm3 ?? 0) +
    (r.waterM3 / 1000) * (f.waterPerThousandM3 ?? 0);
  return roundTo(tonnes, 3);
}

/** Simple payback in years; null when the measure saves nothing (it never pays back). */
export function paybackYears(investmentKrw: number, annualSavingsKrw: number): number | null {
  if (annualSavingsKrw <= 0) return null;
  return roundTo(investmentKrw / annualSavingsKrw, 2);
}

/** Implemented (or verified) measures over all measures that were not dropped. */
export function implementationRate(implemented: number, proposed: number): number {
  return proposed === 0 ? 0 : roundTo(implemented / proposed, 4);
}

/** The figures of a set of measures that add up across sets (companies, categories): counts, money, tCO2e. */
export interface AdditiveFigures {
  measureCounts: { total: number; dropped: number };
  implemented: number;
  investmentKrw: number;
  expectedAnnualSavingsKrw: number;
  implementedExpectedAnnualSavingsKrw: number;
  reportedAnnualSavingsKrw: number;
  verifiedAnnualSavingsKrw: number;
  ghgReductionTco2e: number;
}

/** The two rates of a set of measures, from its additive figures (the SQL aggregates' and a sum of them alike). */
export function figureRates(f: Pick<AdditiveFigures, 'measureCounts' | 'implemented' | 'expectedAnnualSavingsKrw' | 'implementedExpectedAnnualSavingsKrw'>) {
  return {
    implementationRate: implementationRate(f.implemented, f.measureCounts.total - f.measureCounts.dropped),
    implementationRateBySavings: implementationRate(f.implementedExpectedAnnualSavingsKrw, f.expectedAnnualSavingsKrw),
  };
}

/**
 * The figures of the union of disjoint sets of measures (e.g. the companies a board shows): sums,
 * with the rates derived again from the sums rather than averaged. Each part's tCO2e is already
 * rounded to 3 decimals, so the sum is rounded again only to drop floating-point noise.
 */
export function addUpFigures(parts: readonly AdditiveFigures[]): AdditiveFigures & ReturnType<typeof figureRates> {
  const sum = (pick: (part: AdditiveFigures) => number) => parts.reduce((total, part) => total + pick(part), 0);
  const figures: AdditiveFigures = {
    measureCounts: { total: sum((p) => p.measureCounts.total), dropped: sum((p) => p.measureCounts.dropped) },
    implemented: sum((p) => p.implemented),
    investmentKrw: sum((p) => p.investmentKrw),
    expectedAnnualSavingsKrw: sum((p) => p.expectedAnnualSavingsKrw),
    implementedExpectedAnnualSavingsKrw: sum((p) => p.implementedExpectedAnnualSavingsKrw),
    reportedAnnualSavingsKrw: sum((p) => p.reportedAnnualSavingsKrw),
    verifiedAnnualSavingsKrw: sum((p) => p.verifiedAnnualSavingsKrw),
    ghgReductionTco2e: roundTo(sum((p) => p.ghgReductionTco2e), 3),
  };
  return { ...figures, ...figureRates(figures) };
}

export function roundTo(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export interface DatedFactor {
  kind: EmissionFactorKind;
  value: number;
  validFromYear: number;
  validToYear: number;
}

/**
 * For each kind, the factor valid in `year`; when none was published for that year, the closest
 * one (earlier preferred). The server stores this choice on a new measure; the client previews with it.
 */
export function factorsForYear<F extends DatedFactor>(factors: readonly F[], year: number): Record<EmissionFactorKind, F | null> {
  const distance = (f: F) => (year < f.validFromYear ? f.validFromYear - year + 0.5 : year > f.validToYear ? year - f.validToYear : 0);
  const choice: Record<EmissionFactorKind, F | null> = { ELECTRICITY: null, LNG: null, WATER: null };
  for (const factor of factors) {
    const best = choice[factor.kind];
    if (!best || distance(factor) < distance(best)) choice[factor.kind] = factor;
  }
  return choice;
}

/** The factors a measure's tCO2e uses, from the chosen factor records. */
export function factorsUsed(choice: Partial<Record<EmissionFactorKind, { value: number } | null>>): FactorsUsed {
  return {
    electricityPerMwh: choice.ELECTRICITY?.value ?? null,
    lngPerThousandNm3: choice.LNG?.value ?? null,
    waterPerThousandM3: choice.WATER?.value ?? null,
  };
}
