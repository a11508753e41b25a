import type { RecordedPayload } from '../../core/realtime/event-types.ts';

/** What a program event's change carries: which change (its history action) and the companies it names. */
export interface EventChangedPayload extends RecordedPayload {
  action: string;
  companyIds?: string[];
}

declare module '../../core/realtime/event-types.ts' {
  interface EventPayloads {
    'event.changed': EventChangedPayload;
  }
}
