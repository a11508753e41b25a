import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { FundingSource } from '@ecohub/domain';
import { Field, ObjectType } from 'type-graphql';
import { SafeInt } from '../../core/graphql/scalars.ts';
import { VersionedEntity } from '../../core/database/base.entity.ts';
import { KrwType } from '../../core/database/types.ts';
import { Organization } from './organization.entity.ts';
import { ProgramYear } from './program-year.entity.ts';

/** One funding source's share of a program year's budget, planned and spent, in KRW. */
@ObjectType()
@Entity()
@Unique({ properties: ['programYear', 'source'] })
export class BudgetLine extends VersionedEntity {
  @ManyToOne(() => ProgramYear, { ref: true })
  programYear!: Ref<ProgramYear>;

  @Field(() => FundingSource)
  @Enum({ items: () => FundingSource })
  source!: FundingSource;

  @ManyToOne(() => Organization, { ref: true, nullable: true })
  organization: Ref<Organization> | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  label: string | null = null;

  @Field(() => SafeInt)
  @Property({ type: KrwType })
  plannedKrw!: number;

  @Field(() => SafeInt)
  @Property({ type: KrwType })
  spentKrw: number & Opt = 0;
}
