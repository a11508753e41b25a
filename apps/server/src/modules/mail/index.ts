import { MailResolver } from './mail.resolver.ts';

/**
 * Mail: rendered and kept in `mail_message`, delivered by the `mail.send` job (SMTP_URL) or
 * kept for the admins' outbox page; mentions, assignments and reminders batched per person;
 * daily and weekly digests; one-click unsubscribe.
 *
 * For other modules: call `queueMail(em, changes, request)` inside `inTransaction` to send a
 * mail with the change (nothing is sent if it rolls back); for in-app + mail notifications
 * (e.g. a follow-up request) call `notify(em, changes, { kind, recipientIds, companyId,
 * measureId | taskId, actorId })` from the notification module: the mail follows through the
 * recipient's batch and their preferences.
 */
export { MailMessage, MailKind, MailStatus } from './mail-message.entity.ts';
export { queueMail, mailOrigin, MAIL_SEND_JOB, type MailRequest, type MailRecipient } from './mail.service.ts';
export type { MailContent } from './mail-layout.ts';
export { mailText } from './mail-texts.ts';
export { mailJobs, MAIL_CRONTAB, REMINDERS_JOB, DAILY_DIGEST_JOB, WEEKLY_DIGEST_JOB } from './mail.jobs.ts';
export { dailyRemindersJob } from './reminders.job.ts';
export { digestJob } from './digest.job.ts';
export { unsubscribeRoutes } from './unsubscribe.routes.ts';

export const mailResolvers = [MailResolver] as const;
