import type { GraphQLError } from 'graphql';
import type { Condition } from './outbox-scope.ts';
import type { OutboxRecord, OutboxStore } from './outbox-store.ts';
import { backoffMs } from './backoff.ts';
import { resyncRequired } from './resync.ts';

/** Why a stream ended early. */
export type StreamEnd = 'overflow';

/** Attempts at one event (or replay page) while the database answers, before the stream gives up. */
export const DEFAULT_RENDER_ATTEMPTS = 4;

export interface LiveStreamOptions<T> {
  store: OutboxStore;
  /** Replay after this position first (a resuming client's last seq), or null: live only. */
  since: number | null;
  /** The dispatcher's position when this stream started listening: live events come after it. */
  livePosition: number;
  /** The subscription's scope: the replay reads it as SQL, live events were matched against it. */
  filter: Condition;
  /** Authorization and shaping of one event; null skips it for this subscriber. */
  deliver(record: OutboxRecord): Promise<T | null>;
  /** Live events waiting for a slow client before it is cut off. */
  queueLimit: number;
  /** Called once when the stream ends by itself (overflow), after it stopped. */
  onEnd(reason: StreamEnd): void;
  /** Called once when the stream stops for any reason (unsubscribe, overflow, socket closed). */
  onStop(): void;
  /** A read failed and will be retried (logging). */
  onReadError(error: unknown): void;
  /**
   * Whether the database answers a trivial query now. A failure while it does not (a restart)
   * is waited out however long it takes; a failure while it does counts as an attempt.
   */
  databaseAnswers(): Promise<boolean>;
  /** Attempts while the database answers before the subscription ends with RESYNC_REQUIRED. */
  renderAttempts?: number;
  /** The stream gave up on an event (`seq`) or a replay page (`seq` = where it resumed from). */
  onGiveUp(seq: number, error: unknown): void;
}

const REPLAY_PAGE = 500;

/**
 * One subscription's events: first the replay of what it missed (read from the outbox after
 * `since` up to the live position), then the live events queued since it subscribed. Both meet
 * at `livePosition` exactly, and a seq at or below the last one handled is dropped, so nothing is
 * delivered twice or skipped across the seam.
 *
 * Written as an explicit iterator rather than an async generator: a generator waiting for the
 * next event cannot be returned from, and an unsubscribed client would keep its listener.
 */
export class LiveStream<T> implements AsyncIterableIterator<T> {
  private readonly queue: OutboxRecord[] = [];
  private waiter: ((record: OutboxRecord | null) => void) | null = null;
  private replayed: OutboxRecord[] = [];
  private replayFrom: number | null;
  private last: number;
  private stopped = false;
  /** Why the stream ended by itself, thrown by the next `next()`. */
  private failure: GraphQLError | null = null;

  constructor(private readonly options: LiveStreamOptions<T>) {
    this.replayFrom = options.since !== null && options.since < options.livePosition ? options.since : null;
    this.last = options.since ?? options.livePosition;
  }

  /** Queues a live event; never blocks the dispatcher. Overflow ends this stream only. */
  push(record: OutboxRecord): void {
    if (this.stopped) return;
    // A waiting reader has drained the replay and the queue: hand the event straight over.
    if (this.waiter) {
      const waiter = this.waiter;
      this.waiter = null;
      waiter(record);
      return;
    }
    if (this.queue.length >= this.options.queueLimit) {
      this.stop();
      this.options.onEnd('overflow');
      return;
    }
    this.queue.push(record);
  }

  /** Live events waiting to be delivered (tests, metrics). */
  get queued(): number {
    return this.queue.length;
  }

  async next(): Promise<IteratorResult<T>> {
    for (;;) {
      const record = await this.take();
      if (record === null) return this.end();
      if (record.seq <= this.last) continue;
      this.last = record.seq;
      const value = await this.retrying(record.seq, `event ${record.seq} (${record.type}) could not be rendered`, () => this.options.deliver(record));
      if (this.stopped) return this.end();
      if (value !== null) return { value, done: false };
    }
  }

  /** Done, or the typed error the stream ended with (graphql-ws sends it as the operation's error). */
  private end(): IteratorResult<T> {
    const failure = this.failure;
    this.failure = null;
    if (failure) throw failure;
    return { value: undefined, done: true };
  }

  async return(): Promise<IteratorResult<T>> {
    this.stop();
    return { value: undefined, done: true };
  }

  async throw(error?: unknown): Promise<IteratorResult<T>> {
    this.stop();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private async take(): Promise<OutboxRecord | null> {
    if (this.stopped) return null;
    if (this.replayed.length === 0 && this.replayFrom !== null) await this.readReplayPage(this.replayFrom);
    if (this.stopped) return null;
    const replayed = this.replayed.shift();
    if (replayed) return replayed;
    const queued = this.queue.shift();
    if (queued) return queued;
    if (this.stopped) return null;
    return new Promise((resolve) => {
      this.waiter = resolve;
    });
  }

  /**
   * One page of the replay. Retention may prune rows between two pages: the page says how far
   * the outbox was pruned when it was read, and rows after `after` gone means a gap the client
   * can only close by refetching.
   */
  private async readReplayPage(after: number): Promise<void> {
    const page = await this.retrying(after, `the events after ${after} could not be read`, () =>
      this.options.store.readPage(after, REPLAY_PAGE, { upTo: this.options.livePosition, filter: this.options.filter }),
    );
    if (this.stopped || !page) return;
    if (page.prunedThrough > after) {
      this.fail(resyncRequired(`Events after ${after} were pruned while they were being replayed: reload the data, then subscribe again without "since"`, 'EVENTS_PRUNED'));
      return;
    }
    this.replayed = page.records;
    const lastRead = page.records.at(-1);
    this.replayFrom = page.records.length === REPLAY_PAGE && lastRead ? lastRead.seq : null;
  }

  /**
   * Database reads fail while PostgreSQL restarts. The event must still be delivered, in its
   * place: wait and try again (the client sees a delay, not a gap). But a failure while the
   * database answers is the record's own (it cannot be rendered): after a few attempts the
   * subscription ends with RESYNC_REQUIRED rather than retrying one record forever.
   */
  private async retrying<R>(seq: number, failure: string, read: () => Promise<R>): Promise<R | null> {
    const limit = this.options.renderAttempts ?? DEFAULT_RENDER_ATTEMPTS;
    for (let attempt = 0, counted = 0; ; attempt++) {
      try {
        return await read();
      } catch (error) {
        if (this.stopped) return null;
        this.options.onReadError(error);
        if ((await this.options.databaseAnswers().catch(() => false)) && ++counted >= limit) {
          this.options.onGiveUp(seq, error);
          this.fail(resyncRequired(`${failure}: reload the data, then subscribe again without "since"`, 'RENDER_FAILED'));
          return null;
        }
        if (this.stopped) return null;
        await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
        if (this.stopped) return null;
      }
    }
  }

  private fail(error: GraphQLError): void {
    if (this.stopped) return;
    this.failure = error;
    this.stop();
  }

  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.queue.length = 0;
    this.replayed = [];
    this.replayFrom = null;
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.(null);
    this.options.onStop();
  }
}
