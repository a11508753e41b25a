import { MeasureStatus, ParticipationStatus, TaskStatus } from '@ecohub/domain';
import { AudienceScope } from '../../core/auth/visibility.ts';
import { ActivityEntry, type FieldDiff } from '../../modules/activity/index.ts';
import type { Person } from '../../modules/people/index.ts';
import type { Program, ProgramYear } from '../../modules/program/index.ts';
import { seoulTime } from './dates.ts';
import type { SeededCompany } from './seed-companies.ts';
import type { SeedContext } from './seed-context.ts';
import type { SeededMeasure } from './seed-measures.ts';
import type { SeededTask } from './seed-tasks.ts';

const STAGE_LABELS: Record<ParticipationStatus, string> = {
  APPLIED: '참여 신청',
  INITIALLY_DIAGNOSED: '초기진단 완료',
  SELECTED: '선정',
  NOT_SELECTED: '미선정',
  AGREEMENT_SIGNED: '협약 체결',
  ACTIVE: '사업 수행',
  COMPLETED: '완료',
  WITHDRAWN: '참여 철회',
};

/**
 * The history of each participation's path (recorded by the program manager on the day), of
 * each task created and done and each measure implemented (on the day the seed says, so the board's monthly
 * trend tells the year), and one entry saying the program was imported by the seed.
 */
export function seedActivity(
  { em, importedAt }: SeedContext,
  program: Program,
  programYear: ProgramYear,
  companies: SeededCompany[],
  manager: Person,
  work: { tasks: readonly SeededTask[]; measures: readonly SeededMeasure[] } = { tasks: [], measures: [] },
): ActivityEntry[] {
  const entries: ActivityEntry[] = [];
  /** One entry of a company's history, seen by who sees its work (core/auth/visibility.ts). */
  const record = (company: SeededCompany['company'], at: Date, entry: { actor: Person; action: string; entityType: string; entityId: string; summary: string; diff: FieldDiff }) =>
    entries.push(
      em.create(ActivityEntry, { ...entry, company, programYear, audience: AudienceScope.COMPANIES, audienceCompanyIds: [company.id], createdAt: at, updatedAt: at }),
    );
  for (const { task, expert, seeded } of work.tasks) {
    // Each card's creation too: open cards were planned in the weeks before the seeded "today",
    // so the board's last activity follows the task boards rather than last spring's completions.
    const creator = task.createdBy?.getEntity() ?? expert;
    record(seeded.company, task.createdAt, { actor: creator, action: 'task.created', entityType: 'Task', entityId: task.id, summary: task.title, diff: {} });
    if (!task.completedAt) continue;
    const diff = { status: { from: TaskStatus.IN_REVIEW, to: TaskStatus.DONE } };
    record(seeded.company, task.completedAt, { actor: expert, action: 'task.moved', entityType: 'Task', entityId: task.id, summary: task.title, diff });
  }
  for (const { measure, owner, seeded } of work.measures) {
    if (!measure.implementedOn) continue;
    const diff = { status: { from: MeasureStatus.IN_PROGRESS, to: MeasureStatus.IMPLEMENTED } };
    const at = seoulTime(measure.implementedOn, '17:00');
    record(seeded.company, at, { actor: owner, action: 'measure.transitioned', entityType: 'Measure', entityId: measure.id, summary: measure.title, diff });
  }
  for (const { company, participation: p } of companies) {
    const path: [ParticipationStatus, string | null][] = [
      [ParticipationStatus.INITIALLY_DIAGNOSED, p.initiallyDiagnosedOn],
      [ParticipationStatus.SELECTED, p.selectedOn],
      [ParticipationStatus.NOT_SELECTED, p.notSelectedOn],
      [ParticipationStatus.AGREEMENT_SIGNED, p.agreementSignedOn],
      [ParticipationStatus.ACTIVE, p.activeOn],
      [ParticipationStatus.WITHDRAWN, p.withdrawnOn],
    ];
    let from: ParticipationStatus = ParticipationStatus.APPLIED;
    for (const [to, on] of path) {
      if (on === null) continue;
      record(company, seoulTime(on, '18:00'), {
        actor: manager,
        action: 'participation.transitioned',
        entityType: 'Participation',
        entityId: p.id,
        summary: `${company.nameKo}: ${STAGE_LABELS[from]} → ${STAGE_LABELS[to]}`,
        diff: { status: { from, to } },
      });
      from = to;
    }
  }
  entries.push(
    em.create(ActivityEntry, {
      action: 'seed.imported',
      entityType: 'Program',
      entityId: program.id,
      summary: `${program.nameKo} 데모 데이터 생성`,
      programYear,
      // The import itself is a fact of the hub, dated when it happened (the year's records are not).
      createdAt: importedAt,
      updatedAt: importedAt,
    }),
  );
  return entries;
}
