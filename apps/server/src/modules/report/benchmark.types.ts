import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

export const BenchmarkMetric = {
  MEASURES: 'MEASURES',
  ANNUAL_SAVINGS_KRW: 'ANNUAL_SAVINGS_KRW',
  INVESTMENT_KRW: 'INVESTMENT_KRW',
  GHG_REDUCTION_TCO2E: 'GHG_REDUCTION_TCO2E',
  IMPLEMENTATION_RATE: 'IMPLEMENTATION_RATE',
  SAVINGS_PER_EMPLOYEE_KRW: 'SAVINGS_PER_EMPLOYEE_KRW',
  ELECTRICITY_KWH_PER_EMPLOYEE: 'ELECTRICITY_KWH_PER_EMPLOYEE',
  WASTE_T_PER_EMPLOYEE: 'WASTE_T_PER_EMPLOYEE',
} as const;
export type BenchmarkMetric = (typeof BenchmarkMetric)[keyof typeof BenchmarkMetric];
registerEnumType(BenchmarkMetric, {
  name: 'BenchmarkMetric',
  description: 'Results (measures not dropped, savings, investment, tCO2e, implementation rate) and intensities per employee (from the latest diagnosis)',
});

@ObjectType()
export class BenchmarkLine {
  @Field(() => BenchmarkMetric) metric!: BenchmarkMetric;
  @Field(() => Float, { nullable: true, description: "The company's own figure" }) value!: number | null;
  @Field(() => Float, { nullable: true, description: 'Median over the participants that have this figure; null when too few to stay anonymous' }) programMedian!: number | null;
  @Field(() => Int, { description: 'Participants that have this figure' }) companies!: number;
  @Field(() => Float, { nullable: true, description: 'Share of those participants with a lower figure (0–1)' }) percentile!: number | null;
}

@ObjectType({ description: 'A company beside its program year: its figures against the program median, anonymous' })
export class CompanyBenchmark {
  participationId!: string;
  @Field(() => Int, { description: 'Participants in the year' }) companies!: number;
  @Field(() => [BenchmarkLine]) metrics!: BenchmarkLine[];
}
