import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { FollowUpOutcome } from '@ecohub/domain';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.ts';
import { KrwType } from '../../core/database/types.ts';
import { DateTime, LocalDate, SafeInt } from '../../core/graphql/scalars.ts';
import { Company } from '../company/index.ts';
import { Measure } from '../measure/index.ts';
import { Participation } from '../participation/index.ts';
import { Person } from '../people/index.ts';
import { ProgramYear } from '../program/index.ts';

/** When a program year's follow-ups fall: months after the year ends (default 6 and 12). */
@ObjectType({ description: "A program year's follow-up schedule" })
@Entity()
export class FollowUpPlan extends BaseEntity {
  @Unique()
  @ManyToOne(() => ProgramYear, { ref: true })
  programYear!: Ref<ProgramYear>;

  @Field(() => [Int], { description: 'Months after the year ends' })
  @Property({ type: 'json' })
  monthsAfter!: number[];
}

/**
 * One company asked, some months after its program year ended, what became of its measures.
 * Opened by the scheduler when due (or by a manager), answered by the company's staff.
 */
@ObjectType({ description: 'A follow-up request to one company about its measures of one program year' })
@Entity()
@Unique({ properties: ['participation', 'monthsAfter'] })
@Index({ properties: ['company'] })
export class FollowUpRequest extends BaseEntity {
  /**
   * Counts submissions. Not an optimistic lock: answers are per measure, so two people answering
   * different measures at once must both succeed; a client may still name the version it saw.
   */
  @Field(() => Int, { description: 'Increases with every submission' })
  @Property({ type: 'integer' })
  version: number & Opt = 1;

  @ManyToOne(() => ProgramYear, { ref: true })
  programYear!: Ref<ProgramYear>;

  @ManyToOne(() => Participation, { ref: true })
  participation!: Ref<Participation>;

  @ManyToOne(() => Company, { ref: true })
  company!: Ref<Company>;

  @Field(() => Int, { description: 'Months after the program year ended' })
  @Property({ type: 'integer' })
  monthsAfter!: number;

  @Field(() => LocalDate, { description: 'The day the request fell due (year end + monthsAfter)' })
  @Property({ type: 'date' })
  dueOn!: string;

  @Field(() => DateTime, { nullable: true, description: 'When the company last sent its answers' })
  @Property({ type: 'datetime', nullable: true })
  submittedAt: Date | null = null;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  submittedBy: Ref<Person> | null = null;

  @Field(() => DateTime, { nullable: true, description: 'When the last reminder went out' })
  @Property({ type: 'datetime', nullable: true })
  remindedAt: Date | null = null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  reminders: number & Opt = 0;
}

/** The company's answer about one measure, and an expert's verification of it. */
@ObjectType({ description: "A company's follow-up answer about one measure" })
@Entity()
@Unique({ properties: ['request', 'measure'] })
export class FollowUpAnswer extends BaseEntity {
  @ManyToOne(() => FollowUpRequest, { ref: true, deleteRule: 'cascade' })
  request!: Ref<FollowUpRequest>;

  @ManyToOne(() => Measure, { ref: true })
  measure!: Ref<Measure>;

  @ManyToOne(() => Company, { ref: true })
  company!: Ref<Company>;

  @Field(() => FollowUpOutcome)
  @Enum({ items: () => FollowUpOutcome })
  outcome!: FollowUpOutcome;

  @Field(() => String, { nullable: true, description: 'Why it was not implemented' })
  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Field(() => SafeInt, { nullable: true })
  @Property({ type: KrwType, nullable: true })
  actualInvestmentKrw: number | null = null;

  @Field(() => SafeInt, { nullable: true })
  @Property({ type: KrwType, nullable: true })
  actualAnnualSavingsKrw: number | null = null;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  implementedOn: string | null = null;

  @ManyToOne(() => Person, { ref: true })
  answeredBy!: Ref<Person>;

  @Field(() => DateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  verifiedAt: Date | null = null;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  verifiedBy: Ref<Person> | null = null;

  @Field(() => SafeInt, { nullable: true })
  @Property({ type: KrwType, nullable: true })
  verifiedInvestmentKrw: number | null = null;

  @Field(() => SafeInt, { nullable: true })
  @Property({ type: KrwType, nullable: true })
  verifiedAnnualSavingsKrw: number | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  verificationNote: string | null = null;
}
