import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { can } from '../../core/auth/policy.ts';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { lookAhead } from '../../core/graphql/look-ahead.ts';
import { Connection, PageArgs } from '../../core/graphql/pagination.ts';
import { LAST_EDITED_BY_DESCRIPTION, lastEditor, Person } from '../people/index.ts';
import { Company } from './company.entity.ts';
import { ArchiveCompanyInput, CompanyFilter, CreateCompanyInput, UpdateCompanyInput } from './company.inputs.ts';
import { archiveCompany, createCompany, getCompany, listCompanies, updateCompany } from './company.service.ts';

@ObjectType()
export class CompanyConnection extends Connection(Company) {}

@Resolver(() => Company)
export class CompanyResolver {
  @Query(() => CompanyConnection, { description: 'Companies the viewer may see, by Korean name' })
  companies(
    @Arg('filter', () => CompanyFilter, { nullable: true }) filter: CompanyFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listCompanies(ctx, filter ?? {}, page, lookAhead(info));
  }

  @Query(() => Company)
  company(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Company> {
    return getCompany(ctx, id);
  }

  @Mutation(() => Company, { description: 'Program managers only; the business number must be valid and unused' })
  createCompany(@Arg('input', () => CreateCompanyInput) input: CreateCompanyInput, @Ctx() ctx: GraphQLContext): Promise<Company> {
    ctx.access.assertCan('company.manage');
    return createCompany(ctx, input);
  }

  @Mutation(() => Company, { description: 'Program managers only' })
  updateCompany(@Arg('input', () => UpdateCompanyInput) input: UpdateCompanyInput, @Ctx() ctx: GraphQLContext): Promise<Company> {
    ctx.access.assertCan('company.manage');
    return updateCompany(ctx, input);
  }

  @Mutation(() => Company, { description: 'Hides the company from lists; its history stays. Program managers only' })
  archiveCompany(@Arg('input', () => ArchiveCompanyInput) input: ArchiveCompanyInput, @Ctx() ctx: GraphQLContext): Promise<Company> {
    ctx.access.assertCan('company.manage');
    return archiveCompany(ctx, input);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Personal data: null for observers' })
  contactName(@Root() company: Company, @Ctx() ctx: GraphQLContext): string | null {
    return can(ctx.viewer, 'personalData.read') ? company.contactName : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Personal data: null for observers' })
  contactEmail(@Root() company: Company, @Ctx() ctx: GraphQLContext): string | null {
    return can(ctx.viewer, 'personalData.read') ? company.contactEmail : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Personal data: null for observers' })
  contactPhone(@Root() company: Company, @Ctx() ctx: GraphQLContext): string | null {
    return can(ctx.viewer, 'personalData.read') ? company.contactPhone : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: LAST_EDITED_BY_DESCRIPTION })
  lastEditedBy(@Root() company: Company, @Ctx() ctx: GraphQLContext): Promise<Person | null> {
    return lastEditor(company, ctx);
  }
}
