import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { MeasureCategory, MeasureStatus, ScreeningClass } from '@ecohub/domain';
import { VersionedEntity } from '../../core/database/base.entity.ts';
import { KrwType } from '../../core/database/types.ts';
import { Company } from '../company/company.entity.ts';
import { Participation } from '../participation/participation.entity.ts';
import { Person } from '../people/person.entity.ts';
import { EmissionFactor } from './emission-factor.entity.ts';

/**
 * A cleaner-production improvement measure with its economic and environmental effects.
 * Payback and tCO2e are derived (see @ecohub/domain kpi), never stored.
 */
@Entity()
@Index({ properties: ['company', 'status'] })
export class Measure extends VersionedEntity {
  @ManyToOne(() => Participation, { ref: true })
  participation!: Ref<Participation>;

  @ManyToOne(() => Company, { ref: true })
  company!: Ref<Company>;

  @Enum({ items: () => MeasureCategory })
  category!: MeasureCategory;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Enum({ items: () => MeasureStatus })
  status: MeasureStatus & Opt = MeasureStatus.PROPOSED;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  owner: Ref<Person> | null = null;

  @Property({ type: KrwType })
  investmentKrw: number & Opt = 0;

  @Property({ type: KrwType })
  expectedAnnualSavingsKrw: number & Opt = 0;

  @Property({ type: KrwType, nullable: true })
  verifiedAnnualSavingsKrw: number | null = null;

  @Property({ type: 'double' })
  electricityKwhPerYear: number & Opt = 0;

  @Property({ type: 'double' })
  lngNm3PerYear: number & Opt = 0;

  @Property({ type: 'double' })
  waterM3PerYear: number & Opt = 0;

  @Property({ type: 'double' })
  wasteTPerYear: number & Opt = 0;

  @Property({ type: 'double' })
  rawMaterialsTPerYear: number & Opt = 0;

  @Property({ type: 'double', nullable: true })
  productivityGainPct: number | null = null;

  /** Feasibility scores 1–5, as in the UNEP cleaner-production assessment. */
  @Property({ type: 'smallint', nullable: true })
  technicalFeasibility: number | null = null;

  @Property({ type: 'smallint', nullable: true })
  economicFeasibility: number | null = null;

  @Property({ type: 'smallint', nullable: true })
  environmentalFeasibility: number | null = null;

  @Enum({ items: () => ScreeningClass, nullable: true })
  screeningClass: ScreeningClass | null = null;

  @ManyToOne(() => EmissionFactor, { ref: true, nullable: true })
  electricityFactor: Ref<EmissionFactor> | null = null;

  @ManyToOne(() => EmissionFactor, { ref: true, nullable: true })
  lngFactor: Ref<EmissionFactor> | null = null;

  @ManyToOne(() => EmissionFactor, { ref: true, nullable: true })
  waterFactor: Ref<EmissionFactor> | null = null;

  @Property({ type: 'date', nullable: true })
  implementedOn: string | null = null;

  /** The follow-up check some months after implementation. */
  @Property({ type: 'date', nullable: true })
  followUpDueOn: string | null = null;

  @Property({ type: 'date', nullable: true })
  followUpCheckedOn: string | null = null;

  @Property({ type: 'text', nullable: true })
  followUpNote: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  archivedAt: Date | null = null;
}
