import { Collection, type Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, OneToMany, Property } from '@mikro-orm/decorators/legacy';
import { VersionedEntity } from '../../core/database/base.entity.ts';
import { Person } from '../people/person.entity.ts';
import { ProgramYear } from '../program/program-year.entity.ts';
import { TeamMembership } from './team-membership.entity.ts';

/** A consulting team of one program year; companies are assigned to it through participations. */
@Entity()
export class ExpertTeam extends VersionedEntity {
  @ManyToOne(() => ProgramYear, { ref: true })
  programYear!: Ref<ProgramYear>;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  lead: Ref<Person> | null = null;

  @Property({ type: 'text', nullable: true })
  focus: string | null = null;

  @OneToMany(() => TeamMembership, (membership) => membership.team)
  memberships = new Collection<TeamMembership>(this);
}
