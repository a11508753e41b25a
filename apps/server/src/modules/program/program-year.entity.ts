import { Collection, type Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, OneToMany, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { KrwType } from '../../core/database/types.ts';
import { LocalDate, SafeInt } from '../../core/graphql/scalars.ts';
import { VersionedEntity } from '../../core/database/base.entity.ts';
import { BudgetLine } from './budget-line.entity.ts';
import { Program } from './program.entity.ts';

@ObjectType({ description: 'One year of a program, with its own budget, teams and participants' })
@Entity()
@Unique({ properties: ['program', 'number'] })
export class ProgramYear extends VersionedEntity {
  @ManyToOne(() => Program, { ref: true })
  program!: Ref<Program>;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  number!: number;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  startsOn!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  endsOn!: string;

  @Field(() => SafeInt, { nullable: true, description: 'Target expected annual savings of the year (KRW); null until a manager sets it' })
  @Property({ type: KrwType, nullable: true })
  targetSavingsKrw: number | null = null;

  @Field(() => Float, { nullable: true, description: 'Target greenhouse-gas reduction of the year (tCO2e per year)' })
  @Property({ type: 'double', nullable: true, fieldName: 'target_ghg_tco2e' })
  targetGhgTco2e: number | null = null;

  @Field(() => Float, { nullable: true, description: 'Target share of measures implemented (0–1, dropped measures left out)' })
  @Property({ type: 'double', nullable: true })
  targetImplementationRate: number | null = null;

  @OneToMany(() => BudgetLine, (line) => line.programYear)
  budgetLines = new Collection<BudgetLine>(this);
}
