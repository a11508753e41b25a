export { Notification, NotificationKind } from './notification.entity.ts';
export { notify, type NotificationInput } from './notification.service.ts';
