import { DiagnosisKind } from '@ecohub/domain';
import { Diagnosis } from '../../modules/diagnosis/index.ts';
import type { Person } from '../../modules/people/index.ts';
import { addDays, workingDay } from './dates.ts';
import { INDUSTRIES, type AnnualInputs, type IndustryProfile } from './industries.data.ts';
import { SeedRandom } from './random.ts';
import type { SeededCompany } from './seed-companies.ts';
import type { SeedContext } from './seed-context.ts';
import type { SeededTeam } from './seed-teams.ts';

/** Which team's consultants walked through an applicant's plant before the teams had companies. */
const TEAM_FOR_PROFILE: Record<IndustryProfile, number> = {
  plating: 1,
  coating: 1,
  dyeing: 2,
  pcb: 3,
  chemicals: 3,
  heatTreatment: 4,
  machining: 4,
  food: 4,
};

const POTENTIAL = { selected: '높음', notSelected: '중간', withdrawn: '중간' } as const;

/**
 * An initial on-site diagnosis for every applicant (September 2012) and a detailed one for each
 * selected company after its agreement, with the plant's annual inputs and the findings.
 */
export function seedDiagnoses({ em }: SeedContext, companies: SeededCompany[], teams: Map<number, SeededTeam>): Map<SeededCompany, Diagnosis> {
  const random = new SeedRandom('diagnoses');
  const detailed = new Map<SeededCompany, Diagnosis>();
  for (const seeded of companies) {
    const { data, company, participation } = seeded;
    const industry = INDUSTRIES[data.profile];
    const scale = data.employees / industry.referenceEmployees;
    const surveyTeam = teams.get(TEAM_FOR_PROFILE[data.profile]);
    if (!surveyTeam) throw new Error(`no team surveys ${data.profile}`);
    const surveyor: Person = random.pick(surveyTeam.members).person;

    const findings = random.shuffle(industry.initialFindings).slice(0, 2);
    em.create(Diagnosis, {
      participation,
      company,
      kind: DiagnosisKind.INITIAL,
      conductedOn: participation.initiallyDiagnosedOn as string,
      leadExpert: surveyor,
      processesExamined: industry.processes,
      ...inputs(industry.inputs, scale, random, 2),
      findings: `초기 현장진단 결과\n\n${findings.map((line) => `- ${line}`).join('\n')}\n\n청정생산 개선 잠재량: **${POTENTIAL[data.outcome]}**`,
    });

    if (!seeded.team) continue;
    const detailedFindings = random.shuffle(industry.detailedFindings).slice(0, random.int(3, 4));
    detailed.set(
      seeded,
      em.create(Diagnosis, {
        participation,
        company,
        kind: DiagnosisKind.DETAILED,
        conductedOn: workingDay(addDays(participation.activeOn as string, random.int(0, 10))),
        leadExpert: seeded.team.lead,
        processesExamined: `${industry.processes}\n\n공정별 계량 자료(2011.12~2012.11)와 현장 측정으로 확인.`,
        ...inputs(industry.inputs, scale, random, 3),
        findings:
          `## 주요 발견\n\n${detailedFindings.map((line) => `- ${line}`).join('\n')}\n\n` +
          '## 다음 단계\n\n우선순위 개선안을 전문가 팀이 정리해 회사와 협의한다.',
      }),
    );
  }
  return detailed;
}

/** A plant's annual inputs: the industry's figures scaled to its size, rounded to `digits` significant digits. */
function inputs(reference: AnnualInputs, scale: number, random: SeedRandom, digits: number) {
  const value = (base: number) => significant(base * scale * random.between(0.85, 1.15), digits);
  return {
    electricityKwhPerYear: value(reference.electricityKwh),
    lngNm3PerYear: value(reference.lngNm3),
    waterM3PerYear: value(reference.waterM3),
    rawMaterialsTPerYear: value(reference.rawMaterialsT),
    wasteTPerYear: value(reference.wasteT),
    wastewaterM3PerYear: value(reference.wastewaterM3),
  };
}

function significant(value: number, digits: number): number {
  return Number(value.toPrecision(digits));
}
