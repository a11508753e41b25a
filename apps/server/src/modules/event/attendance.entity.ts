import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.ts';
import { Company } from '../company/company.entity.ts';
import { Person } from '../people/person.entity.ts';
import { ProgramEvent } from './program-event.entity.ts';

/**
 * Who came to an event. Guests without an account (a mayor, association staff) are recorded by
 * name, so `person` is optional.
 */
@ObjectType({ description: 'Who came to an event: a person with an account, or a guest by name' })
@Entity()
@Unique({ properties: ['event', 'person'] })
export class Attendance extends BaseEntity {
  @ManyToOne(() => ProgramEvent, { ref: true, deleteRule: 'cascade' })
  event!: Ref<ProgramEvent>;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  person: Ref<Person> | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  guestName: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  guestAffiliation: string | null = null;

  @ManyToOne(() => Company, { ref: true, nullable: true })
  company: Ref<Company> | null = null;

  @Field(() => Boolean, { description: 'False for someone registered who did not come' })
  @Property({ type: 'boolean' })
  attended: boolean & Opt = true;
}
