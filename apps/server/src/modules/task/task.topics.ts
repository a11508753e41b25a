import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { TaskStatus } from '@ecohub/domain';
import { SafeInt } from '../../core/graphql/scalars.ts';
import { EventType, type RecordedPayload } from '../../core/realtime/event-types.ts';
import { changeKind, liveTopic, type LiveTopic } from '../../core/realtime/live-topic.ts';
import type { OutboxScope } from '../../core/realtime/outbox-scope.ts';
import { SEQ_DESCRIPTION } from '../../core/realtime/resync.ts';
import { Task } from './task.entity.ts';

/** The task events: a task created, changed (fields, assignees, attachments), moved or archived. */

/** What a task event carries: the status after the change, and what moved or who was (un)assigned. */
export interface TaskEventPayload extends RecordedPayload {
  status: TaskStatus;
  from?: TaskStatus;
  to?: TaskStatus;
  assigneeAdded?: string;
  assigneeRemoved?: string;
  attachmentId?: string;
}

declare module '../../core/realtime/event-types.ts' {
  interface EventPayloads {
    'task.created': TaskEventPayload;
    'task.updated': TaskEventPayload;
    'task.moved': TaskEventPayload;
    'task.deleted': TaskEventPayload;
  }
}

export const TASK_EVENTS = [EventType.TASK_CREATED, EventType.TASK_UPDATED, EventType.TASK_MOVED, EventType.TASK_DELETED] as const;

export const TaskChangeKind = { CREATED: 'CREATED', UPDATED: 'UPDATED', MOVED: 'MOVED', DELETED: 'DELETED' } as const;
export type TaskChangeKind = (typeof TaskChangeKind)[keyof typeof TaskChangeKind];
registerEnumType(TaskChangeKind, { name: 'TaskChangeKind', description: 'DELETED: archived, gone from the board' });

@ObjectType({ description: 'A task was created, changed (fields, assignees), moved on the board or deleted' })
export class TaskChange {
  @Field(() => SafeInt, { description: SEQ_DESCRIPTION })
  seq!: number;

  @Field(() => TaskChangeKind)
  kind!: TaskChangeKind;

  @Field(() => ID)
  taskId!: string;

  @Field(() => ID)
  companyId!: string;

  @Field(() => Task, { nullable: true, description: 'The task as it is now; null once deleted' })
  task!: Task | null;
}

/**
 * Task events within a scope (a company or a program year). The task is loaded once per event
 * for all subscribers, with the assignees clients select populated up front.
 */
export function taskTopic(scope: OutboxScope): LiveTopic<TaskChange> {
  return liveTopic('work', TASK_EVENTS, scope, async (record, records) => {
    const kind = changeKind<TaskChangeKind>(record.type);
    return {
      seq: record.seq,
      kind,
      taskId: record.entityId,
      companyId: record.companyId as string,
      task: kind === TaskChangeKind.DELETED ? null : await records.load(record.seq, 'task', (em) => em.findOne(Task, record.entityId, { populate: ['assignees'] })),
    };
  });
}
