import type { Audience } from '../auth/visibility.ts';

/**
 * The outbox event types: what mutations publish and subscriptions deliver. Every event carries
 * the ids subscribers are filtered by (company, program year, task, recipient); the payload holds
 * only what delivery needs before loading the record (e.g. a comment's visibility) and the id of
 * the history entry written with it (`activityId`).
 */
export const EventType = {
  TASK_CREATED: 'task.created',
  TASK_UPDATED: 'task.updated',
  TASK_MOVED: 'task.moved',
  TASK_DELETED: 'task.deleted',
  COMMENT_ADDED: 'comment.added',
  COMMENT_EDITED: 'comment.edited',
  COMMENT_DELETED: 'comment.deleted',
  MEASURE_CREATED: 'measure.created',
  MEASURE_UPDATED: 'measure.updated',
  MEASURE_DELETED: 'measure.deleted',
  COMPANY_UPDATED: 'company.updated',
  PARTICIPATION_CREATED: 'participation.created',
  PARTICIPATION_UPDATED: 'participation.updated',
  DIAGNOSIS_CHANGED: 'diagnosis.changed',
  EVENT_CHANGED: 'event.changed',
  BUDGET_CHANGED: 'budget.changed',
  NOTIFICATION_ADDED: 'notification.added',
  /**
   * A history entry whose change publishes no event of its own (teams, people, invitations) or
   * only an access change: the activity feed is live for every entry it lists.
   */
  HISTORY_RECORDED: 'history.recorded',
  /** Team membership, team assignment, role or account state changed: live rights must be re-read. */
  ACCESS_CHANGED: 'access.changed',
} as const;
export type EventType = (typeof EventType)[keyof typeof EventType];

/**
 * What every event payload may carry: the id of the history entry written with it, and that
 * entry's audience (who may see it: the live check reads it without loading the entry).
 */
export interface RecordedPayload {
  activityId?: string;
  audience?: Audience;
}

/** Rights to re-read: whose (a person, a team's members), which companies, which sessions ended. */
export interface AccessChangedPayload extends RecordedPayload {
  personId?: string;
  sessionIds?: string[];
  teamId?: string;
  teamIds?: string[];
  companyIds?: string[];
  personIds?: string[];
}

/**
 * Each event type's payload. The module that owns an event declares it in its `*.topics.ts`
 * (`declare module '…/core/realtime/event-types.ts' { interface EventPayloads { … } }`), so the
 * payload's type lives with its feature; access changes and plain history entries are core's own.
 */
export interface EventPayloads {
  'access.changed': AccessChangedPayload;
  /** A history entry with no event of its own (teams, people, access changes): the entry and its audience. */
  'history.recorded': RecordedPayload;
}

/** The payload of some event types (of any, by default). */
export type EventPayload<K extends EventType = EventType> = K extends keyof EventPayloads ? EventPayloads[K] : never;

/** A compile error here names an event type whose payload no module declared. */
type Undeclared = Exclude<EventType, keyof EventPayloads>;
export const EVERY_EVENT_DECLARES_ITS_PAYLOAD: [Undeclared] extends [never] ? true : Undeclared = true;
