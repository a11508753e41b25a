import { Collection, type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToMany, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { CommentVisibility } from '@ecohub/domain';
import { Field, ObjectType } from 'type-graphql';
import { VersionedEntity } from '../../core/database/base.entity.ts';
import { DateTime } from '../../core/graphql/scalars.ts';
import { Company } from '../company/company.entity.ts';
import { Person } from '../people/person.entity.ts';
import { Task } from '../task/task.entity.ts';

/** A markdown comment on a task, shared with the company or internal to the experts. */
@ObjectType({ description: 'A markdown comment on a task' })
@Entity()
@Index({ properties: ['task', 'createdAt'] })
export class Comment extends VersionedEntity {
  @ManyToOne(() => Task, { ref: true })
  task!: Ref<Task>;

  @ManyToOne(() => Company, { ref: true })
  company!: Ref<Company>;

  @ManyToOne(() => Person, { ref: true })
  author!: Ref<Person>;

  /** Exposed through a field resolver: a deleted comment's body is hidden. */
  @Property({ type: 'text' })
  body!: string;

  @Field(() => CommentVisibility)
  @Enum({ items: () => CommentVisibility })
  visibility: CommentVisibility & Opt = CommentVisibility.SHARED;

  @ManyToMany(() => Person, undefined, { pivotTable: 'comment_mention', owner: true })
  mentions = new Collection<Person>(this);

  @Field(() => DateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  editedAt: Date | null = null;

  @Field(() => DateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  deletedAt: Date | null = null;
}
