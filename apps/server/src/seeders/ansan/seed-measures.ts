import { MeasureCategory, MeasureStatus, ScreeningClass, Specialty, paybackYears } from '@ecohub/domain';
import type { Diagnosis } from '../../modules/diagnosis/index.ts';
import { Measure } from '../../modules/measure/index.ts';
import type { Person } from '../../modules/people/index.ts';
import { addDays, clock, seoulTime, workingDay } from './dates.ts';
import { INDUSTRIES } from './industries.data.ts';
import { MEASURE_TEMPLATES, UNIT_PRICES, type MeasureTemplate } from './measures.data.ts';
import { SeedRandom } from './random.ts';
import type { SeededCompany } from './seed-companies.ts';
import type { SeedContext } from './seed-context.ts';
import type { FactorSet } from './seed-emission-factors.ts';
import type { SeededTeam } from './seed-teams.ts';

export interface SeededMeasure {
  measure: Measure;
  seeded: SeededCompany;
  owner: Person;
}

const S = MeasureStatus;

/** Mid-year mix: most measures are under way, some already verified, a few dropped. */
const STATUS_WEIGHTS = [
  [S.PROPOSED, 17],
  [S.APPROVED, 15],
  [S.IN_PROGRESS, 25],
  [S.IMPLEMENTED, 20],
  [S.VERIFIED, 15],
  [S.DROPPED, 8],
] as const;

/** The demo company shows every status. */
const DEMO_STATUSES = [S.VERIFIED, S.IMPLEMENTED, S.IN_PROGRESS, S.APPROVED, S.PROPOSED, S.DROPPED, S.IN_PROGRESS, S.IMPLEMENTED];

/** The specialty that usually owns a measure of each category. */
const OWNER_SPECIALTY: Record<MeasureCategory, Specialty[]> = {
  RAW_MATERIAL_SUBSTITUTION: [Specialty.CHEMICALS, Specialty.PROCESS],
  OPERATING_CONDITIONS: [Specialty.ENERGY, Specialty.PROCESS],
  PROCESS_CHANGE: [Specialty.PROCESS, Specialty.ENERGY],
  ECO_FRIENDLY_PRODUCT: [Specialty.CHEMICALS, Specialty.MANAGEMENT],
  ON_SITE_REUSE: [Specialty.WASTEWATER, Specialty.CHEMICALS],
  GREEN_MANAGEMENT: [Specialty.MANAGEMENT, Specialty.ENERGY],
};

const FOLLOW_UP_NOTES = [
  '개선 후 3개월 사용량 확인 결과 예상 절감량 수준 유지. 운전 기준서대로 관리 중.',
  '계량기 기준 절감 효과 확인. 작업자 교대 시 운전 기준 교육을 계속하기로 함.',
  '절감량이 예상보다 약간 적으나 생산량 증가를 감안하면 원단위 기준 목표 달성.',
  '설비 정상 운전 확인. 다음 점검은 연말 에너지 진단 때 함께 실시.',
];

/**
 * 4–8 measures per selected company drawn from its industry's options, spread over the
 * categories first. Implemented ones carry dates and (when verified) a follow-up check; open
 * follow-ups are dated relative to today so the follow-up list has something due.
 */
export function seedMeasures(
  { em, today }: SeedContext,
  companies: SeededCompany[],
  detailedDiagnoses: Map<SeededCompany, Diagnosis>,
  factors: FactorSet,
): SeededMeasure[] {
  const random = new SeedRandom('measures');
  const seededMeasures: SeededMeasure[] = [];
  for (const seeded of companies) {
    const { team, isDemo } = seeded;
    const diagnosis = detailedDiagnoses.get(seeded);
    if (!team || !diagnosis) continue;
    const templates = chooseTemplates(MEASURE_TEMPLATES[seeded.data.profile], isDemo ? 8 : random.int(4, 8), random);
    const scale = Math.min(2, Math.max(0.5, seeded.data.employees / INDUSTRIES[seeded.data.profile].referenceEmployees));

    templates.forEach((template, index) => {
      const status = isDemo ? (DEMO_STATUSES[index] as MeasureStatus) : random.weighted(STATUS_WEIGHTS);
      const effects = priceEffects(template, scale, random);
      const proposedOn = addDays(diagnosis.conductedOn, random.int(7, 21));
      const createdAt = seoulTime(proposedOn, clock(random.int(9, 17), random.pick([0, 15, 30, 45])));
      const measureOwner = owner(team, template.category, random);
      const progress = implementation(status, proposedOn, effects.expectedAnnualSavingsKrw, today, random);
      const lastChangedOn = progress.followUpCheckedOn ?? progress.implementedOn;
      seededMeasures.push({
        seeded,
        owner: measureOwner,
        measure: em.create(Measure, {
          createdAt,
          updatedAt: lastChangedOn ? seoulTime(lastChangedOn, '17:00') : createdAt,
          participation: seeded.participation,
          company: seeded.company,
          category: template.category,
          title: template.title,
          description: template.description,
          status,
          owner: measureOwner,
          ...effects,
          ...feasibility(status, effects.investmentKrw, effects.expectedAnnualSavingsKrw, random),
          ...progress,
          electricityFactor: factors.ELECTRICITY,
          lngFactor: factors.LNG,
          waterFactor: factors.WATER,
        }),
      });
    });
  }
  return seededMeasures;
}

