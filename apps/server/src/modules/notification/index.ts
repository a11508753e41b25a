import { NotificationResolver } from './notification.resolver.ts';

export { Notification, NotificationKind } from './notification.entity.ts';
export { notify, type NotificationInput } from './notification.service.ts';
export { NotificationAdded, notificationTopic } from './notification.topics.ts';

export const notificationResolvers = [NotificationResolver] as const;
