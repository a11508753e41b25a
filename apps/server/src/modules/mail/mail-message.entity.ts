import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.ts';
import { DateTime } from '../../core/graphql/scalars.ts';
import { Company } from '../company/company.entity.ts';
import { Person } from '../people/person.entity.ts';

export const MailKind = {
  Invitation: 'INVITATION',
  SignInLink: 'SIGN_IN_LINK',
  /** Mentions, assignments and reminders gathered for one person. */
  Notifications: 'NOTIFICATIONS',
  Digest: 'DIGEST',
} as const;
export type MailKind = (typeof MailKind)[keyof typeof MailKind];

export const MailStatus = {
  /** Waiting for the send job. */
  Queued: 'QUEUED',
  /** The SMTP server did not take it; the job retries with backoff. */
  Retrying: 'RETRYING',
  Sent: 'SENT',
  /** No SMTP_URL: kept here for admins to read in the app. */
  Kept: 'KEPT',
  /** Gave up after the last retry. */
  Failed: 'FAILED',
  /** Not sent: the person was disabled, lost access, turned the kind off, or bounced before. */
  Skipped: 'SKIPPED',
  /** The server refused the address; the person is marked. */
  Bounced: 'BOUNCED',
} as const;
export type MailStatus = (typeof MailStatus)[keyof typeof MailStatus];

const MailKindValues = Object.fromEntries(Object.values(MailKind).map((k) => [k, k])) as Record<MailKind, MailKind>;
export const MailStatusValues = Object.fromEntries(Object.values(MailStatus).map((s) => [s, s])) as Record<MailStatus, MailStatus>;
registerEnumType(MailKindValues, { name: 'MailKind' });
registerEnumType(MailStatusValues, { name: 'MailStatus' });

/**
 * One mail: rendered when queued (in the recipient's locale), then delivered by the send job.
 * Without SMTP it stays here and admins read it on the outbox page.
 */
@ObjectType({ description: 'A mail the hub sent or keeps (admins only): the outbox' })
@Entity()
@Index({ properties: ['createdAt'] })
export class MailMessage extends BaseEntity {
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  recipient: Ref<Person> | null = null;

  @Field(() => String)
  @Property({ type: 'string', length: 254 })
  toAddress!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 5, default: 'ko' })
  locale: string & Opt = 'ko';

  @Field(() => MailKindValues)
  @Enum({ items: () => MailKind })
  kind!: MailKind;

  /** The company the mail is about: checked again when sending (access may have been lost). */
  @ManyToOne(() => Company, { ref: true, nullable: true, deleteRule: 'set null' })
  company: Ref<Company> | null = null;

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  subject!: string;

  @Field(() => String, { description: 'The rendered HTML part' })
  @Property({ type: 'text' })
  html!: string;

  @Field(() => String, { description: 'The plain-text part' })
  @Property({ type: 'text' })
  text!: string;

  /** One-click unsubscribe (RFC 8058) from this mail's kind; only the hash is kept. */
  @Property({ type: 'string', length: 64, nullable: true, unique: true })
  unsubscribeTokenHash: string | null = null;

  /** The unsubscribe address for the List-Unsubscribe header (the same link is in the body). */
  @Property({ type: 'string', length: 1000, nullable: true })
  listUnsubscribe: string | null = null;

  /** The preference topics (MailTopic values) its unsubscribe link turns off. */
  @Property({ type: 'text[]', default: [] })
  unsubscribeTopics: string[] & Opt = [];

  @Field(() => MailStatusValues)
  @Enum({ items: () => MailStatus, default: MailStatus.Queued })
  status: MailStatus & Opt = MailStatus.Queued;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  attempts: number & Opt = 0;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed, or why it was skipped' })
  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Field(() => DateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  sentAt: Date | null = null;
}
