import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../core/database/base.entity.ts';
import { Company } from '../company/company.entity.ts';
import { Person } from '../people/person.entity.ts';
import { ProgramEvent } from './program-event.entity.ts';

/**
 * Who came to an event. Guests without an account (a mayor, association staff) are recorded by
 * name, so `person` is optional.
 */
@Entity()
@Unique({ properties: ['event', 'person'] })
export class Attendance extends BaseEntity {
  @ManyToOne(() => ProgramEvent, { ref: true, deleteRule: 'cascade' })
  event!: Ref<ProgramEvent>;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  person: Ref<Person> | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  guestName: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  guestAffiliation: string | null = null;

  @ManyToOne(() => Company, { ref: true, nullable: true })
  company: Ref<Company> | null = null;

  @Property({ type: 'boolean' })
  attended: boolean & Opt = true;
}
