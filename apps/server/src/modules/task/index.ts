import { MeasureTasksResolver, TaskResolver } from './task.resolver.ts';

export { Task } from './task.entity.ts';
export { overdueTaskSql } from './task-overdue.sql.ts';
export { TASK_PLAN } from './task.queries.ts';
export { TASK_EVENTS, TaskChange, TaskChangeKind, taskTopic } from './task.topics.ts';

export const taskResolvers = [TaskResolver, MeasureTasksResolver] as const;
