import type { LiveKind } from './live-rights.ts';
import type { EventRecords } from './event-records.ts';
import type { EventType } from './event-types.ts';
import { and, ofTypes, type OutboxScope } from './outbox-scope.ts';
import type { OutboxRecord } from './outbox-store.ts';

/**
 * What one subscription listens to and how it shapes what it delivers. Each feature module
 * defines its own (task.topics.ts, comment.topics.ts, …); the live module checks who may open
 * them and hands them to `Realtime.subscribe`.
 */
export interface LiveTopic<T> {
  /** What a delivery reveals; `mayReceive` checks the viewer's current rights for it. */
  kind: LiveKind;
  /** Which events: one definition, read as SQL by the replay and as a predicate for live events. */
  scope: OutboxScope;
  /** The payload for an event this viewer may receive; null skips it. */
  shape(record: OutboxRecord, records: EventRecords): Promise<T | null>;
}

/** A topic of some event types within a scope (the scope decides where, the types what). */
export function liveTopic<T>(
  kind: LiveKind,
  types: readonly EventType[],
  scope: OutboxScope,
  shape: (record: OutboxRecord, records: EventRecords) => Promise<T | null>,
): LiveTopic<T> {
  return { kind, scope: { ...scope, condition: and(ofTypes(types), scope.condition) }, shape };
}

/** The part of an event type after the dot, as the GraphQL change kind (task.moved → MOVED). */
export function changeKind<K extends string>(type: EventType): K {
  return type.slice(type.indexOf('.') + 1).toUpperCase() as K;
}
