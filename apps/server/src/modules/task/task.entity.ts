import { Collection, type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToMany, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { TaskPriority, TaskStatus } from '@ecohub/domain';
import { Field, ObjectType } from 'type-graphql';
import { VersionedEntity } from '../../core/database/base.entity.ts';
import { DateTime, LocalDate } from '../../core/graphql/scalars.ts';
import { Company } from '../company/company.entity.ts';
import { Measure } from '../measure/measure.entity.ts';
import { Person } from '../people/person.entity.ts';

/** A unit of work on a company's board, optionally under a measure. */
@ObjectType({ description: "A card on a company's board, optionally under a measure" })
@Entity()
@Index({ properties: ['company', 'status', 'rank'] })
@Index({ properties: ['measure'] })
export class Task extends VersionedEntity {
  @ManyToOne(() => Company, { ref: true })
  company!: Ref<Company>;

  @ManyToOne(() => Measure, { ref: true, nullable: true })
  measure: Ref<Measure> | null = null;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Markdown' })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => TaskStatus)
  @Enum({ items: () => TaskStatus })
  status: TaskStatus & Opt = TaskStatus.TODO;

  @Field(() => TaskPriority)
  @Enum({ items: () => TaskPriority })
  priority: TaskPriority & Opt = TaskPriority.MEDIUM;

  @ManyToMany(() => Person, undefined, { pivotTable: 'task_assignee', owner: true })
  assignees = new Collection<Person>(this);

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  dueOn: string | null = null;

  /**
   * The calendar day this task's state describes when it was recorded for a past program year
   * (the seeded demo year): its due marks are read on that day. Null for live work (read today).
   */
  @Field(() => LocalDate, { nullable: true, description: 'Due marks are read on this day instead of today (a task recorded for a past program year); null for live work' })
  @Property({ type: 'date', nullable: true })
  asOfOn: string | null = null;

  /** Fractional rank within its status column (see @ecohub/domain rank). */
  @Field(() => String, { description: 'Order within its status column: sort ascending, byte-wise' })
  @Property({ type: 'string', length: 255, collation: 'C' })
  rank!: string;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  createdBy: Ref<Person> | null = null;

  @Field(() => DateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  completedAt: Date | null = null;

  @Field(() => DateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  archivedAt: Date | null = null;

  /** Who wrote the current version (see people/edit-stamp.ts); exposed by a field resolver. */
  @ManyToOne(() => Person, { ref: true, nullable: true })
  lastEditedBy: Ref<Person> | null = null;

  @Field(() => DateTime, { nullable: true, description: 'When the current version was written' })
  @Property({ type: 'datetime', nullable: true })
  lastEditedAt: Date | null = null;
}
