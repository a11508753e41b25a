import { Collection, type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToMany, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { TaskPriority, TaskStatus } from '@ecohub/domain';
import { VersionedEntity } from '../../core/database/base.entity.ts';
import { Company } from '../company/company.entity.ts';
import { Measure } from '../measure/measure.entity.ts';
import { Person } from '../people/person.entity.ts';

/** A unit of work on a company's board, optionally under a measure. */
@Entity()
@Index({ properties: ['company', 'status', 'rank'] })
export class Task extends VersionedEntity {
  @ManyToOne(() => Company, { ref: true })
  company!: Ref<Company>;

  @ManyToOne(() => Measure, { ref: true, nullable: true })
  measure: Ref<Measure> | null = null;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Enum({ items: () => TaskStatus })
  status: TaskStatus & Opt = TaskStatus.TODO;

  @Enum({ items: () => TaskPriority })
  priority: TaskPriority & Opt = TaskPriority.MEDIUM;

  @ManyToMany(() => Person, undefined, { pivotTable: 'task_assignee', owner: true })
  assignees = new Collection<Person>(this);

  @Property({ type: 'date', nullable: true })
  dueOn: string | null = null;

  /** Fractional rank within its status column (see @ecohub/domain rank). */
  @Property({ type: 'string', length: 255, collation: 'C' })
  rank!: string;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  createdBy: Ref<Person> | null = null;

  @Property({ type: 'datetime', nullable: true })
  completedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  archivedAt: Date | null = null;
}
