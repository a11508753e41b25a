import { rankBetween, Role, TaskStatus } from '@ecohub/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { companyAudience } from '../../core/auth/audience.ts';
import { applyChanges, inTransaction, type ChangeLog } from '../../core/database/transaction.ts';
import { idempotentCreate } from '../../core/idempotency/idempotency.ts';
import { assertVersion, findRecord } from '../../core/database/records.ts';
import { assertValid, badInput } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { EventType } from '../../core/realtime/event-types.ts';
import type { TaskEventPayload } from './task.topics.ts';
import type { FieldDiff } from '../activity/index.ts';
import { Company } from '../company/company.entity.ts';
import { Measure } from '../measure/index.ts';
import { stampEdit } from '../people/index.ts';
import { NotificationKind, notify } from '../notification/index.ts';
import type { CreateTaskInput, UpdateTaskInput } from './task.inputs.ts';
import { Task } from './task.entity.ts';
import { lastRank, lockBoard } from './task-rank.ts';
import { taskFieldViolations } from './task.validation.ts';

/** Who may be assigned: the company's own staff and the experts of its team. */
const ASSIGNABLE_ROLES: readonly Role[] = [Role.COMPANY_STAFF, Role.EXPERT];

export async function createTask(ctx: UnitOfWork, input: CreateTaskInput): Promise<Task> {
  assertValid(taskFieldViolations(input));
  return inTransaction(
    ctx,
    async (em, changes) => {
      const company = await findRecord(em, Company, input.companyId, 'Company');
      const viewer = await ctx.access.assertCanWrite('work.write', company.id, 'Company', company.id);
      const measure = input.measureId ? await measureOfCompany(em, input.companyId, input.measureId) : null;
      const assigneeIds = await assignable(em, input.companyId, input.assigneeIds ?? []);
      const status = input.status ?? TaskStatus.TODO;
      await lockBoard(em, input.companyId);
      const task = em.create(Task, {
        company: input.companyId,
        measure,
        title: input.title.trim(),
        description: input.description ?? null,
        status,
        priority: input.priority ?? undefined,
        dueOn: input.dueOn ?? null,
        rank: rankBetween(await lastRank(em, { companyId: input.companyId, status }), null),
        createdBy: viewer.personId,
        completedAt: status === TaskStatus.DONE ? new Date() : null,
        assignees: assigneeIds,
      });
      recordTask(changes, task, 'task.created', EventType.TASK_CREATED, {}, { status });
      notify(em, changes, {
        kind: NotificationKind.Assignment,
        recipientIds: assigneeIds,
        actorId: viewer.personId,
        companyId: input.companyId,
        taskId: task.id,
      });
      return task;
    },
    idempotentCreate(Task, 'createTask', input.idempotencyKey),
  );
}

export async function updateTask(ctx: UnitOfWork, input: UpdateTaskInput): Promise<Task> {
  assertValid(taskFieldViolations(input));
  return inTransaction(ctx, async (em, changes) => {
    const task = await taskForWrite(ctx, em, input.id, input.version, 'work.write');
    const companyId = task.company.id;
    let measure: Measure | null | undefined = undefined;
    if (input.measureId !== undefined) measure = input.measureId === null ? null : await measureOfCompany(em, companyId, input.measureId);
    const diff = applyChanges(task, {
      title: input.title?.trim(),
      description: input.description,
      priority: input.priority ?? undefined,
      dueOn: input.dueOn,
      measure: measure === undefined ? undefined : measure && em.getReference(Measure, measure.id, { wrapped: true }),
    } as Partial<Task>);
    // Nothing changed: no version, no history entry, no event.
    if (Object.keys(diff).length > 0) recordTask(changes, task, 'task.updated', EventType.TASK_UPDATED, diff);
    return task;
  });
}

export async function archiveTask(ctx: UnitOfWork, id: string, version: number): Promise<Task> {
  return inTransaction(ctx, async (em, changes) => {
    const task = await taskForWrite(ctx, em, id, version, 'work.write');
    const diff = applyChanges(task, { archivedAt: new Date() });
    recordTask(changes, task, 'task.archived', EventType.TASK_DELETED, diff);
    return task;
  });
}

/**
 * A task this viewer may change with `action`, at the version the client edited. Other
 * tenants' tasks are NOT_FOUND; archived ones can no longer change.
 */
export async function taskForWrite(
  ctx: UnitOfWork,
  em: EntityManager,
  id: string,
  version: number | null,
  action: 'work.write' | 'task.changeStatus',
): Promise<Task> {
  const task = await findRecord(em, Task, id, 'Task', { populate: ['measure.participation'] });
  await ctx.access.assertCanWrite(action, task.company.id, 'Task', id);
  if (task.archivedAt) throw badInput('This task is archived and can no longer change');
  if (version !== null) assertVersion('Task', task, version);
  return task;
}

/** Writes the history entry and the event of a task change (with the program year when known), and stamps its editor. */
export function recordTask(
  changes: ChangeLog,
  task: Task,
  action: string,
  type: EventType,
  diff: FieldDiff,
  payload: Partial<TaskEventPayload> = {},
): void {
  const companyId = task.company.id;
  const programYearId = programYearOf(task);
  stampEdit(task, changes);
  changes.record(
    { action, entityType: 'Task', entityId: task.id, summary: task.title, companyId, programYearId, diff },
    { type, companyId, programYearId, taskId: task.id, payload: { status: task.status, ...payload } },
  );
}

/** A task under a measure belongs to that measure's program year; others to none in particular. */
function programYearOf(task: Task): string | null {
  const measure = task.measure?.getEntity();
  return measure ? measure.participation.getEntity().programYear.id : null;
}

export async function measureOfCompany(em: EntityManager, companyId: string, measureId: string): Promise<Measure> {
  const measure = isUuid(measureId)
    ? await em.findOne(Measure, { id: measureId, company: companyId, archivedAt: null }, { populate: ['participation'] })
    : null;
  if (!measure) {
    throw badInput('The measure is not an open measure of this company', [
      { field: 'measureId', rule: 'notOfCompany', message: 'the measure is not an open measure of this company' },
    ]);
  }
  return measure;
}

/** The ids among `personIds` who may be assigned work of this company; anyone else is an input error. */
export async function assignable(em: EntityManager, companyId: string, personIds: readonly string[]): Promise<string[]> {
  if (personIds.length === 0) return [];
  const members = (await companyAudience(em, companyId, personIds)).filter((m) => ASSIGNABLE_ROLES.includes(m.role));
  const ok = new Set(members.map((m) => m.id));
  const rejected = [...new Set(personIds)].filter((id) => !ok.has(id));
  if (rejected.length > 0) {
    const message = `Only the company's staff or experts of its team can be assigned (not ${rejected.join(', ')})`;
    throw badInput(message, [{ field: 'assigneeIds', rule: 'notInAudience', message }]);
  }
  return [...ok];
}
