import { type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { DiagnosisKind } from '@ecohub/domain';
import { Field, Float, ObjectType } from 'type-graphql';
import { VersionedEntity } from '../../core/database/base.entity.ts';
import { DateTime, LocalDate } from '../../core/graphql/scalars.ts';
import { Company } from '../company/company.entity.ts';
import { Participation } from '../participation/participation.entity.ts';
import { Person } from '../people/person.entity.ts';

/**
 * A process diagnosis of a plant: what was examined, the annual inputs and outputs measured,
 * and the findings the measures are built on.
 */
@ObjectType({ description: 'A process diagnosis of a plant: what was examined, annual inputs and outputs, findings' })
@Entity()
@Index({ properties: ['company', 'conductedOn'] })
@Index({ properties: ['participation'] })
export class Diagnosis extends VersionedEntity {
  @ManyToOne(() => Participation, { ref: true })
  participation!: Ref<Participation>;

  /** Denormalized from the participation so tenant scoping is one indexed column. */
  @ManyToOne(() => Company, { ref: true })
  company!: Ref<Company>;

  @Field(() => DiagnosisKind)
  @Enum({ items: () => DiagnosisKind })
  kind!: DiagnosisKind;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  conductedOn!: string;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  leadExpert: Ref<Person> | null = null;

  @Field(() => String)
  @Property({ type: 'text' })
  processesExamined!: string;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', nullable: true })
  electricityKwhPerYear: number | null = null;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', nullable: true })
  lngNm3PerYear: number | null = null;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', nullable: true })
  waterM3PerYear: number | null = null;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', nullable: true })
  rawMaterialsTPerYear: number | null = null;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', nullable: true })
  wasteTPerYear: number | null = null;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', nullable: true })
  wastewaterM3PerYear: number | null = null;

  @Field(() => String)
  @Property({ type: 'text' })
  findings!: string;

  /** Who wrote the current version (see people/edit-stamp.ts); exposed by a field resolver. */
  @ManyToOne(() => Person, { ref: true, nullable: true })
  lastEditedBy: Ref<Person> | null = null;

  @Field(() => DateTime, { nullable: true, description: 'When the current version was written' })
  @Property({ type: 'datetime', nullable: true })
  lastEditedAt: Date | null = null;
}
