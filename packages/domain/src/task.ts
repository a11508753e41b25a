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

/** A task is overdue when its due date has passed and it is not done. */
export function isOverdue(task: { status: TaskStatus; dueOn: string | null }, today: string): boolean {
  return task.dueOn !== null && task.status !== T.DONE && task.dueOn < today;
}
