import type { RecordedPayload } from '../../core/realtime/event-types.ts';

/** A budget change carries only its history entry (the year's lines are read on delivery). */
export type BudgetChangedPayload = RecordedPayload;

declare module '../../core/realtime/event-types.ts' {
  interface EventPayloads {
    'budget.changed': BudgetChangedPayload;
  }
}
