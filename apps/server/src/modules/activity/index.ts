export { ActivityEntry, type FieldDiff } from './activity-entry.entity.ts';
