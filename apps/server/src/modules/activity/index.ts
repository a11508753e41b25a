import { ActivityResolver } from './activity.resolver.ts';

export { ActivityEntry, type FieldDiff } from './activity-entry.entity.ts';
export { ACTIVITY_RECORD } from './activity-record.ts';
export { creationDiff } from './activity-diff.ts';
export { ACTIVITY_EVENTS, ActivityAdded, activityTopic } from './activity.topics.ts';

export const activityResolvers = [ActivityResolver] as const;
