import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { lookAhead } from '../../core/graphql/look-ahead.ts';
import { loader } from '../../core/graphql/loaders.ts';
import { Connection, PageArgs } from '../../core/graphql/pagination.ts';
import { Company } from '../company/company.entity.ts';
import { Person } from './person.entity.ts';
import { PeopleFilter, UpdateMyProfileInput } from './people.inputs.ts';
import { getPerson, listPeople, updateMyProfile } from './people.service.ts';

@ObjectType()
export class PersonConnection extends Connection(Person) {}

@Resolver(() => Person)
export class PeopleResolver {
  @Query(() => PersonConnection, { description: 'People the viewer may see, by name' })
  people(
    @Arg('filter', () => PeopleFilter, { nullable: true }) filter: PeopleFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listPeople(ctx, filter ?? {}, page, lookAhead(info));
  }

  @Query(() => Person)
  person(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Person> {
    return getPerson(ctx, id);
  }

  @Mutation(() => Person, { description: "Edits the signed-in person's own name, title, phone and language" })
  updateMyProfile(@Arg('input', () => UpdateMyProfileInput) input: UpdateMyProfileInput, @Ctx() ctx: GraphQLContext): Promise<Person> {
    return updateMyProfile(ctx, input);
  }
}

/** A company's staff: one query for every company on the page; null (hidden, not empty) for who may not see them. */
@Resolver(() => Company)
export class CompanyStaffResolver {
  @FieldResolver(() => [Person], { nullable: true, description: "The company's staff accounts; null for viewers who may not see its people (hidden, not empty)" })
  async staff(@Root() company: Company, @Ctx() ctx: GraphQLContext): Promise<Person[] | null> {
    if (!(await ctx.access.canSeeCompany('people', company.id))) return null;
    return loader(ctx.loaders, 'staffByCompany', async (companyIds: readonly string[]) => {
      const people = await ctx.em.find(Person, { company: { $in: [...companyIds] }, disabledAt: null }, { orderBy: { name: 'asc', id: 'asc' } });
      return companyIds.map((companyId) => people.filter((person) => person.company?.id === companyId));
    }).load(company.id);
  }
}
