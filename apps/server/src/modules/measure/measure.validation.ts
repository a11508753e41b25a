import { LIMITS, Validator, type MeasureCategory, type Violation } from '@ecohub/domain';
import type { MeasureFieldsInput } from './measure.inputs.ts';

const REQUIRED_WHEN_GIVEN = [
  'category',
  'title',
  'investmentKrw',
  'expectedAnnualSavingsKrw',
  'electricityKwhPerYear',
  'lngNm3PerYear',
  'waterM3PerYear',
  'wasteTPerYear',
  'rawMaterialsTPerYear',
] as const;

/** Every rule on a measure's editable fields, reported together so a form can mark them all. */
export function measureFieldViolations(
  input: MeasureFieldsInput & { category?: MeasureCategory | null; title?: string | null },
): Violation[] {
  const v = new Validator();
  for (const field of REQUIRED_WHEN_GIVEN) {
    v.check(field, input[field] !== null, 'required', `${field} cannot be cleared`);
  }
  v.text('title', input.title, { min: 1, max: LIMITS.shortText })
    .text('description', input.description, { max: LIMITS.longText })
    .krw('investmentKrw', input.investmentKrw)
    .krw('expectedAnnualSavingsKrw', input.expectedAnnualSavingsKrw)
    .quantity('electricityKwhPerYear', input.electricityKwhPerYear)
    .quantity('lngNm3PerYear', input.lngNm3PerYear)
    .quantity('waterM3PerYear', input.waterM3PerYear)
    .quantity('wasteTPerYear', input.wasteTPerYear)
    .quantity('rawMaterialsTPerYear', input.rawMaterialsTPerYear)
    .range('productivityGainPct', input.productivityGainPct, -100, 1000);
  for (const field of ['technicalFeasibility', 'economicFeasibility', 'environmentalFeasibility'] as const) {
    v.range(field, input[field], 1, 5, true);
  }
  return v.violations;
}
