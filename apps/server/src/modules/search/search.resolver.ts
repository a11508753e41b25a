import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { search } from './search.queries.ts';
import { SearchHit } from './search.types.ts';

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], { description: 'Records containing the text (2-character Korean words too), best first, among what the viewer may see' })
  search(
    @Arg('query', () => String) query: string,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SearchHit[]> {
    return search(ctx, query, first);
  }
}
