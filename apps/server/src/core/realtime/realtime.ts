import { ACCESS_CHANGED, ErrorCode } from '@ecohub/domain';
import type { MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import type { Config } from '../../config/config.ts';
import { scopeIncludes } from '../auth/access.ts';
import type { DataKind } from '../auth/policy.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { GraphQLContext } from '../graphql/context.ts';
import type { Logger } from '../logger.ts';
import { OutboxDispatcher } from './dispatcher.ts';
import type { CommittedBatch } from './outbox.ts';
import { EventRecords } from './event-records.ts';
import { EventType } from './event-types.ts';
import { InFlight } from './in-flight.ts';
import { LiveRights } from './live-rights.ts';
import { socketOf } from './live-socket.ts';
import { LiveStream } from './live-stream.ts';
import type { LiveTopic } from './live-topic.ts';
import { scopeMatches } from './outbox-scope.ts';
import type { OutboxRecord } from './outbox-store.ts';
import { OutboxStore } from './outbox-store.ts';
import { PostgresWakeBus } from './postgres-wake-bus.ts';
import { Presence, type PresenceOptions } from './presence.ts';
import { PostgresPresenceBus, RedisPresenceBus } from './presence-bus.ts';
import { RedisWakeBus } from './redis-wake-bus.ts';
import { resyncRequired } from './resync.ts';
import { SharedExecution } from './shared-execution.ts';
import type { WakeBus } from './wake-bus.ts';

export type { LiveTopic } from './live-topic.ts';

export interface RealtimeOptions {
  /** Live events a client may have waiting before it is disconnected (default 1,000). */
  queueLimit?: number;
  /** Outbox read without a wake at least this often (default 5 s). */
  safetyPollMs?: number;
  /** How often expired outbox rows are deleted (default hourly). */
  pruneEveryMs?: number;
  /** Attempts at an event while the database answers before its subscription ends (default 4). */
  renderAttempts?: number;
  /** Presence timings (TTL 25 s, heartbeat 8 s by default). */
  presence?: PresenceOptions;
}

/**
 * Close code for a client that does not read its events fast enough: 1013 "Try Again Later".
 * graphql-ws clients reconnect after it (4429 would be fatal for them) and resume with `since`.
 */
export const SLOW_CLIENT_CLOSE_CODE = 1013;
/** How long a slow client gets to read the close frame before its socket is dropped. */
const SLOW_CLIENT_TERMINATE_MS = 1_000;

export { RESYNC_REQUIRED } from './resync.ts';

/** A subscription's company is no longer visible to its viewer (see `Realtime.confine`). */
function accessChanged(): GraphQLError {
  return new GraphQLError('Your access changed: you no longer see what this subscription was opened for. Reload the page', {
    extensions: { code: ErrorCode.FORBIDDEN, reason: ACCESS_CHANGED },
  });
}

/**
 * The realtime layer of one instance: the outbox dispatcher, its wake bus (PostgreSQL
 * LISTEN/NOTIFY, or Redis pub/sub when REDIS_URL is set), live rights, the per-event record cache
 * and outbox retention.
 */
export class Realtime {
  readonly store: OutboxStore;
  readonly rights: LiveRights;
  readonly records: EventRecords;
  readonly dispatcher: OutboxDispatcher;
  /** Renders each event once per operation and viewer class (graphql-ws's `subscribe`). */
  readonly execution: SharedExecution;
  /** Who is on which page: ephemeral, on its own bus channel, never in the outbox. */
  readonly presence: Presence;
  private readonly queueLimit: number;
  private readonly streams = new Set<LiveStream<unknown>>();
  private readonly accessListeners = new Set<() => void>();
  private readonly inFlight = new InFlight();
  private pruning: NodeJS.Timeout | null = null;

  private constructor(
    orm: MikroORM,
    private readonly bus: WakeBus,
    private readonly config: Config,
    private readonly logger: Logger,
    private readonly options: RealtimeOptions,
    presence: Presence,
  ) {
    this.presence = presence;
    this.store = new OutboxStore(orm, this.inFlight);
    this.rights = new LiveRights(orm, this.inFlight);
    this.records = new EventRecords(orm, this.inFlight);
    this.execution = new SharedExecution((viewer) => this.rights.renderingClass(viewer));
    this.queueLimit = options.queueLimit ?? 1_000;
    this.dispatcher = new OutboxDispatcher(this.store, logger, {
      safetyPollMs: options.safetyPollMs,
      beforeDeliver: (record) => {
        this.rights.observe(record);
        if (record.type === EventType.ACCESS_CHANGED) this.notifyAccessChanged();
      },
    });
  }

  static async start(config: Config, orm: MikroORM, databaseUrl: string, logger: Logger, options: RealtimeOptions = {}): Promise<Realtime> {
    const log = logger.child({ component: 'realtime' });
    const bus = config.redisUrl ? new RedisWakeBus(config.redisUrl, log) : new PostgresWakeBus(databaseUrl, log);
    const presenceBus = config.redisUrl ? new RedisPresenceBus(config.redisUrl, log) : new PostgresPresenceBus(databaseUrl, log);
    const realtime = new Realtime(orm, bus, config, log, options, new Presence(presenceBus, log, options.presence));
    await realtime.dispatcher.start();
    try {
      await bus.start((batch) => (batch ? realtime.dispatcher.offer(batch) : realtime.dispatcher.wake()));
      await realtime.presence.start();
    } catch (error) {
      await realtime.close();
      throw error;
    }
    realtime.schedulePruning();
    return realtime;
  }

  /**
   * Called on this instance as each `access.changed` event passes the dispatcher (in order with
   * every other event, whichever instance committed it), and at once when this instance commits
   * one: identity closes the sockets of ended sessions and disabled people and forgets cached
   * sessions here, within milliseconds of the commit. Returns the unsubscribe.
   */
  onAccessChanged(listener: () => void): () => void {
    this.accessListeners.add(listener);
    return () => this.accessListeners.delete(listener);
  }

  private notifyAccessChanged(): void {
    for (const listener of this.accessListeners) listener();
  }

  /**
   * A transaction with outbox events committed on this instance: its batch is delivered here
   * without a read. Its own access changes apply at once, before the mutation answers (the
   * dispatcher may deliver the batch later, after earlier ones), so the next request of a
   * signed-out client already finds its session ended.
   */
  committed(batch: CommittedBatch): void {
    if (batch.records.some((record) => record.type === EventType.ACCESS_CHANGED)) this.notifyAccessChanged();
    // Announced first: other instances should not wait for this one's deliveries.
    this.bus.announce(batch);
    this.dispatcher.offer(batch);
  }

  get busConnected(): boolean {
    return this.bus.connected;
  }

  /** Live subscriptions open on this instance. */
  get subscriptions(): number {
    return this.streams.size;
  }

  /**
   * Starts a subscription: refuses anonymous viewers, replays after `since` when given (or tells
   * the client to refetch when that is no longer possible), then streams live events.
   */
  async subscribe<T>(ctx: GraphQLContext, topic: LiveTopic<T>, since: number | null): Promise<AsyncIterableIterator<T>> {
    const viewer = ctx.access.requireViewer();
    const socket = socketOf(ctx);
    let listening: { stop(): void } | null = null;
    // Created and registered in one synchronous step: no event can pass between reading the
    // dispatcher's position and listening after it.
    const stream: LiveStream<T> = new LiveStream<T>({
      store: this.store,
      since,
      livePosition: this.dispatcher.position,
      filter: topic.scope.condition,
      queueLimit: this.queueLimit,
      deliver: async (record) => ((await this.rights.mayReceive(viewer, record, topic.kind)) ? topic.shape(record, this.records) : null),
      onEnd: () => {
        this.logger.warn({ personId: viewer.personId, queueLimit: this.queueLimit }, 'disconnecting a client that does not read its events');
        if (!socket) return;
        socket.close(SLOW_CLIENT_CLOSE_CODE, 'Too many unread events');
        setTimeout(() => socket.terminate(), SLOW_CLIENT_TERMINATE_MS).unref();
      },
      onStop: () => {
        listening?.stop();
        this.streams.delete(stream as LiveStream<unknown>);
      },
      onReadError: (error) => this.logger.warn({ err: error }, 'live subscription read failed; retrying'),
      databaseAnswers: () => this.store.answers(),
      renderAttempts: this.options.renderAttempts,
      onGiveUp: (seq, error) =>
        this.logger.error({ err: error, seq, personId: viewer.personId }, 'a live event could not be rendered; the subscription ends with RESYNC_REQUIRED'),
    });
    const { scope } = topic;
    const offer = (record: OutboxRecord) => {
      scope.observe?.(record);
      if (scopeMatches(scope.condition, record)) stream.push(record);
    };
    // A scope that loads its starting point does so after listening (nothing committed in
    // between is missed); events arriving meanwhile wait, then pass in order.
    let waiting: OutboxRecord[] | null = scope.prepare ? [] : null;
    listening = this.dispatcher.listen((record) => (waiting ? waiting.push(record) : offer(record)));
    this.streams.add(stream as LiveStream<unknown>);
    try {
      if (scope.prepare) {
        await scope.prepare();
        const arrived = waiting ?? [];
        waiting = null;
        for (const record of arrived) offer(record);
      }
    } catch (error) {
      await stream.return();
      throw error;
    }
    if (since !== null) {
      try {
        const [prunedThrough, position] = await Promise.all([this.store.prunedThrough(), this.store.position()]);
        if (since < prunedThrough || since > position) {
          throw resyncRequired(
            `Events after ${since} are no longer available: reload the data, then subscribe again without "since"`,
            since < prunedThrough ? 'SINCE_PRUNED' : 'SINCE_AHEAD',
          );
        }
      } catch (error) {
        await stream.return();
        throw error;
      }
    }
    // Calendar events are a program year's, never confined to one company.
    return topic.scope.company && topic.kind !== 'events' ? this.confine(viewer, topic.kind, topic.scope.company, stream) : stream;
  }

  /**
   * Ends `source` with FORBIDDEN (`extensions.reason` ACCESS_CHANGED) as soon as an access change
   * leaves the viewer unable to see `companyId` for `kind`: a subscription opened for one company
   * must not stay open, receiving nothing, while its client believes it is live. Checked with the
   * viewer's current rights each time an `access.changed` event passes this instance.
   */
  confine<T>(viewer: Viewer, kind: DataKind, companyId: string, source: AsyncIterableIterator<T>): AsyncIterableIterator<T> {
    let failure: GraphQLError | null = null;
    const stopListening = this.onAccessChanged(() => {
      this.rights.scope(viewer, kind).then(
        (scope) => {
          if (failure || scopeIncludes(scope, companyId)) return;
          failure = accessChanged();
          stopListening();
          void source.return?.();
        },
        // Deliveries stay withheld by mayReceive; the next access change checks again.
        (error: unknown) => this.logger.warn({ err: error, personId: viewer.personId }, 'could not re-check a confined subscription'),
      );
    });
    const fail = (): never => {
      const error = failure as GraphQLError;
      failure = null;
      throw error;
    };
    const confined: AsyncIterableIterator<T> = {
      next: async () => {
        if (failure) return fail();
        const step = await source.next();
        // Ended by the check above while waiting: the client gets the reason, not a silent end.
        if (failure) return fail();
        if (step.done) stopListening();
        return step;
      },
      return: async () => {
        stopListening();
        await source.return?.();
        return { value: undefined, done: true };
      },
      throw: async (error?: unknown) => {
        stopListening();
        await source.return?.();
        throw error;
      },
      [Symbol.asyncIterator]: () => confined,
    };
    return confined;
  }

  private schedulePruning(): void {
    const prune = () => {
      this.store
        .prune(this.config.outboxRetentionHours)
        .then((deleted) => deleted > 0 && this.logger.info({ deleted }, 'pruned expired outbox events'))
        .catch((error: unknown) => this.logger.warn({ err: error }, 'outbox pruning failed'));
    };
    prune();
    this.pruning = setInterval(prune, this.options.pruneEveryMs ?? 60 * 60 * 1000);
    this.pruning.unref();
  }

  async close(): Promise<void> {
    if (this.pruning) clearInterval(this.pruning);
    for (const stream of this.streams) await stream.return();
    await this.presence.close();
    await this.bus.close();
    await this.dispatcher.stop();
    await this.inFlight.settled();
  }
}
