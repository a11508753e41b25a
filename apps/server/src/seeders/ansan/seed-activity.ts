import { ParticipationStatus, TaskStatus } from '@ecohub/domain';
import { AudienceScope } from '../../core/auth/visibility.ts';
import { ActivityEntry } from '../../modules/activity/index.ts';
import type { Person } from '../../modules/people/index.ts';
import type { Program, ProgramYear } from '../../modules/program/index.ts';
import { seoulTime } from './dates.ts';
import type { SeededCompany } from './seed-companies.ts';
import type { SeedContext } from './seed-context.ts';
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
 * each task's creation and completion (so the board's "last activity" and the feed follow the
 * task boards on the year's calendar), and one entry saying the program was imported by the seed.
 */
export function seedActivity(
  { em, importedAt }: SeedContext,
  program: Program,
  programYear: ProgramYear,
  companies: SeededCompany[],
  tasks: SeededTask[],
  manager: Person,
): ActivityEntry[] {
  const entries: ActivityEntry[] = [];
  for (const { task, seeded, expert } of tasks) {
    const { company } = seeded;
    const common = {
      entityType: 'Task',
      entityId: task.id,
      summary: task.title,
      company,
      // As the live service files it: a task under a measure belongs to the measure's year.
      programYear: task.measure ? programYear : null,
      audience: AudienceScope.COMPANIES,
      audienceCompanyIds: [company.id],
    };
    const created = task.createdAt;
    entries.push(em.create(ActivityEntry, { ...common, actor: task.createdBy, action: 'task.created', diff: {}, createdAt: created, updatedAt: created }));
    if (task.completedAt) {
      const done = task.completedAt;
      const diff = { status: { from: TaskStatus.IN_REVIEW, to: TaskStatus.DONE } };
      entries.push(em.create(ActivityEntry, { ...common, actor: expert, action: 'task.moved', diff, createdAt: done, updatedAt: done }));
    }
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
      const at = seoulTime(on, '18:00');
      entries.push(
        em.create(ActivityEntry, {
          actor: manager,
          action: 'participation.transitioned',
          entityType: 'Participation',
          entityId: p.id,
          summary: `${company.nameKo}: ${STAGE_LABELS[from]} → ${STAGE_LABELS[to]}`,
          company,
          programYear,
          diff: { status: { from, to } },
          // A company's history, seen by who sees its work (core/auth/visibility.ts).
          audience: AudienceScope.COMPANIES,
          audienceCompanyIds: [company.id],
          createdAt: at,
          updatedAt: at,
        }),
      );
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
      createdAt: importedAt,
      updatedAt: importedAt,
    }),
  );
  return entries;
}
