import { Collection, type Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, OneToMany, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../core/graphql/scalars.ts';
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

  @OneToMany(() => BudgetLine, (line) => line.programYear)
  budgetLines = new Collection<BudgetLine>(this);
}
