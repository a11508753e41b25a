import type { EntityManager } from '@mikro-orm/postgresql';
import { Access } from '../../core/auth/access.ts';
import { viewerForPerson } from '../../core/actor/job-actor.ts';
import type { AppServices } from '../../core/app-services.ts';
import { Person } from '../people/person.entity.ts';
import { MailKind, MailMessage, MailStatus } from './mail-message.entity.ts';
import { MAIL_SEND_ATTEMPTS } from './mail.service.ts';
import { isRecipientRejected, type MailTransport } from './mail-transport.ts';

/**
 * Rejects when the worker shuts down mid-send: the attempt counts as failed and the job is
 * retried (by this instance after a restart, or by another), instead of holding shutdown.
 */
function interrupted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_resolve, reject) => {
    const fail = () => reject(new Error('interrupted: the worker shut down while sending'));
    if (signal?.aborted) fail();
    signal?.addEventListener('abort', fail, { once: true });
  });
}

/** Why a queued mail must not go out now; null when it may. Checked at send, not when queued. */
async function reasonNotToSend(em: EntityManager, message: MailMessage): Promise<string | null> {
  if (!message.recipient) return null;
  const person = await em.findOne(Person, { id: message.recipient.id });
  if (!person) return 'the person no longer exists';
  if (person.disabledAt) return 'the person is disabled';
  if (person.mailBouncedAt) return 'mail to this address bounced before';
  // Invitations and sign-in links go to people without a session: only being enabled counts.
  if (message.kind === MailKind.Invitation || message.kind === MailKind.SignInLink || !message.company) return null;
  const viewer = await viewerForPerson(em, person.id);
  if (!viewer || !(await new Access(em, viewer).canSeeCompany('work', message.company.id))) {
    return 'the person no longer has access to the company';
  }
  return null;
}

/**
 * Delivers one mail: by SMTP when configured, else keeps it for the outbox page. A refused
 * address marks the person and stops; any other failure is recorded and thrown, so the job
 * is retried with backoff until the last attempt marks the mail FAILED. Nothing is lost: the
 * mail stays in the table whatever happens.
 */
export async function sendMailJob(
  services: AppServices,
  transport: MailTransport | null,
  messageId: string,
  attempt: number,
  abortSignal?: AbortSignal,
): Promise<void> {
  const em = services.orm.em.fork({ useContext: false });
  const message = await em.findOne(MailMessage, { id: messageId });
  if (!message || (message.status !== MailStatus.Queued && message.status !== MailStatus.Retrying)) return;
  const skip = await reasonNotToSend(em, message);
  if (skip) {
    Object.assign(message, { status: MailStatus.Skipped, lastError: skip });
    await em.flush();
    return;
  }
  if (!transport) {
    Object.assign(message, { status: MailStatus.Kept, sentAt: services.clock() });
    await em.flush();
    return;
  }
  message.attempts += 1;
  try {
    await Promise.race([
      transport.send({
        from: services.config.mailFrom,
        to: message.toAddress,
        subject: message.subject,
        html: message.html,
        text: message.text,
        listUnsubscribe: message.listUnsubscribe,
      }),
      interrupted(abortSignal),
    ]);
    Object.assign(message, { status: MailStatus.Sent, sentAt: new Date(), lastError: null });
    await em.flush();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (isRecipientRejected(error)) {
      Object.assign(message, { status: MailStatus.Bounced, lastError: reason });
      if (message.recipient) await em.nativeUpdate(Person, { id: message.recipient.id }, { mailBouncedAt: new Date() });
      await em.flush();
      return;
    }
    const last = attempt >= MAIL_SEND_ATTEMPTS;
    Object.assign(message, { status: last ? MailStatus.Failed : MailStatus.Retrying, lastError: reason });
    await em.flush();
    services.logger.warn({ messageId, attempt, err: reason }, last ? 'mail failed for good' : 'mail not sent; will retry');
    if (!last) throw error;
  }
}
