import { ActivityResolver } from './activity.resolver.ts';

export { ActivityEntry, type FieldDiff } from './activity-entry.entity.ts';
export { creationDiff } from './activity-diff.ts';

export const activityResolvers = [ActivityResolver] as const;
