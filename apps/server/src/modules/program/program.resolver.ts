import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { BudgetLine } from './budget-line.entity.ts';
import { Organization } from './organization.entity.ts';
import { ProgramYear } from './program-year.entity.ts';
import { Program } from './program.entity.ts';
import { CreateProgramInput, UpdateProgramInput } from './program.inputs.ts';
import { createProgram, getProgram, listOrganizations, listPrograms, updateProgram } from './program.service.ts';

@Resolver(() => Program)
export class ProgramResolver {
  @Query(() => [Program], { description: 'All programs: public, like the money that funds them' })
  programs(@Ctx() ctx: GraphQLContext): Promise<Program[]> {
    return listPrograms(ctx.em);
  }

  @Query(() => Program)
  program(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Program> {
    return getProgram(ctx.em, id);
  }

  @Query(() => [Organization], { description: 'Sponsors and host firms (public)' })
  organizations(@Ctx() ctx: GraphQLContext): Promise<Organization[]> {
    return listOrganizations(ctx.em);
  }

  @Mutation(() => Program, { description: 'Program managers only' })
  createProgram(@Arg('input', () => CreateProgramInput) input: CreateProgramInput, @Ctx() ctx: GraphQLContext): Promise<Program> {
    ctx.access.assertCan('program.manage');
    return createProgram(ctx, input);
  }

  @Mutation(() => Program, { description: 'Program managers only' })
  updateProgram(@Arg('input', () => UpdateProgramInput) input: UpdateProgramInput, @Ctx() ctx: GraphQLContext): Promise<Program> {
    ctx.access.assertCan('program.manage');
    return updateProgram(ctx, input);
  }

  @FieldResolver(() => String, { description: 'The official (Korean) name' })
  name(@Root() program: Program): string {
    return program.nameKo;
  }

  @FieldResolver(() => Organization)
  hostOrganization(@Root() program: Program): Promise<Organization> {
    return program.hostOrganization.load({ dataloader: true }) as Promise<Organization>;
  }

  @FieldResolver(() => [ProgramYear], { description: 'At most durationYears years, in order' })
  async years(@Root() program: Program): Promise<ProgramYear[]> {
    const years = await program.years.load({ dataloader: true });
    return [...years].sort((a, b) => a.number - b.number);
  }
}

@Resolver(() => BudgetLine)
export class BudgetLineResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'The sponsor behind this source' })
  async organization(@Root() line: BudgetLine): Promise<Organization | null> {
    return line.organization ? ((await line.organization.load({ dataloader: true })) ?? null) : null;
  }
}
