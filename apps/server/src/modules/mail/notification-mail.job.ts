import type { EntityManager } from '@mikro-orm/postgresql';
import { Access } from '../../core/auth/access.ts';
import { systemUnitOfWork, viewerForPerson } from '../../core/actor/job-actor.ts';
import type { AppServices } from '../../core/app-services.ts';
import { inTransaction } from '../../core/database/transaction.ts';
import { followUpRoundsOf, type FollowUpRound } from '../follow-up/index.ts';
import { DeliveryMode, modeOf, Notification, type NotificationKind } from '../notification/index.ts';
import { Person } from '../people/person.entity.ts';
import { MailKind } from './mail-message.entity.ts';
import { mailText } from './mail-texts.ts';
import { queueMail } from './mail.service.ts';

/** Where a notification leads: the exact task, comment or measure. */
export function notificationLink(origin: string, n: Notification): string | null {
  const companyId = n.company?.id;
  if (!companyId) return null;
  if (n.task) return `${origin}/companies/${companyId}/tasks/${n.task.id}${n.comment ? `#comment-${n.comment.id}` : ''}`;
  if (n.measure) return `${origin}/companies/${companyId}/measures#measure-${n.measure.id}`;
  // A follow-up request is about the company's measures as a whole: its follow-up page.
  if (n.kind === 'FOLLOW_UP_DUE' || n.kind === 'FOLLOW_UP_REMINDER') return `${origin}/companies/${companyId}/follow-up`;
  return null;
}

export function notificationLine(locale: 'ko' | 'en', n: Notification, rounds: ReadonlyMap<string, FollowUpRound>): string {
  const t = mailText(locale);
  const round = rounds.get(n.id);
  if (round && (n.kind === 'FOLLOW_UP_DUE' || n.kind === 'FOLLOW_UP_REMINDER')) {
    const company = locale === 'en' ? (round.companyEn ?? round.companyKo) : round.companyKo;
    return t.followUpRoundLine[n.kind](t.followUpRound(company, round.startYear, round.yearNumber, round.monthsAfter));
  }
  const actor = n.actor?.getEntity().name ?? t.someone;
  const subject = n.task?.getEntity().title ?? n.measure?.getEntity().title ?? '';
  return t.kindLine[n.kind](actor, subject);
}

/**
 * The person's notifications not yet handled by mail that they may still see, sorted by how
 * they want them (immediately, in the digest, or not at all). Those they can no longer see are
 * dropped: marked handled, never mailed.
 */
export async function pendingNotifications(em: EntityManager, personId: string): Promise<Record<DeliveryMode, Notification[]>> {
  const sorted: Record<DeliveryMode, Notification[]> = { IMMEDIATE: [], DAILY_DIGEST: [], OFF: [] };
  const viewer = await viewerForPerson(em, personId);
  if (!viewer) return sorted;
  const access = new Access(em, viewer);
  const pending = await em.find(
    Notification,
    { recipient: personId, mailedAt: null },
    { populate: ['task', 'measure', 'actor'], orderBy: { createdAt: 'asc' } },
  );
  const modes = new Map<NotificationKind, DeliveryMode>();
  for (const n of pending) {
    if (!modes.has(n.kind)) modes.set(n.kind, await modeOf(em, personId, n.kind));
    const visible = n.company ? await access.canSeeCompany('work', n.company.id) : false;
    sorted[visible ? modes.get(n.kind)! : DeliveryMode.Off].push(n);
  }
  return sorted;
}

/**
 * Runs once per batch window per person (the job key keeps one pending job each): one mail
 * listing every notification they want immediately.
 */
export async function notificationMailJob(services: AppServices, personId: string): Promise<void> {
  const uow = systemUnitOfWork(services, services.logger.child({ job: 'notifications:mail', personId }));
  await inTransaction(uow, async (em, changes) => {
    const person = await em.findOne(Person, { id: personId });
    if (!person) return;
    const { IMMEDIATE: now, OFF: dropped } = await pendingNotifications(em, personId);
    const handledAt = new Date();
    for (const n of [...now, ...dropped]) n.mailedAt = handledAt;
    await em.flush();
    if (now.length === 0) return;
    const rounds = await followUpRoundsOf(em, now.map((n) => n.id));
    await queueMail(em, changes, {
      to: { id: person.id, email: person.email, locale: person.locale },
      kind: MailKind.Notifications,
      unsubscribeTopics: [...new Set(now.map((n) => n.kind))],
      render: (locale, origin) => {
        const t = mailText(locale);
        return {
          subject: t.notificationsSubject(now.length),
          heading: t.notificationsHeading,
          paragraphs: [t.notificationsBody],
          items: now.map((n) => ({ text: notificationLine(locale, n, rounds), url: notificationLink(origin, n) })),
          footer: [t.footer],
        };
      },
    });
  });
}
