import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { ParticipationStatus } from '@ecohub/domain';
import { Field, ObjectType } from 'type-graphql';
import { VersionedEntity } from '../../core/database/base.entity.ts';
import { KrwType } from '../../core/database/types.ts';
import { LocalDate, SafeInt } from '../../core/graphql/scalars.ts';
import { Company } from '../company/company.entity.ts';
import { ProgramYear } from '../program/program-year.entity.ts';
import { ExpertTeam } from '../team/expert-team.entity.ts';

/** A company's path through one program year, from application to completion. */
@ObjectType({ description: "A company's path through one program year, from application to completion" })
@Entity()
@Unique({ properties: ['programYear', 'company'] })
@Index({ properties: ['company'] })
@Index({ properties: ['team'] })
export class Participation extends VersionedEntity {
  @ManyToOne(() => ProgramYear, { ref: true })
  programYear!: Ref<ProgramYear>;

  @ManyToOne(() => Company, { ref: true })
  company!: Ref<Company>;

  @Field(() => ParticipationStatus)
  @Enum({ items: () => ParticipationStatus })
  status: ParticipationStatus & Opt = ParticipationStatus.APPLIED;

  @ManyToOne(() => ExpertTeam, { ref: true, nullable: true })
  team: Ref<ExpertTeam> | null = null;

  /** The company's own contribution to the program year's budget. */
  @Field(() => SafeInt, { description: "The company's own contribution to the year's budget, in KRW" })
  @Property({ type: KrwType })
  contributionKrw: number & Opt = 0;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  appliedOn!: string;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  initiallyDiagnosedOn: string | null = null;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  selectedOn: string | null = null;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  notSelectedOn: string | null = null;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  agreementSignedOn: string | null = null;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  activeOn: string | null = null;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  completedOn: string | null = null;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  withdrawnOn: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;
}
