import { MeasureTasksResolver, TaskResolver } from './task.resolver.ts';

export { Task } from './task.entity.ts';
export { overdueTaskSql } from './task-overdue.sql.ts';

export const taskResolvers = [TaskResolver, MeasureTasksResolver] as const;