/** One option per category first (in random order), then more from what is left. */
function chooseTemplates(options: MeasureTemplate[], count: number, random: SeedRandom): MeasureTemplate[] {
  const shuffled = random.shuffle(options);
  const firsts: MeasureTemplate[] = [];
  const rest: MeasureTemplate[] = [];
  for (const option of shuffled) (firsts.some((t) => t.category === option.category) ? rest : firsts).push(option);
  return [...firsts, ...rest].slice(0, count);
}

function owner(team: SeededTeam, category: MeasureCategory, random: SeedRandom): Person {
  const fitting = team.members.filter((m) => OWNER_SPECIALTY[category].includes(m.specialty));
  return (fitting.length > 0 ? random.pick(fitting) : random.pick(team.members)).person;
}

/** The option's reductions scaled to the plant, and the savings they are worth at 2012 prices. */
function priceEffects(template: MeasureTemplate, scale: number, random: SeedRandom) {
  const amount = (range: readonly [number, number] | undefined, digits: number) =>
    range ? Number((random.between(range[0], range[1]) * scale).toFixed(digits)) : 0;
  const electricityKwhPerYear = Math.round(amount(template.electricityKwh, 0) / 100) * 100;
  const lngNm3PerYear = Math.round(amount(template.lngNm3, 0) / 100) * 100;
  const waterM3PerYear = Math.round(amount(template.waterM3, 0) / 10) * 10;
  const wasteTPerYear = amount(template.wasteT, 1);
  const rawMaterialsTPerYear = amount(template.rawMaterialsT, 1);
  const other = template.otherSavingsKrw ? random.between(template.otherSavingsKrw[0], template.otherSavingsKrw[1]) * Math.sqrt(scale) : 0;
  const savings =
    electricityKwhPerYear * UNIT_PRICES.electricityPerKwh +
    lngNm3PerYear * UNIT_PRICES.lngPerNm3 +
    waterM3PerYear * UNIT_PRICES.waterPerM3 +
    wasteTPerYear * UNIT_PRICES.wastePerT +
    rawMaterialsTPerYear * (template.rawMaterialPricePerT ?? 0) +
    other;
  const investment = random.between(template.investmentKrw[0], template.investmentKrw[1]) * Math.sqrt(scale);
  return {
    investmentKrw: Math.round(investment / 100_000) * 100_000,
    expectedAnnualSavingsKrw: Math.round(savings / 10_000) * 10_000,
    electricityKwhPerYear,
    lngNm3PerYear,
    waterM3PerYear,
    wasteTPerYear,
    rawMaterialsTPerYear,
    productivityGainPct: template.productivityGainPct
      ? Number(random.between(template.productivityGainPct[0], template.productivityGainPct[1]).toFixed(1))
      : null,
  };
}

/** UNEP-style screening: scores 1–5 and the resulting class. */
function feasibility(status: MeasureStatus, investment: number, savings: number, random: SeedRandom) {
  const payback = paybackYears(investment, savings) ?? 99;
  const economic = payback < 1 ? 5 : payback < 2 ? 4 : payback < 3 ? 3 : payback < 5 ? 2 : 1;
  if (status === S.DROPPED) {
    return {
      technicalFeasibility: random.int(2, 3),
      economicFeasibility: Math.min(economic, 2),
      environmentalFeasibility: random.int(3, 4),
      screeningClass: ScreeningClass.REJECTED,
    };
  }
  const technical = random.int(3, 5);
  const needsStudy = status === S.PROPOSED && (investment > 30_000_000 || technical === 3);
  return {
    technicalFeasibility: technical,
    economicFeasibility: economic,
    environmentalFeasibility: random.int(3, 5),
    screeningClass: needsStudy ? ScreeningClass.NEEDS_FURTHER_STUDY : ScreeningClass.DIRECTLY_IMPLEMENTABLE,
  };
}

function implementation(status: MeasureStatus, proposedOn: string, expectedSavings: number, today: string, random: SeedRandom) {
  if (status === S.VERIFIED) {
    const implementedOn = workingDay(addDays(proposedOn, random.int(45, 80)));
    const followUpDueOn = addDays(implementedOn, 90);
    return {
      implementedOn,
      followUpDueOn,
      followUpCheckedOn: workingDay(addDays(followUpDueOn, random.int(-5, 5))),
      followUpNote: random.pick(FOLLOW_UP_NOTES),
      verifiedAnnualSavingsKrw: Math.round((expectedSavings * random.between(0.85, 1.12)) / 10_000) * 10_000,
    };
  }
  if (status === S.IMPLEMENTED) {
    return {
      implementedOn: workingDay(addDays(proposedOn, random.int(70, 150))),
      followUpDueOn: addDays(today, random.int(-10, 45)),
      verifiedAnnualSavingsKrw: Math.round((expectedSavings * random.between(0.8, 1.05)) / 10_000) * 10_000,
    };
  }
  return {};
}
