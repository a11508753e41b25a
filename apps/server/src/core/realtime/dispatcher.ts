import type { Logger } from '../logger.ts';
import { backoffMs } from './backoff.ts';
import type { CommittedBatch } from './outbox.ts';
import type { OutboxRecord, OutboxStore } from './outbox-store.ts';

/** Receives every committed event once, in order. Must not block: queue and return. */
export type OutboxListener = (record: OutboxRecord) => void;

export interface DispatcherOptions {
  /** Rows read per query while catching up. */
  batchSize?: number;
  /** Reads even without a wake, in case one was lost (bus down, missed notification). */
  safetyPollMs?: number;
  /** Called for each event before any listener sees it (e.g. to drop cached rights). */
  beforeDeliver?: OutboxListener;
}

/**
 * One per instance: tails the outbox by position and hands each event to the live subscriptions.
 * Commits, local or announced by the wake bus, offer their batch: when it follows on from the
 * position, it is delivered at once without a read. Anything else (a batch after a gap, a bare
 * wake, the slow poll) reads the outbox. Reading is single-flight: wakes during a read make it
 * read once more, never twice at once, and batches offered meanwhile wait for it to end. A
 * failed read (database down) is retried with backoff from the same position, so nothing is
 * skipped.
 */
export class OutboxDispatcher {
  private readonly listeners = new Set<OutboxListener>();
  private readonly batchSize: number;
  private readonly safetyPollMs: number;
  private readonly beforeDeliver: OutboxListener;
  private current = 0;
  private reading: Promise<void> | null = null;
  private again = false;
  /** Batches offered during a read, tried again when it ends. */
  private offered: CommittedBatch[] = [];
  private failures = 0;
  private retry: NodeJS.Timeout | null = null;
  private poll: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly store: OutboxStore,
    private readonly logger: Logger,
    options: DispatcherOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.safetyPollMs = options.safetyPollMs ?? 5_000;
    this.beforeDeliver = options.beforeDeliver ?? (() => {});
  }

  /** The last position handed to listeners: every event up to it has been delivered. */
  get position(): number {
    return this.current;
  }

  /** Starts at the current end of the outbox: older events are served by replays, not here. */
  async start(): Promise<void> {
    this.current = await this.store.position();
    this.poll = setInterval(() => this.wake(), this.safetyPollMs);
    this.poll.unref();
  }

  /**
   * Adds a listener: it receives exactly the events after the current `position`, so a replay up
   * to the position read in the same synchronous step, plus this listener, miss nothing.
   */
  listen(listener: OutboxListener): { stop(): void } {
    this.listeners.add(listener);
    return { stop: () => this.listeners.delete(listener) };
  }

  /**
   * A committed transaction's events. Delivered now when nothing can be missing before them (the
   * batch follows on from a position at or below this one); otherwise read from the outbox.
   */
  offer(batch: CommittedBatch): void {
    if (this.stopped) return;
    if (this.reading) this.offered.push(batch);
    else if (!this.follow(batch)) this.wake();
  }

  private follow(batch: CommittedBatch): boolean {
    if (batch.after === null || batch.after > this.current) return false;
    // Those at or below the position were delivered already (`deliver` skips them).
    for (const record of batch.records) this.deliver(record);
    return true;
  }

  wake(): void {
    if (this.stopped) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.readAll().finally(() => {
      this.reading = null;
      const offered = this.offered.sort((a, b) => (a.after ?? Number.MAX_SAFE_INTEGER) - (b.after ?? Number.MAX_SAFE_INTEGER));
      this.offered = [];
      for (const batch of offered) if (!this.follow(batch)) this.again = true;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Resolves once everything committed before the call has been delivered (tests, shutdown). */
  async caughtUp(): Promise<void> {
    const target = await this.store.position();
    while (this.current < target && !this.stopped) {
      this.wake();
      await (this.reading ?? new Promise((resolve) => setTimeout(resolve, 20)));
    }
  }

  private async readAll(): Promise<void> {
    try {
      for (;;) {
        const records = await this.store.readAfter(this.current, this.batchSize);
        for (const record of records) this.deliver(record);
        if (records.length < this.batchSize || this.stopped) break;
      }
      if (this.failures > 0) this.logger.info({ position: this.current }, 'outbox dispatcher caught up after errors');
      this.failures = 0;
    } catch (error) {
      if (this.stopped) return;
      const delay = backoffMs(this.failures++);
      this.logger.warn({ err: error, position: this.current, retryInMs: delay }, 'outbox dispatcher could not read');
      this.retry ??= setTimeout(() => {
        this.retry = null;
        this.wake();
      }, delay);
    }
  }

  private deliver(record: OutboxRecord): void {
    if (record.seq <= this.current) return;
    this.current = record.seq;
    this.beforeDeliver(record);
    for (const listener of this.listeners) {
      try {
        listener(record);
      } catch (error) {
        this.logger.error({ err: error, seq: record.seq }, 'live listener failed');
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    if (this.retry) clearTimeout(this.retry);
    this.listeners.clear();
    await this.reading;
  }
}
