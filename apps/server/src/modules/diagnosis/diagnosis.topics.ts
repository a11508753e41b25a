import type { RecordedPayload } from '../../core/realtime/event-types.ts';

/** What a diagnosis event carries: the file attached to it, when that was the change. */
export interface DiagnosisEventPayload extends RecordedPayload {
  attachmentId?: string;
}

declare module '../../core/realtime/event-types.ts' {
  interface EventPayloads {
    'diagnosis.changed': DiagnosisEventPayload;
  }
}
