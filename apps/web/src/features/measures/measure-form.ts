import { factorsUsed, ghgReductionTco2e, LIMITS, paybackYears, Validator, type EmissionFactorKind, type MeasureCategory, type Violation } from '@ecohub/domain';
import { numberOrNull } from '@/composables/useFormErrors';

/** The measure fields people type, as strings (what the inputs hold). */
export interface MeasureForm {
  title: string;
  category: string;
  description: string;
  investmentKrw: string;
  expectedAnnualSavingsKrw: string;
  electricityKwhPerYear: string;
  lngNm3PerYear: string;
  waterM3PerYear: string;
}

export const MEASURE_FIGURES = ['investmentKrw', 'expectedAnnualSavingsKrw', 'electricityKwhPerYear', 'lngNm3PerYear', 'waterM3PerYear'] as const;
type Figure = (typeof MEASURE_FIGURES)[number];
const KRW_FIGURES: ReadonlySet<Figure> = new Set(['investmentKrw', 'expectedAnnualSavingsKrw']);

export function emptyMeasureForm(): MeasureForm {
  return { title: '', category: '', description: '', investmentKrw: '', expectedAnnualSavingsKrw: '', electricityKwhPerYear: '', lngNm3PerYear: '', waterM3PerYear: '' };
}

export function measureFormFrom(measure: { title: string; category: string; description?: string | null } & Record<Figure, number>): MeasureForm {
  return {
    title: measure.title,
    category: measure.category,
    description: measure.description ?? '',
    ...(Object.fromEntries(MEASURE_FIGURES.map((field) => [field, String(measure[field])])) as Record<Figure, string>),
  };
}

export interface ReadMeasure {
  values: { title: string; category: MeasureCategory; description: string | null } & Record<Figure, number | null>;
  violations: Violation[];
}

/** The form's values as the API takes them, with the same rules the API applies. */
export function readMeasureForm(form: MeasureForm): ReadMeasure {
  const figures = Object.fromEntries(MEASURE_FIGURES.map((field) => [field, numberOrNull(form[field])])) as Record<Figure, number | null>;
  const check = new Validator()
    .text('title', form.title, { required: true, max: LIMITS.shortText })
    .check('category', form.category !== '', 'required', 'category is required')
    .text('description', form.description, { max: LIMITS.longText });
  for (const field of MEASURE_FIGURES) {
    if (KRW_FIGURES.has(field)) check.krw(field, figures[field]);
    else check.quantity(field, figures[field]);
  }
  return {
    values: { title: form.title.trim(), category: form.category as MeasureCategory, description: form.description.trim() || null, ...figures },
    violations: check.violations,
  };
}

/** Payback and tCO2e as the API will compute them (packages/domain), for the figures typed so far. */
export function previewMeasure(form: MeasureForm, factors: Partial<Record<EmissionFactorKind, { value: number } | null>>) {
  const value = (field: Figure) => {
    const number = numberOrNull(form[field]);
    return number !== null && Number.isFinite(number) && number >= 0 ? number : 0;
  };
  return {
    paybackYears: paybackYears(value('investmentKrw'), value('expectedAnnualSavingsKrw')),
    ghgReductionTco2e: ghgReductionTco2e(
      { electricityKwh: value('electricityKwhPerYear'), lngNm3: value('lngNm3PerYear'), waterM3: value('waterM3PerYear') },
      factorsUsed(factors),
    ),
  };
}
