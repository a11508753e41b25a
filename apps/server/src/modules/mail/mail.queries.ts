import type { FilterQuery } from '@mikro-orm/postgresql';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { paginate, type PageArgs } from '../../core/graphql/pagination.ts';
import { hashToken } from '../../core/secret-token.ts';
import { MailMessage, type MailStatus } from './mail-message.entity.ts';

/** Every mail the hub sent, keeps or gave up on, newest first (admins). */
export async function listOutbox(ctx: UnitOfWork, status: MailStatus | null, page: PageArgs) {
  ctx.access.assertCan('mail.outbox');
  const where: FilterQuery<MailMessage> = status ? { status } : {};
  return paginate(ctx.em, MailMessage, where, page, '-createdAt');
}

/** How many mails wait for a retry or failed for good: the admins' warning light. */
export async function outboxTrouble(ctx: UnitOfWork): Promise<{ retrying: number; failed: number }> {
  ctx.access.assertCan('mail.outbox');
  const [retrying, failed] = await Promise.all([
    ctx.em.count(MailMessage, { status: 'RETRYING' }),
    ctx.em.count(MailMessage, { status: 'FAILED' }),
  ]);
  return { retrying, failed };
}

/** The mail an unsubscribe link came from; null for an unknown link. */
export async function mailByUnsubscribeToken(ctx: UnitOfWork, token: string): Promise<MailMessage | null> {
  if (token.length === 0 || token.length > 100) return null;
  return ctx.em.findOne(MailMessage, { unsubscribeTokenHash: hashToken(token) }, { populate: ['recipient'] });
}
