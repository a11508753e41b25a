import { type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Unique } from '@mikro-orm/decorators/legacy';
import { Specialty } from '@ecohub/domain';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.ts';
import { Person } from '../people/person.entity.ts';
import { ExpertTeam } from './expert-team.entity.ts';

@ObjectType({ description: 'A person on an expert team, with the specialty they bring to it' })
@Entity()
@Unique({ properties: ['team', 'person'] })
@Index({ properties: ['person'] })
export class TeamMembership extends BaseEntity {
  @ManyToOne(() => ExpertTeam, { ref: true, deleteRule: 'cascade' })
  team!: Ref<ExpertTeam>;

  @ManyToOne(() => Person, { ref: true })
  person!: Ref<Person>;

  /** The specialty the person brings to this team. */
  @Field(() => Specialty, { nullable: true })
  @Enum({ items: () => Specialty, nullable: true })
  specialty: Specialty | null = null;
}
