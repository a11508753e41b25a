import { type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../core/database/base.entity.ts';
import { Comment } from '../comment/comment.entity.ts';
import { Company } from '../company/company.entity.ts';
import { Person } from '../people/person.entity.ts';
import { Task } from '../task/task.entity.ts';

export const NotificationKind = {
  Mention: 'MENTION',
  Assignment: 'ASSIGNMENT',
  DueSoon: 'DUE_SOON',
} as const;
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];

@Entity()
@Index({ properties: ['recipient', 'createdAt'] })
export class Notification extends BaseEntity {
  @ManyToOne(() => Person, { ref: true })
  recipient!: Ref<Person>;

  @Enum({ items: () => NotificationKind })
  kind!: NotificationKind;

  @ManyToOne(() => Company, { ref: true, nullable: true })
  company: Ref<Company> | null = null;

  @ManyToOne(() => Task, { ref: true, nullable: true })
  task: Ref<Task> | null = null;

  @ManyToOne(() => Comment, { ref: true, nullable: true })
  comment: Ref<Comment> | null = null;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  actor: Ref<Person> | null = null;

  @Property({ type: 'datetime', nullable: true })
  readAt: Date | null = null;
}
