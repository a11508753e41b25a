import type { FieldDiff } from './activity-entry.entity.ts';

/** The diff of a newly created record: every given field, from nothing to its first value. */
export function creationDiff(values: Record<string, unknown>): FieldDiff {
  const diff: FieldDiff = {};
  for (const [field, to] of Object.entries(values)) {
    if (to === undefined || to === null) continue;
    diff[field] = { from: null, to: to instanceof Date ? to.toISOString() : to };
  }
  return diff;
}
