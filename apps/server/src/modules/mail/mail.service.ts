import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config/config.ts';
import type { ChangeLog } from '../../core/database/transaction.ts';
import { hashToken, newSecretToken } from '../../core/secret-token.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { DeliveryMode, MAIL_TOPICS, storePreference, type MailTopic } from '../notification/index.ts';
import { mailByUnsubscribeToken } from './mail.queries.ts';
import { layOut, type MailContent } from './mail-layout.ts';
import { MailMessage, type MailKind } from './mail-message.entity.ts';
import { mailText } from './mail-texts.ts';

/** The job that delivers one queued mail. */
export const MAIL_SEND_JOB = 'mail:send';
/** Retries with graphile-worker's backoff (exp(attempt) seconds, capped): about a day in all. */
export const MAIL_SEND_ATTEMPTS = 12;

export interface MailRecipient {
  id: string | null;
  email: string;
  locale: string;
}

export interface MailRequest {
  to: MailRecipient;
  kind: MailKind;
  /** The company the mail is about: the recipient must still see it when it is sent. */
  companyId?: string | null;
  /** The preference topics one-click unsubscribe turns off; none for invitations and sign-in links. */
  unsubscribeTopics?: readonly MailTopic[];
  /** Renders the content in the recipient's locale, with links under `origin`. */
  render(locale: 'ko' | 'en', origin: string): MailContent;
}

/** Where links in mail point: PUBLIC_URL, else the hub's own address. */
export function mailOrigin(config: Config): string {
  return config.publicUrl ? new URL(config.publicUrl).origin : `http://localhost:${config.port}`;
}

export function mailLocale(locale: string | null | undefined): 'ko' | 'en' {
  return locale === 'en' ? 'en' : 'ko';
}

/**
 * Renders a mail, keeps it in the outbox and queues its delivery, all in the caller's
 * transaction (`changes`): a change that rolls back sends nothing.
 */
export async function queueMail(em: EntityManager, changes: ChangeLog, request: MailRequest): Promise<MailMessage> {
  const message = createMail(em, changes.config, request);
  await em.flush();
  changes.enqueue({ task: MAIL_SEND_JOB, payload: { messageId: message.id }, maxAttempts: MAIL_SEND_ATTEMPTS });
  return message;
}

function createMail(em: EntityManager, config: Config, request: MailRequest): MailMessage {
  const locale = mailLocale(request.to.locale);
  const origin = mailOrigin(config);
  const topics = request.unsubscribeTopics ?? [];
  const token = topics.length > 0 ? newSecretToken() : null;
  const listUnsubscribe = token ? unsubscribeUrl(origin, token) : null;
  const content = request.render(locale, origin);
  if (listUnsubscribe) content.unsubscribe = { label: mailText(locale).unsubscribe, url: listUnsubscribe };
  const { subject, html, text } = layOut(content, locale);
  return em.create(MailMessage, {
    recipient: request.to.id,
    toAddress: request.to.email,
    locale,
    kind: request.kind,
    company: request.companyId ?? null,
    subject: subject.slice(0, 300),
    html,
    text,
    unsubscribeTokenHash: token ? hashToken(token) : null,
    listUnsubscribe,
    unsubscribeTopics: [...topics],
  });
}

export function unsubscribeUrl(origin: string, token: string): string {
  return `${origin}/mail/unsubscribe?token=${encodeURIComponent(token)}`;
}

/**
 * One-click unsubscribe (RFC 8058): turns off the topics of the mail the link came from, for its
 * recipient. Returns them, or null for an unknown link. Repeating it changes nothing.
 */
export async function unsubscribeByToken(ctx: UnitOfWork, token: string): Promise<{ topics: MailTopic[]; locale: 'ko' | 'en' } | null> {
  const message = await mailByUnsubscribeToken(ctx, token);
  if (!message?.recipient) return null;
  const topics = message.unsubscribeTopics.filter((t): t is MailTopic => (MAIL_TOPICS as readonly string[]).includes(t));
  for (const topic of topics) await storePreference(ctx.em, message.recipient.id, topic, DeliveryMode.Off);
  return { topics, locale: mailLocale(message.locale) };
}
