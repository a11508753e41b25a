import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { lookAhead } from '../../core/graphql/look-ahead.ts';
import { SafeInt } from '../../core/graphql/scalars.ts';
import { BudgetLine } from './budget-line.entity.ts';
import { setBudgetLine } from './budget.service.ts';
import { ProgramYear } from './program-year.entity.ts';
import { Program } from './program.entity.ts';
import { CreateProgramYearInput, SetBudgetLineInput, SetProgramYearTargetsInput, UpdateProgramYearInput } from './program.inputs.ts';
import { getProgramYear } from './program.service.ts';
import { createProgramYear, setProgramYearTargets, updateProgramYear } from './program-year.service.ts';

@Resolver(() => ProgramYear)
export class ProgramYearResolver {
  @Query(() => ProgramYear)
  programYear(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<ProgramYear> {
    return getProgramYear(ctx.em, id, lookAhead(info).has('program'));
  }

  @Mutation(() => ProgramYear, { description: 'Program managers only' })
  createProgramYear(@Arg('input', () => CreateProgramYearInput) input: CreateProgramYearInput, @Ctx() ctx: GraphQLContext): Promise<ProgramYear> {
    ctx.access.assertCan('program.manage');
    return createProgramYear(ctx, input);
  }

  @Mutation(() => ProgramYear, { description: 'Program managers only' })
  updateProgramYear(@Arg('input', () => UpdateProgramYearInput) input: UpdateProgramYearInput, @Ctx() ctx: GraphQLContext): Promise<ProgramYear> {
    ctx.access.assertCan('program.manage');
    return updateProgramYear(ctx, input);
  }

  @Mutation(() => ProgramYear, { description: "Sets the year's targets shown on the board (null clears one). Program managers only" })
  setProgramYearTargets(
    @Arg('input', () => SetProgramYearTargetsInput) input: SetProgramYearTargetsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ProgramYear> {
    ctx.access.assertCan('program.manage');
    return setProgramYearTargets(ctx, input);
  }

  @Mutation(() => BudgetLine, { description: 'Creates or edits the line of one funding source. Program managers only' })
  setBudgetLine(@Arg('input', () => SetBudgetLineInput) input: SetBudgetLineInput, @Ctx() ctx: GraphQLContext): Promise<BudgetLine> {
    ctx.access.assertCan('program.manage');
    return setBudgetLine(ctx, input);
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

  @FieldResolver(() => SafeInt, { description: 'Sum of the planned amounts, in KRW' })
  async plannedTotalKrw(@Root() year: ProgramYear): Promise<number> {
    const lines = await year.budgetLines.load({ dataloader: true });
    return lines.reduce((sum, line) => sum + line.plannedKrw, 0);
  }

  @FieldResolver(() => SafeInt, { description: 'Sum of the amounts spent so far, in KRW' })
  async spentTotalKrw(@Root() year: ProgramYear): Promise<number> {
    const lines = await year.budgetLines.load({ dataloader: true });
    return lines.reduce((sum, line) => sum + line.spentKrw, 0);
  }
}
