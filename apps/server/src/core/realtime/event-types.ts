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
