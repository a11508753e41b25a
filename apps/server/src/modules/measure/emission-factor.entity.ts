import { Entity, Enum, Property, Unique } from '@mikro-orm/decorators/legacy';
import { EmissionFactorKind } from '@ecohub/domain';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.ts';

/**
 * A published greenhouse-gas emission factor, valid for a range of years. Factors change (Korea's
 * grid factor does almost every year), so measures keep a reference to the one they used.
 */
@ObjectType({ description: 'A published emission factor; measures record the one they were computed with' })
@Entity()
@Unique({ properties: ['kind', 'validFromYear'] })
export class EmissionFactor extends BaseEntity {
  @Field(() => EmissionFactorKind)
  @Enum({ items: () => EmissionFactorKind })
  kind!: EmissionFactorKind;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  validFromYear!: number;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  validToYear!: number;

  /** tCO2eq per MWh (electricity), per 1,000 Nm³ (LNG) or per 1,000 m³ (water). */
  @Field(() => Float, { description: 'tCO2eq per MWh (electricity), per 1,000 Nm³ (LNG) or per 1,000 m³ (water)' })
  @Property({ type: 'double' })
  value!: number;

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  source!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;
}
