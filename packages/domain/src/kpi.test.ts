import { describe, expect, it } from 'vitest';
import { addUpFigures, factorsForYear, factorsUsed, ghgReductionTco2e, implementationRate, paybackYears, type AdditiveFigures } from './kpi.ts';

describe('ghgReductionTco2e', () => {
  it('converts saved electricity with the grid factor the measure recorded', () => {
    // 120 MWh saved at the 2023 grid factor 0.4173 tCO2eq/MWh.
    expect(ghgReductionTco2e({ electricityKwh: 120_000, lngNm3: 0, waterM3: 0 }, { electricityPerMwh: 0.4173, lngPerThousandNm3: null, waterPerThousandM3: null })).toBe(50.076);
  });

  it('adds LNG and water with their own factors', () => {
    const t = ghgReductionTco2e(
      { electricityKwh: 10_000, lngNm3: 5_000, waterM3: 2_000 },
      { electricityPerMwh: 0.4541, lngPerThousandNm3: 2.176, waterPerThousandM3: 0.237 },
    );
    expect(t).toBeCloseTo(4.541 + 10.88 + 0.474, 3);
  });

  it('counts a quantity without a factor as zero rather than guessing', () => {
    expect(ghgReductionTco2e({ electricityKwh: 1_000_000, lngNm3: 0, waterM3: 0 }, { electricityPerMwh: null, lngPerThousandNm3: null, waterPerThousandM3: null })).toBe(0);
  });
});

describe('paybackYears', () => {
  it('divides the investment by the annual savings', () => {
    expect(paybackYears(30_000_000, 12_000_000)).toBe(2.5);
  });

  it('is null for a measure that saves nothing', () => {
    expect(paybackYears(5_000_000, 0)).toBeNull();
  });

  it('is zero for a measure that costs nothing', () => {
    expect(paybackYears(0, 1_000_000)).toBe(0);
  });
});

describe('implementationRate', () => {
  it('is implemented over proposed, and zero when nothing was proposed', () => {
    expect(implementationRate(3, 12)).toBe(0.25);
    expect(implementationRate(0, 0)).toBe(0);
  });
});

describe('addUpFigures', () => {
  const part = (over: Partial<AdditiveFigures>): AdditiveFigures => ({
    measureCounts: { total: 0, dropped: 0 },
    implemented: 0,
    investmentKrw: 0,
    expectedAnnualSavingsKrw: 0,
    implementedExpectedAnnualSavingsKrw: 0,
    reportedAnnualSavingsKrw: 0,
    verifiedAnnualSavingsKrw: 0,
    ghgReductionTco2e: 0,
    ...over,
  });

  it('derives the rates from the sums, not from the parts’ rates', () => {
    const a = part({ measureCounts: { total: 4, dropped: 1 }, implemented: 3, expectedAnnualSavingsKrw: 10, implementedExpectedAnnualSavingsKrw: 10 });
    const b = part({ measureCounts: { total: 1, dropped: 0 }, implemented: 0, expectedAnnualSavingsKrw: 30 });
    const sum = addUpFigures([a, b]);
    expect(sum.measureCounts).toEqual({ total: 5, dropped: 1 });
    expect(sum.implementationRate).toBe(0.75);
    expect(sum.implementationRateBySavings).toBe(0.25);
  });

  it('adds money and tCO2e without floating-point noise, and is all zero for no parts', () => {
    expect(addUpFigures([part({ ghgReductionTco2e: 0.1, reportedAnnualSavingsKrw: 5 }), part({ ghgReductionTco2e: 0.2, reportedAnnualSavingsKrw: 7 })])).toMatchObject({
      ghgReductionTco2e: 0.3,
      reportedAnnualSavingsKrw: 12,
    });
    expect(addUpFigures([])).toMatchObject({ implemented: 0, implementationRate: 0, implementationRateBySavings: 0, ghgReductionTco2e: 0 });
  });
});

describe('factorsForYear', () => {
  const grid = (value: number, from: number, to: number) => ({ kind: 'ELECTRICITY' as const, value, validFromYear: from, validToYear: to });
  it('takes the factor valid in the year, else the closest (earlier preferred)', () => {
    const factors = [grid(0.4594, 2011, 2012), grid(0.4781, 2013, 2014), grid(0.4173, 2023, 2024)];
    expect(factorsForYear(factors, 2013).ELECTRICITY?.value).toBe(0.4781);
    expect(factorsForYear(factors, 2018).ELECTRICITY?.value).toBe(0.4781);
    expect(factorsForYear(factors, 2030).ELECTRICITY?.value).toBe(0.4173);
    expect(factorsForYear(factors, 2013).LNG).toBeNull();
  });

  it('previews the tCO2e of the issue example (50,000 kWh + 10,000 Nm3 + 3,000 m3)', () => {
    const used = factorsUsed({ ELECTRICITY: { value: 0.4594 }, LNG: { value: 2.176 }, WATER: { value: 0.237 } });
    expect(ghgReductionTco2e({ electricityKwh: 50_000, lngNm3: 10_000, waterM3: 3_000 }, used)).toBeCloseTo(22.97 + 21.76 + 0.711, 3);
  });
});
