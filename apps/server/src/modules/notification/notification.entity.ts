import { type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.ts';
import { DateTime } from '../../core/graphql/scalars.ts';
import { Comment } from '../comment/comment.entity.ts';
import { Company } from '../company/company.entity.ts';
import { Person } from '../people/person.entity.ts';
import { Measure } from '../measure/measure.entity.ts';
import { Task } from '../task/task.entity.ts';

export const NotificationKind = {
  Mention: 'MENTION',
  Assignment: 'ASSIGNMENT',
  DueSoon: 'DUE_SOON',
  Overdue: 'OVERDUE',
  /** A follow-up request about the company's measures was opened (no task: links to the company's follow-up). */
  FollowUpDue: 'FOLLOW_UP_DUE',
  FollowUpReminder: 'FOLLOW_UP_REMINDER',
} as const;
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];

/** The API names the kinds by their stored values (MENTION, ASSIGNMENT, DUE_SOON, OVERDUE, FOLLOW_UP_DUE). */
const NotificationKindValues = Object.fromEntries(Object.values(NotificationKind).map((kind) => [kind, kind])) as Record<NotificationKind, NotificationKind>;
registerEnumType(NotificationKindValues, { name: 'NotificationKind' });

@ObjectType({ description: 'Something that happened to the signed-in person: a mention, an assignment, a due date, an overdue task, a follow-up due' })
@Entity()
@Index({ properties: ['recipient', 'createdAt'] })
export class Notification extends BaseEntity {
  @ManyToOne(() => Person, { ref: true })
  recipient!: Ref<Person>;

  @Field(() => NotificationKindValues)
  @Enum({ items: () => NotificationKind })
  kind!: NotificationKind;

  @ManyToOne(() => Company, { ref: true, nullable: true })
  company: Ref<Company> | null = null;

  @ManyToOne(() => Task, { ref: true, nullable: true })
  task: Ref<Task> | null = null;

  @ManyToOne(() => Comment, { ref: true, nullable: true })
  comment: Ref<Comment> | null = null;

  @ManyToOne(() => Measure, { ref: true, nullable: true })
  measure: Ref<Measure> | null = null;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  actor: Ref<Person> | null = null;

  /** When it went out by mail (alone or in a batch or digest); null while not mailed. */
  @Property({ type: 'datetime', nullable: true })
  mailedAt: Date | null = null;

  @Field(() => DateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  readAt: Date | null = null;
}
