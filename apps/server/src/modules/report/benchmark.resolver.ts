import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { Participation } from '../participation/index.ts';
import { companyBenchmark } from './benchmark.queries.ts';
import { CompanyBenchmark } from './benchmark.types.ts';

@Resolver(() => Participation)
export class ParticipationBenchmarkResolver {
  @FieldResolver(() => CompanyBenchmark, { description: 'The company against the median of the year’s participants (anonymous)' })
  benchmark(@Root() participation: Participation, @Ctx() ctx: GraphQLContext): Promise<CompanyBenchmark> {
    return companyBenchmark(ctx, participation.id);
  }
}
