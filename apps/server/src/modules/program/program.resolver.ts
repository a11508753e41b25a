import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { BudgetLine } from './budget-line.entity.ts';
import { Organization } from './organization.entity.ts';
import { ProgramYear } from './program-year.entity.ts';
import { Program } from './program.entity.ts';
import { getProgram, getProgramYear, listPrograms } from './program.service.ts';

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

@Resolver(() => ProgramYear)
export class ProgramYearResolver {
  @Query(() => ProgramYear)
  programYear(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ProgramYear> {
    return getProgramYear(ctx.em, id);
  }

  @FieldResolver(() => Program)
  program(@Root() year: ProgramYear): Promise<Program> {
    return year.program.load({ dataloader: true }) as Promise<Program>;
  }

  @FieldResolver(() => [BudgetLine], { description: 'One line per funding source' })
  async budgetLines(@Root() year: ProgramYear): Promise<BudgetLine[]> {
    const lines = await year.budgetLines.load({ dataloader: true });
    return [...lines].sort((a, b) => a.source.localeCompare(b.source));
  }
}
