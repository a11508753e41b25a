import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { lookAhead } from '../../core/graphql/look-ahead.ts';
import { Connection, PageArgs } from '../../core/graphql/pagination.ts';
import { preloadedOr } from '../../core/graphql/planned-read.ts';
import { Company } from '../company/company.entity.ts';
import { Person } from '../people/person.entity.ts';
import { ActivityEntry } from './activity-entry.entity.ts';
import { ActivityFilter, FieldChange } from './activity.inputs.ts';
import { fieldChanges, listActivity } from './activity.service.ts';

@ObjectType()
export class ActivityEntryConnection extends Connection(ActivityEntry) {}

@Resolver(() => ActivityEntry)
export class ActivityResolver {
  @Query(() => ActivityEntryConnection, { description: 'Who changed what, newest first: a feed, or the history of one record' })
  activity(
    @Arg('filter', () => ActivityFilter, { nullable: true }) filter: ActivityFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listActivity(ctx, filter ?? {}, page, lookAhead(info));
  }

  @FieldResolver(() => [FieldChange], { description: 'The fields the change touched' })
  changes(@Root() entry: ActivityEntry): FieldChange[] {
    return fieldChanges(entry.diff);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Null for changes made by the system' })
  actor(@Root() entry: ActivityEntry): Person | null | Promise<Person | null> {
    return preloadedOr(entry, 'actor', async () => (entry.actor ? ((await entry.actor.load({ dataloader: true })) ?? null) : null));
  }

  @FieldResolver(() => Company, { nullable: true })
  company(@Root() entry: ActivityEntry): Company | null | Promise<Company | null> {
    return preloadedOr(entry, 'company', async () => (entry.company ? ((await entry.company.load({ dataloader: true })) ?? null) : null));
  }
}
