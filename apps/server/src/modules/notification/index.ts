export { Notification, NotificationKind } from './notification.entity.ts';
