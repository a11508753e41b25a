import { Entity, Enum, Property, Unique } from '@mikro-orm/decorators/legacy';
import { EmissionFactorKind } from '@ecohub/domain';
import { BaseEntity } from '../../core/database/base.entity.ts';

/**
 * A published greenhouse-gas emission factor, valid for a range of years. Factors change (Korea's
 * grid factor does almost every year), so measures keep a reference to the one they used.
 */
@Entity()
@Unique({ properties: ['kind', 'validFromYear'] })
export class EmissionFactor extends BaseEntity {
  @Enum({ items: () => EmissionFactorKind })
  kind!: EmissionFactorKind;

  @Property({ type: 'smallint' })
  validFromYear!: number;

  @Property({ type: 'smallint' })
  validToYear!: number;

  /** tCO2eq per MWh (electricity), per 1,000 Nm³ (LNG) or per 1,000 m³ (water). */
  @Property({ type: 'double' })
  value!: number;

  @Property({ type: 'string', length: 300 })
  source!: string;

  @Property({ type: 'text', nullable: true })
  note: string | null = null;
}
