import type { CommittedBatch } from './outbox.ts';

/** Called with the batch another instance committed, or null for "read the outbox" (reconnected, batch too large). */
export type WakeListener = (batch: CommittedBatch | null) => void;

/**
 * How instances tell each other "the outbox has new events", and which. The outbox stays the
 * only source of truth: a batch is delivered only when it follows on from what the dispatcher
 * has delivered, so a lost or duplicated wake costs latency, never an event (the dispatcher's
 * safety poll catches up anyway).
 */
export interface WakeBus {
  /** Starts listening; `onWake(null)` is also called after every (re)connect, to catch up. */
  start(onWake: WakeListener): Promise<void>;
  /** Tells the other instances that this one committed a batch (no-op when commits already notify). */
  announce(batch: CommittedBatch): void;
  /** True while the bus is connected and listening. */
  readonly connected: boolean;
  close(): Promise<void>;
}
