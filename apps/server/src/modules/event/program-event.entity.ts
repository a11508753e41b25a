import { Collection, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToMany, ManyToOne, OneToMany, Property } from '@mikro-orm/decorators/legacy';
import { EventKind } from '@ecohub/domain';
import { Field, ObjectType } from 'type-graphql';
import { VersionedEntity } from '../../core/database/base.entity.ts';
import { DateTime } from '../../core/graphql/scalars.ts';
import { Company } from '../company/company.entity.ts';
import { ProgramYear } from '../program/program-year.entity.ts';
import { Attendance } from './attendance.entity.ts';

/** A kick-off meeting, workshop, eco-club meeting, training or site visit of a program year. */
@ObjectType({ description: 'A kick-off meeting, workshop, eco-club meeting, training or site visit' })
@Entity({ tableName: 'program_event' })
@Index({ properties: ['programYear', 'startsAt'] })
export class ProgramEvent extends VersionedEntity {
  @ManyToOne(() => ProgramYear, { ref: true })
  programYear!: Ref<ProgramYear>;

  @Field(() => EventKind)
  @Enum({ items: () => EventKind })
  kind!: EventKind;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  venue!: string;

  @Field(() => DateTime)
  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Field(() => DateTime)
  @Property({ type: 'datetime' })
  endsAt!: Date;

  /** Cancelled events stay in the history (and their attendance) but leave the calendar. */
  @Field(() => DateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  cancelledAt: Date | null = null;

  @ManyToMany(() => Company, undefined, { pivotTable: 'program_event_invitee', owner: true })
  invitedCompanies = new Collection<Company>(this);

  @OneToMany(() => Attendance, (attendance) => attendance.event)
  attendances = new Collection<Attendance>(this);
}
