import { allowedNext, canTransition, Role, taskMachine, TaskStatus } from '@ecohub/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { applyChanges, inTransaction } from '../../core/database/transaction.ts';
import { badInput, forbidden } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { EventType } from '../../core/realtime/event-types.ts';
import type { MoveTaskArgs } from './task.inputs.ts';
import { Task } from './task.entity.ts';
import { lastRank, lockBoard, neighbourRank, rankBetweenOrNull, rebalanceColumn, REBALANCE_LENGTH } from './task-rank.ts';
import { recordTask, taskForWrite } from './task.service.ts';

/**
 * Moves a card to a column (status) and a place in it. The new rank lies between its new
 * neighbours, so one row changes; the column is rewritten only when ranks grow long or two
 * neighbours share a rank. Company staff may move only cards assigned to them.
 */
export async function moveTask(ctx: UnitOfWork, args: MoveTaskArgs): Promise<Task> {
  if (args.afterId && args.afterId === args.beforeId) throw neighbourError('afterId and beforeId must be different cards');
  return inTransaction(ctx, async (em, changes) => {
    const task = await taskForWrite(ctx, em, args.id, args.version, 'task.changeStatus');
    const viewer = ctx.access.requireViewer();
    if (viewer.role === Role.COMPANY_STAFF) {
      await task.assignees.init();
      if (!task.assignees.getItems().some((person) => person.id === viewer.personId)) {
        throw forbidden('Company staff may move only the tasks assigned to them');
      }
    }
    const from = task.status;
    if (from !== args.status && !canTransition(taskMachine, from, args.status)) {
      const message = `A ${from} task cannot move to ${args.status}; allowed: ${allowedNext(taskMachine, from).join(', ')}`;
      throw badInput(message, [{ field: 'status', rule: 'illegalTransition', message }]);
    }
    await lockBoard(em, task.company.id);
    const rank = await newRank(em, task, args);
    const diff = applyChanges(task, {
      status: args.status,
      rank,
      completedAt: args.status === TaskStatus.DONE ? (task.completedAt ?? new Date()) : null,
    });
    recordTask(changes, task, 'task.moved', EventType.TASK_MOVED, diff, { from, to: args.status });
    return task;
  });
}

async function newRank(em: EntityManager, task: Task, args: MoveTaskArgs): Promise<string> {
  const column = { companyId: task.company.id, status: args.status, excludeId: task.id };
  const after = args.afterId ? await neighbour(em, task, args, args.afterId, 'afterId') : null;
  const before = args.beforeId ? await neighbour(em, task, args, args.beforeId, 'beforeId') : null;
  let lo: string | null;
  let hi: string | null;
  if (after && before) {
    if (after.rank > before.rank) throw neighbourError('afterId must be above beforeId in the column');
    [lo, hi] = [after.rank, before.rank];
  } else if (after) {
    [lo, hi] = [after.rank, await neighbourRank(em, column, after.rank, 'next')];
  } else if (before) {
    [lo, hi] = [await neighbourRank(em, column, before.rank, 'previous'), before.rank];
  } else {
    [lo, hi] = [await lastRank(em, column), null];
  }
  const rank = rankBetweenOrNull(lo, hi);
  if (rank !== null && rank.length <= REBALANCE_LENGTH) return rank;
  return rebalanceColumn(em, column, { afterId: after?.id, beforeId: before?.id });
}

/** A neighbour must be another live card of the same company in the target column. */
async function neighbour(em: EntityManager, task: Task, args: MoveTaskArgs, id: string, field: string): Promise<Task> {
  if (id === task.id) throw neighbourError(`${field} cannot be the moved task itself`, field);
  const found = isUuid(id) ? await em.findOne(Task, { id, company: task.company.id, status: args.status, archivedAt: null }) : null;
  if (!found) throw neighbourError(`${field} is not a card in the ${args.status} column of this company`, field);
  return found;
}

function neighbourError(message: string, field = 'afterId') {
  return badInput(message, [{ field, rule: 'invalidNeighbour', message }]);
}
