/**
 * How instances tell each other "the outbox has new events". A wake carries no data: the outbox
 * is the only source of events, so a lost or duplicated wake costs latency, never an event
 * (the dispatcher's safety poll catches up anyway).
 */
export interface WakeBus {
  /** Starts listening; `onWake` is also called after every (re)connect, to catch up. */
  start(onWake: () => void): Promise<void>;
  /** Tells the other instances that this one committed events (no-op when commits already notify). */
  announce(): void;
  /** True while the bus is connected and listening. */
  readonly connected: boolean;
  close(): Promise<void>;
}
