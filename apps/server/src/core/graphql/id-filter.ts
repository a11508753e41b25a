import { badInput } from '../errors.ts';
import { isUuid } from '../ids.ts';

/**
 * Filters name records by id; a malformed one is the client's mistake (BAD_USER_INPUT), not a
 * PostgreSQL uuid syntax error surfacing as a server error.
 */
export function assertFilterIds<T extends object>(filter: T | null | undefined, fields: readonly (keyof T & string)[]): void {
  if (!filter) return;
  const bad = fields.filter((field) => {
    const value = filter[field];
    return typeof value === 'string' && !isUuid(value);
  });
  if (bad.length > 0) {
    throw badInput(
      `Not a valid id: ${bad.join(', ')}`,
      bad.map((field) => ({ field, rule: 'invalidId', message: `${field} is not a valid id` })),
    );
  }
}
