import { sqlUuidArray } from '../auth/access.ts';
import type { EventType } from './event-types.ts';
import type { OutboxRecord } from './outbox-store.ts';

/** The outbox columns a scope may test, and the record field each one is read into. */
const COLUMNS = {
  type: 'type',
  entity_id: 'entityId',
  company_id: 'companyId',
  program_year_id: 'programYearId',
  task_id: 'taskId',
  recipient_id: 'recipientId',
} as const satisfies Record<string, keyof OutboxRecord>;
export type OutboxColumn = keyof typeof COLUMNS;

/**
 * Which outbox events a subscription selects, written ONCE as data. The replay reads it as SQL
 * (`scopeSql`) and live delivery as a predicate (`scopeMatches`): both are interpretations of the
 * same tree, so they cannot drift apart (scope.test.ts checks them against each other on random
 * records). There is deliberately no negation: SQL's NULL then behaves exactly like "no match".
 */
export type Condition =
  | { op: 'always' }
  | { op: 'eq'; column: OutboxColumn; value: string }
  | { op: 'isNull'; column: OutboxColumn }
  /** One of a set of values; the set may grow while the subscription runs (see `OutboxScope.observe`). */
  | { op: 'oneOf'; column: OutboxColumn; values: ReadonlySet<string> }
  | { op: 'and' | 'or'; of: readonly Condition[] };

export const always: Condition = { op: 'always' };
export const eq = (column: OutboxColumn, value: string): Condition => ({ op: 'eq', column, value });
export const isNull = (column: OutboxColumn): Condition => ({ op: 'isNull', column });
export const oneOf = (column: OutboxColumn, values: ReadonlySet<string>): Condition => ({ op: 'oneOf', column, values });
export const and = (...of: Condition[]): Condition => ({ op: 'and', of });
export const or = (...of: Condition[]): Condition => ({ op: 'or', of });
export const ofTypes = (types: readonly EventType[]): Condition => oneOf('type', new Set(types));

/**
 * A subscription's scope: its condition, and for scopes that follow the data (a program year
 * gains the companies that join it) how they prepare and what they learn from each event.
 */
export interface OutboxScope {
  condition: Condition;
  /** Loads what the condition starts from; run after the subscription listens, before replay. */
  prepare?(): Promise<void>;
  /** Sees every live event in order, before matching (a program year notes companies joining). */
  observe?(record: OutboxRecord): void;
  /**
   * The one company the subscription was opened for (its visibility checked at subscribe). When
   * access changes and the viewer no longer sees it, the subscription ends (`Realtime.confine`).
   */
  company?: string;
}

/** The live interpretation. */
export function scopeMatches(condition: Condition, record: OutboxRecord): boolean {
  switch (condition.op) {
    case 'always':
      return true;
    case 'eq':
      return record[COLUMNS[condition.column]] === condition.value;
    case 'isNull':
      return record[COLUMNS[condition.column]] === null;
    case 'oneOf': {
      const value = record[COLUMNS[condition.column]];
      return typeof value === 'string' && condition.values.has(value);
    }
    case 'and':
      return condition.of.every((part) => scopeMatches(part, record));
    case 'or':
      return condition.of.some((part) => scopeMatches(part, record));
  }
}

const EVENT_TYPE = /^[a-z][a-z0-9_.]*$/;

/** The replay interpretation: a condition on `outbox_event` with `?` parameters. */
export function scopeSql(condition: Condition): { sql: string; params: unknown[] } {
  switch (condition.op) {
    case 'always':
      return { sql: 'true', params: [] };
    case 'eq':
      return { sql: `${condition.column} = ?`, params: [condition.value] };
    case 'isNull':
      return { sql: `${condition.column} is null`, params: [] };
    case 'oneOf': {
      const values = [...condition.values];
      if (condition.column !== 'type') return { sql: `${condition.column} = any(?::uuid[])`, params: [sqlUuidArray(values)] };
      for (const value of values) if (!EVENT_TYPE.test(value)) throw new Error(`not an event type: ${value}`);
      return { sql: 'type = any(?::text[])', params: [`{${values.join(',')}}`] };
    }
    case 'and':
    case 'or': {
      if (condition.of.length === 0) return { sql: condition.op === 'and' ? 'true' : 'false', params: [] };
      const parts = condition.of.map(scopeSql);
      return { sql: `(${parts.map((part) => part.sql).join(` ${condition.op} `)})`, params: parts.flatMap((part) => part.params) };
    }
  }
}
