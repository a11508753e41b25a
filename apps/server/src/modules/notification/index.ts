import { NotificationResolver } from './notification.resolver.ts';

export { Notification, NotificationKind } from './notification.entity.ts';
export { notify, NOTIFICATION_MAIL_JOB, type NotificationInput } from './notification.service.ts';
export {
  NotificationPreference,
  MailTopic,
  MAIL_TOPICS,
  DeliveryMode,
  defaultMode,
} from './notification-preference.entity.ts';
export { modeOf, preferencesOf, storePreference } from './notification-preference.service.ts';
export { NotificationAdded, notificationTopic } from './notification.topics.ts';

export const notificationResolvers = [NotificationResolver] as const;
