import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { ParticipationStatus } from '@ecohub/domain';
import { VersionedEntity } from '../../core/database/base.entity.ts';
import { KrwType } from '../../core/database/types.ts';
import { Company } from '../company/company.entity.ts';
import { ProgramYear } from '../program/program-year.entity.ts';
import { ExpertTeam } from '../team/expert-team.entity.ts';

/** A company's path through one program year, from application to completion. */
@Entity()
@Unique({ properties: ['programYear', 'company'] })
export class Participation extends VersionedEntity {
  @ManyToOne(() => ProgramYear, { ref: true })
  programYear!: Ref<ProgramYear>;

  @ManyToOne(() => Company, { ref: true })
  company!: Ref<Company>;

  @Enum({ items: () => ParticipationStatus })
  status: ParticipationStatus & Opt = ParticipationStatus.APPLIED;

  @ManyToOne(() => ExpertTeam, { ref: true, nullable: true })
  team: Ref<ExpertTeam> | null = null;

  /** The company's own contribution to the program year's budget. */
  @Property({ type: KrwType })
  contributionKrw: number & Opt = 0;

  @Property({ type: 'date' })
  appliedOn!: string;

  @Property({ type: 'date', nullable: true })
  initiallyDiagnosedOn: string | null = null;

  @Property({ type: 'date', nullable: true })
  selectedOn: string | null = null;

  @Property({ type: 'date', nullable: true })
  notSelectedOn: string | null = null;

  @Property({ type: 'date', nullable: true })
  agreementSignedOn: string | null = null;

  @Property({ type: 'date', nullable: true })
  activeOn: string | null = null;

  @Property({ type: 'date', nullable: true })
  completedOn: string | null = null;

  @Property({ type: 'date', nullable: true })
  withdrawnOn: string | null = null;

  @Property({ type: 'text', nullable: true })
  note: string | null = null;
}
