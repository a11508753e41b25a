import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { FollowUpOutcome, MeasureCategory, MeasureStatus, ScreeningClass } from '@ecohub/domain';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { VersionedEntity } from '../../core/database/base.entity.ts';
import { KrwType } from '../../core/database/types.ts';
import { DateTime, LocalDate, SafeInt } from '../../core/graphql/scalars.ts';
import { Company } from '../company/company.entity.ts';
import { Participation } from '../participation/participation.entity.ts';
import { Person } from '../people/person.entity.ts';
import { EmissionFactor } from './emission-factor.entity.ts';

/**
 * A cleaner-production improvement measure with its economic and environmental effects.
 * Payback and tCO2e are derived (see @ecohub/domain kpi), never stored.
 */
@ObjectType({ description: 'A cleaner-production improvement measure of one company in one program year' })
@Entity()
@Index({ properties: ['company', 'status'] })
@Index({ properties: ['participation'] })
export class Measure extends VersionedEntity {
  @ManyToOne(() => Participation, { ref: true })
  participation!: Ref<Participation>;

  @ManyToOne(() => Company, { ref: true })
  company!: Ref<Company>;

  @Field(() => MeasureCategory)
  @Enum({ items: () => MeasureCategory })
  category!: MeasureCategory;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Markdown' })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => MeasureStatus)
  @Enum({ items: () => MeasureStatus })
  status: MeasureStatus & Opt = MeasureStatus.PROPOSED;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  owner: Ref<Person> | null = null;

  @Field(() => SafeInt)
  @Property({ type: KrwType })
  investmentKrw: number & Opt = 0;

  @Field(() => SafeInt)
  @Property({ type: KrwType })
  expectedAnnualSavingsKrw: number & Opt = 0;

  @Field(() => SafeInt, { nullable: true, description: 'Set by the follow-up check' })
  @Property({ type: KrwType, nullable: true })
  verifiedAnnualSavingsKrw: number | null = null;

  @Field(() => Float)
  @Property({ type: 'double' })
  electricityKwhPerYear: number & Opt = 0;

  @Field(() => Float, { description: 'LNG in Nm³ per year' })
  @Property({ type: 'double' })
  lngNm3PerYear: number & Opt = 0;

  @Field(() => Float)
  @Property({ type: 'double' })
  waterM3PerYear: number & Opt = 0;

  @Field(() => Float, { description: 'Waste in tonnes per year' })
  @Property({ type: 'double' })
  wasteTPerYear: number & Opt = 0;

  @Field(() => Float, { description: 'Raw materials in tonnes per year' })
  @Property({ type: 'double' })
  rawMaterialsTPerYear: number & Opt = 0;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', nullable: true })
  productivityGainPct: number | null = null;

  /** Feasibility scores 1–5, as in the UNEP cleaner-production assessment. */
  @Field(() => Int, { nullable: true, description: '1 (poor) to 5 (excellent)' })
  @Property({ type: 'smallint', nullable: true })
  technicalFeasibility: number | null = null;

  @Field(() => Int, { nullable: true, description: '1 (poor) to 5 (excellent)' })
  @Property({ type: 'smallint', nullable: true })
  economicFeasibility: number | null = null;

  @Field(() => Int, { nullable: true, description: '1 (poor) to 5 (excellent)' })
  @Property({ type: 'smallint', nullable: true })
  environmentalFeasibility: number | null = null;

  @Field(() => ScreeningClass, { nullable: true, description: 'UNEP screening of the option' })
  @Enum({ items: () => ScreeningClass, nullable: true })
  screeningClass: ScreeningClass | null = null;

  @ManyToOne(() => EmissionFactor, { ref: true, nullable: true })
  electricityFactor: Ref<EmissionFactor> | null = null;

  @ManyToOne(() => EmissionFactor, { ref: true, nullable: true })
  lngFactor: Ref<EmissionFactor> | null = null;

  @ManyToOne(() => EmissionFactor, { ref: true, nullable: true })
  waterFactor: Ref<EmissionFactor> | null = null;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  implementedOn: string | null = null;

  /** The follow-up check some months after implementation. */
  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  followUpDueOn: string | null = null;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  followUpCheckedOn: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  followUpNote: string | null = null;

  /**
   * The company's own latest follow-up report (modules/follow-up), kept apart from the proposed
   * figures above and from what an expert verified.
   */
  @Field(() => FollowUpOutcome, { nullable: true, description: "The company's latest follow-up answer" })
  @Enum({ items: () => FollowUpOutcome, nullable: true })
  reportedOutcome: FollowUpOutcome | null = null;

  @Field(() => SafeInt, { nullable: true, description: 'Actual investment the company reported at follow-up' })
  @Property({ type: KrwType, nullable: true })
  reportedInvestmentKrw: number | null = null;

  @Field(() => SafeInt, { nullable: true, description: 'Actual annual savings the company reported at follow-up' })
  @Property({ type: KrwType, nullable: true })
  reportedAnnualSavingsKrw: number | null = null;

  @Field(() => LocalDate, { nullable: true, description: 'When the company says it implemented the measure' })
  @Property({ type: 'date', nullable: true })
  reportedOn: string | null = null;

  @Field(() => SafeInt, { nullable: true, description: 'Investment confirmed by an expert at follow-up' })
  @Property({ type: KrwType, nullable: true })
  verifiedInvestmentKrw: number | null = null;

  @Field(() => DateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  archivedAt: Date | null = null;

  /** Who wrote the current version (see people/edit-stamp.ts); exposed by a field resolver. */
  @ManyToOne(() => Person, { ref: true, nullable: true })
  lastEditedBy: Ref<Person> | null = null;

  @Field(() => DateTime, { nullable: true, description: 'When the current version was written' })
  @Property({ type: 'datetime', nullable: true })
  lastEditedAt: Date | null = null;
}
