import { Collection, type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, OneToMany, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { VersionedEntity } from '../../core/database/base.entity.ts';
import { Person } from '../people/person.entity.ts';
import { ProgramYear } from '../program/program-year.entity.ts';
import { TeamMembership } from './team-membership.entity.ts';

/** A consulting team of one program year; companies are assigned to it through participations. */
@ObjectType({ description: 'A consulting team of one program year; companies are assigned to it through participations' })
@Entity()
@Index({ properties: ['programYear'] })
export class ExpertTeam extends VersionedEntity {
  @ManyToOne(() => ProgramYear, { ref: true })
  programYear!: Ref<ProgramYear>;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  name!: string;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  lead: Ref<Person> | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  focus: string | null = null;

  @OneToMany(() => TeamMembership, (membership) => membership.team)
  memberships = new Collection<TeamMembership>(this);
}
