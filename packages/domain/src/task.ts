import type { StatusMachine } from './status-machine.ts';

export const TaskStatus = {
  TODO: 'TODO',
  IN_PROGRESS: 'IN_PROGRESS',
  IN_REVIEW: 'IN_REVIEW',
  DONE: 'DONE',
  BLOCKED: 'BLOCKED',
} as const;
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus];
export const TASK_STATUSES = Object.values(TaskStatus);

/** A board lets a task move between any two columns; reopening a done task is allowed too. */
const T = TaskStatus;
export const taskMachine: StatusMachine<TaskStatus> = {
  TODO: [T.IN_PROGRESS, T.IN_REVIEW, T.DONE, T.BLOCKED],
  IN_PROGRESS: [T.TODO, T.IN_REVIEW, T.DONE, T.BLOCKED],
  IN_REVIEW: [T.TODO, T.IN_PROGRESS, T.DONE, T.BLOCKED],
  DONE: [T.TODO, T.IN_PROGRESS, T.IN_REVIEW],
  BLOCKED: [T.TODO, T.IN_PROGRESS, T.IN_REVIEW],
};

export const TaskPriority = {
  LOW: 'LOW',
  MEDIUM: 'MEDIUM',
  HIGH: 'HIGH',
  URGENT: 'URGENT',
} as const;
export type TaskPriority = (typeof TaskPriority)[keyof typeof TaskPriority];
export const TASK_PRIORITIES = Object.values(TaskPriority);

/**
 * The day a task's due marks are read on: `today` for live work, the recorded day for a task
 * kept as of a past day (`asOfOn`: a replayed program year such as the demo's 2012–13).
 */
export function dueReferenceDay(task: { asOfOn?: string | null }, today: string): string {
  return task.asOfOn ?? today;
}

/** A task is overdue when its due date has passed (on its reference day) and it is not done. */
export function isOverdue(task: { status: TaskStatus; dueOn: string | null; asOfOn?: string | null }, today: string): boolean {
  return task.dueOn !== null && task.status !== T.DONE && task.dueOn < dueReferenceDay(task, today);
}
