import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../core/graphql/pagination.ts';
import { SafeInt } from '../../core/graphql/scalars.ts';
import { Measure } from './measure.entity.ts';

@ObjectType()
export class MeasureConnection extends Connection(Measure) {}

@ObjectType({ description: 'Sums over the measures a filter selects; dropped measures add no money or tCO2e unless includesDropped' })
export class MeasureTotals {
  @Field(() => Int, { description: 'Measures the filter selects (dropped ones included)' })
  count!: number;

  @Field(() => Int, { description: 'Of those, how many are DROPPED' })
  droppedCount!: number;

  @Field(() => Boolean, { description: 'Whether the sums include the dropped measures' })
  includesDropped!: boolean;

  @Field(() => SafeInt)
  investmentKrw!: number;

  @Field(() => SafeInt)
  expectedAnnualSavingsKrw!: number;

  @Field(() => SafeInt)
  verifiedAnnualSavingsKrw!: number;

  @Field(() => Float)
  ghgReductionTco2e!: number;
}
