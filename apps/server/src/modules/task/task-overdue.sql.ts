import { TaskStatus } from '@ecohub/domain';
import { PROGRAM_TODAY_SQL } from '../../core/calendar.ts';

/** `isOverdue` from @ecohub/domain as SQL over a task alias, for aggregates (the board). */
export function overdueTaskSql(alias: string): string {
  return `(${alias}.due_on < coalesce(${alias}.as_of_on, ${PROGRAM_TODAY_SQL}) and ${alias}.status <> '${TaskStatus.DONE}')`;
}
