import { inTransaction } from '../../core/database/transaction.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { EventType } from '../../core/realtime/event-types.ts';
import { NotificationKind, notify } from '../notification/index.ts';
import { Person } from '../people/person.entity.ts';
import type { Task } from './task.entity.ts';
import { assignable, recordTask, taskForWrite } from './task.service.ts';

/**
 * Adding or removing an assignee is a set operation that cannot overwrite anyone's edit, so it
 * takes no version; assigning someone already assigned changes nothing and notifies nobody.
 */
export async function assignTask(ctx: UnitOfWork, taskId: string, personId: string): Promise<Task> {
  return inTransaction(ctx, async (em, changes) => {
    const task = await taskForWrite(ctx, em, taskId, null, 'work.write');
    const [id] = await assignable(em, task.company.id, [personId]);
    await task.assignees.init();
    if (task.assignees.getItems().some((person) => person.id === id)) return task;
    task.assignees.add(em.getReference(Person, id as string));
    recordTask(changes, task, 'task.assigned', EventType.TASK_UPDATED, { assignees: { from: null, to: id } }, { assigneeAdded: id });
    notify(em, changes, {
      kind: NotificationKind.Assignment,
      recipientIds: [id as string],
      actorId: ctx.viewer?.personId ?? null,
      companyId: task.company.id,
      taskId: task.id,
    });
    return task;
  });
}

export async function unassignTask(ctx: UnitOfWork, taskId: string, personId: string): Promise<Task> {
  return inTransaction(ctx, async (em, changes) => {
    const task = await taskForWrite(ctx, em, taskId, null, 'work.write');
    await task.assignees.init();
    const person = task.assignees.getItems().find((p) => p.id === personId);
    if (!person) return task;
    task.assignees.remove(person);
    recordTask(changes, task, 'task.unassigned', EventType.TASK_UPDATED, { assignees: { from: personId, to: null } }, { assigneeRemoved: personId });
    return task;
  });
}
