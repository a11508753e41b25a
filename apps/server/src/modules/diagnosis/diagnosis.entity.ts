import { type Ref } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { DiagnosisKind } from '@ecohub/domain';
import { VersionedEntity } from '../../core/database/base.entity.ts';
import { Company } from '../company/company.entity.ts';
import { Participation } from '../participation/participation.entity.ts';
import { Person } from '../people/person.entity.ts';

/**
 * A process diagnosis of a plant: what was examined, the annual inputs and outputs measured,
 * and the findings the measures are built on.
 */
@Entity()
export class Diagnosis extends VersionedEntity {
  @ManyToOne(() => Participation, { ref: true })
  participation!: Ref<Participation>;

  /** Denormalized from the participation so tenant scoping is one indexed column. */
  @ManyToOne(() => Company, { ref: true })
  company!: Ref<Company>;

  @Enum({ items: () => DiagnosisKind })
  kind!: DiagnosisKind;

  @Property({ type: 'date' })
  conductedOn!: string;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  leadExpert: Ref<Person> | null = null;

  @Property({ type: 'text' })
  processesExamined!: string;

  @Property({ type: 'double', nullable: true })
  electricityKwhPerYear: number | null = null;

  @Property({ type: 'double', nullable: true })
  lngNm3PerYear: number | null = null;

  @Property({ type: 'double', nullable: true })
  waterM3PerYear: number | null = null;

  @Property({ type: 'double', nullable: true })
  rawMaterialsTPerYear: number | null = null;

  @Property({ type: 'double', nullable: true })
  wasteTPerYear: number | null = null;

  @Property({ type: 'double', nullable: true })
  wastewaterM3PerYear: number | null = null;

  @Property({ type: 'text' })
  findings!: string;
}
