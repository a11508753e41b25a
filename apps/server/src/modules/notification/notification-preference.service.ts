import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../core/errors.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { newId } from '../../core/ids.ts';
import { defaultMode, DeliveryMode, MAIL_TOPICS, MailTopic, NotificationPreference } from './notification-preference.entity.ts';

/** Every topic with the person's mode (stored choice or default), in a fixed order. */
export async function preferencesOf(em: EntityManager, personId: string): Promise<NotificationPreference[]> {
  const stored = await em.find(NotificationPreference, { person: personId });
  return MAIL_TOPICS.map(
    (kind) => stored.find((p) => p.kind === kind) ?? em.create(NotificationPreference, { person: personId, kind, mode: defaultMode(kind) }, { persist: false }),
  );
}

export async function modeOf(em: EntityManager, personId: string, topic: MailTopic): Promise<DeliveryMode> {
  const row = await em.findOne(NotificationPreference, { person: personId, kind: topic });
  return row?.mode ?? defaultMode(topic);
}

/** Stores one choice (insert or update: two tabs saving at once end with the last one). */
export async function storePreference(em: EntityManager, personId: string, topic: MailTopic, mode: DeliveryMode): Promise<void> {
  if (topic === MailTopic.Digest && mode === DeliveryMode.Immediate) {
    throw badInput('The digest comes daily (weekly for observers) or not at all', [
      { field: 'mode', rule: 'notAllowed', message: 'DIGEST takes DAILY_DIGEST or OFF' },
    ]);
  }
  await em.execute(
    `insert into notification_preference (id, person_id, kind, mode) values (?, ?, ?, ?)
     on conflict (person_id, kind) do update set mode = excluded.mode, updated_at = now()`,
    [newId(), personId, topic, mode],
  );
}

/** The viewer's own choice for one topic; returns all their preferences. */
export async function setNotificationPreference(ctx: UnitOfWork, topic: MailTopic, mode: DeliveryMode): Promise<NotificationPreference[]> {
  const viewer = ctx.access.requireViewer();
  await storePreference(ctx.em, viewer.personId, topic, mode);
  return preferencesOf(ctx.em.fork(), viewer.personId);
}
