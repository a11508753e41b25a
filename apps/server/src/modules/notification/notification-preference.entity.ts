import { type Ref } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.ts';
import { Person } from '../people/person.entity.ts';
import { NotificationKind } from './notification.entity.ts';

/** What a person can choose how to receive: each kind of notification, and the digest. */
export const MailTopic = { ...NotificationKind, Digest: 'DIGEST' } as const;
export type MailTopic = (typeof MailTopic)[keyof typeof MailTopic];
export const MAIL_TOPICS = Object.values(MailTopic);

export const DeliveryMode = {
  /** By mail as it happens (gathered into at most one mail per batch window). */
  Immediate: 'IMMEDIATE',
  /** In the daily digest (for the digest itself: receive it). */
  DailyDigest: 'DAILY_DIGEST',
  Off: 'OFF',
} as const;
export type DeliveryMode = (typeof DeliveryMode)[keyof typeof DeliveryMode];

/** The API names topics and modes by their stored values. */
export const MailTopicValues = Object.fromEntries(MAIL_TOPICS.map((t) => [t, t])) as Record<MailTopic, MailTopic>;
export const DeliveryModeValues = Object.fromEntries(Object.values(DeliveryMode).map((m) => [m, m])) as Record<DeliveryMode, DeliveryMode>;
registerEnumType(MailTopicValues, { name: 'MailTopic' });
registerEnumType(DeliveryModeValues, { name: 'DeliveryMode' });

/**
 * Mail is on by default (people missed updates when it was not): every kind immediately and
 * the digest daily. Only a choice that differs is stored.
 */
export function defaultMode(topic: MailTopic): DeliveryMode {
  return topic === MailTopic.Digest ? DeliveryMode.DailyDigest : DeliveryMode.Immediate;
}

@ObjectType({ description: 'How the signed-in person receives one kind of mail' })
@Entity()
@Unique({ properties: ['person', 'kind'] })
export class NotificationPreference extends BaseEntity {
  @ManyToOne(() => Person, { ref: true, deleteRule: 'cascade' })
  person!: Ref<Person>;

  @Field(() => MailTopicValues)
  @Enum({ items: () => MailTopic })
  kind!: MailTopic;

  @Field(() => DeliveryModeValues)
  @Enum({ items: () => DeliveryMode })
  mode!: DeliveryMode;
}
