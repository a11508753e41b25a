import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { PageArgs } from '../../core/graphql/pagination.ts';
import { Company } from '../company/index.ts';
import { Measure } from '../measure/index.ts';
import { libraryKinds, searchLibrary } from './library.queries.ts';
import { reuseLibraryEntry } from './library.service.ts';
import { LibraryEntry, LibraryEntryConnection, LibraryFilter, LibraryKind } from './library.types.ts';

@Resolver(() => LibraryEntry)
export class LibraryResolver {
  @Query(() => LibraryEntryConnection, { description: 'Every measure of every company and year, newest first (signed-in viewers; anonymous outside their companies)' })
  measureLibrary(
    @Arg('filter', () => LibraryFilter, { nullable: true }) filter: LibraryFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    return searchLibrary(ctx, filter, page);
  }

  @Query(() => [LibraryKind], { description: 'Per kind of measure over the same filter: times recommended, implementation rate, medians' })
  measureLibraryKinds(@Arg('filter', () => LibraryFilter, { nullable: true }) filter: LibraryFilter | null, @Ctx() ctx: GraphQLContext) {
    return libraryKinds(ctx, filter);
  }

  @Mutation(() => Measure, { description: 'A draft (PROPOSED) measure for a company, from a library entry. Experts of its team and managers' })
  reuseLibraryEntry(
    @Arg('measureId', () => ID) measureId: string,
    @Arg('companyId', () => ID) companyId: string,
    @Arg('programYearId', () => ID) programYearId: string,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Measure> {
    return reuseLibraryEntry(ctx, { measureId, companyId, programYearId, idempotencyKey });
  }

  @FieldResolver(() => Company, { nullable: true, description: 'null when anonymous' })
  async company(@Root() entry: LibraryEntry, @Ctx() ctx: GraphQLContext): Promise<Company | null> {
    return entry.companyId ? ctx.em.getReference(Company, entry.companyId, { wrapped: true }).load({ dataloader: true }) as Promise<Company> : null;
  }
}
