import { Collection, type Ref } from '@mikro-orm/core';
import { Entity, Enum, ManyToMany, ManyToOne, OneToMany, Property } from '@mikro-orm/decorators/legacy';
import { EventKind } from '@ecohub/domain';
import { VersionedEntity } from '../../core/database/base.entity.ts';
import { Company } from '../company/company.entity.ts';
import { ProgramYear } from '../program/program-year.entity.ts';
import { Attendance } from './attendance.entity.ts';

/** A kick-off meeting, workshop, eco-club meeting, training or site visit of a program year. */
@Entity({ tableName: 'program_event' })
export class ProgramEvent extends VersionedEntity {
  @ManyToOne(() => ProgramYear, { ref: true })
  programYear!: Ref<ProgramYear>;

  @Enum({ items: () => EventKind })
  kind!: EventKind;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Property({ type: 'string', length: 200 })
  venue!: string;

  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Property({ type: 'datetime' })
  endsAt!: Date;

  @ManyToMany(() => Company, undefined, { pivotTable: 'program_event_invitee', owner: true })
  invitedCompanies = new Collection<Company>(this);

  @OneToMany(() => Attendance, (attendance) => attendance.event)
  attendances = new Collection<Attendance>(this);
}
