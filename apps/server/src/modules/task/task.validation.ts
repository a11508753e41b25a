import { LIMITS, Validator, type Violation } from '@ecohub/domain';

/** Rules on a task's editable fields; only fields present in the input are checked. */
export function taskFieldViolations(input: {
  title?: string | null;
  description?: string | null;
  dueOn?: string | null;
  assigneeIds?: readonly string[] | null;
}): Violation[] {
  const v = new Validator()
    .check('title', input.title !== null, 'required', 'title cannot be cleared')
    .text('title', input.title, { min: 1, max: LIMITS.shortText })
    .text('description', input.description, { max: LIMITS.longText })
    .date('dueOn', input.dueOn);
  if (input.assigneeIds) v.check('assigneeIds', input.assigneeIds.length <= 20, 'tooMany', 'at most 20 assignees');
  return v.violations;
}
