import { type Ref } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, Unique } from '@mikro-orm/decorators/legacy';
import { Specialty } from '@ecohub/domain';
import { BaseEntity } from '../../core/database/base.entity.ts';
import { Person } from '../people/person.entity.ts';
import { ExpertTeam } from './expert-team.entity.ts';

@Entity()
@Unique({ properties: ['team', 'person'] })
export class TeamMembership extends BaseEntity {
  @ManyToOne(() => ExpertTeam, { ref: true, deleteRule: 'cascade' })
  team!: Ref<ExpertTeam>;

  @ManyToOne(() => Person, { ref: true })
  person!: Ref<Person>;

  /** The specialty the person brings to this team. */
  @Enum({ items: () => Specialty, nullable: true })
  specialty: Specialty | null = null;
}
