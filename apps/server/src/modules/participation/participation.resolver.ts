import { allowedNext, participationMachine, ParticipationStatus } from '@ecohub/domain';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { Connection, PageArgs } from '../../core/graphql/pagination.ts';
import { Company } from '../company/index.ts';
import { ProgramYear } from '../program/index.ts';
import { ExpertTeam } from '../team/index.ts';
import { Participation } from './participation.entity.ts';
import {
  ApplyToProgramYearInput,
  AssignParticipationTeamInput,
  ContinueProgramYearInput,
  ParticipationFilter,
  SetParticipationContributionInput,
  TransitionParticipationInput,
} from './participation.inputs.ts';
import { getParticipation, listParticipations } from './participation.service.ts';
import {
  applyToProgramYear,
  assignParticipationTeam,
  setParticipationContribution,
  transitionParticipation,
} from './participation-write.service.ts';
import { continueProgramYear } from './year-setup.service.ts';

@ObjectType()
export class ParticipationConnection extends Connection(Participation) {}

@Resolver(() => Participation)
export class ParticipationResolver {
  @Query(() => ParticipationConnection, { description: "A program year's participations the viewer may see, in order of application" })
  participations(
    @Arg('programYearId', () => ID) programYearId: string,
    @Arg('filter', () => ParticipationFilter, { nullable: true }) filter: ParticipationFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    return listParticipations(ctx, programYearId, filter ?? {}, page);
  }

  @Query(() => Participation)
  participation(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Participation> {
    return getParticipation(ctx, id);
  }

  @Mutation(() => Participation, { description: 'Registers an application (status APPLIED). Program managers only' })
  applyToProgramYear(@Arg('input', () => ApplyToProgramYearInput) input: ApplyToProgramYearInput, @Ctx() ctx: GraphQLContext): Promise<Participation> {
    ctx.access.assertCan('participation.manage');
    return applyToProgramYear(ctx, input);
  }

  @Mutation(() => Participation, { description: 'Moves to one of allowedNextStatuses and stamps the date of that step. Program managers only' })
  transitionParticipation(
    @Arg('input', () => TransitionParticipationInput) input: TransitionParticipationInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Participation> {
    ctx.access.assertCan('participation.manage');
    return transitionParticipation(ctx, input);
  }

  @Mutation(() => Participation, { description: 'Assigns (or, with teamId null, removes) the expert team. Program managers only' })
  assignParticipationTeam(
    @Arg('input', () => AssignParticipationTeamInput) input: AssignParticipationTeamInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Participation> {
    ctx.access.assertCan('participation.manage');
    return assignParticipationTeam(ctx, input);
  }

  @Mutation(() => Participation, { description: "Sets the company's contribution in KRW. Program managers only" })
  setParticipationContribution(
    @Arg('input', () => SetParticipationContributionInput) input: SetParticipationContributionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Participation> {
    ctx.access.assertCan('participation.manage');
    return setParticipationContribution(ctx, input);
  }

  @Mutation(() => ProgramYear, {
    description: "Sets up a new, empty year from an earlier one: its teams and its continuing companies. Program managers only",
  })
  continueProgramYear(@Arg('input', () => ContinueProgramYearInput) input: ContinueProgramYearInput, @Ctx() ctx: GraphQLContext): Promise<ProgramYear> {
    ctx.access.assertCan('program.manage');
    ctx.access.assertCan('team.manage');
    ctx.access.assertCan('participation.manage');
    return continueProgramYear(ctx, input);
  }

  @FieldResolver(() => Company)
  company(@Root() participation: Participation): Promise<Company> {
    return participation.company.load({ dataloader: true }) as Promise<Company>;
  }

  @FieldResolver(() => ProgramYear)
  programYear(@Root() participation: Participation): Promise<ProgramYear> {
    return participation.programYear.load({ dataloader: true }) as Promise<ProgramYear>;
  }

  @FieldResolver(() => ExpertTeam, { nullable: true, description: 'The expert team consulting the company this year' })
  async team(@Root() participation: Participation): Promise<ExpertTeam | null> {
    return participation.team ? ((await participation.team.load({ dataloader: true })) ?? null) : null;
  }

  @FieldResolver(() => [ParticipationStatus], { description: 'The statuses transitionParticipation accepts from here' })
  allowedNextStatuses(@Root() participation: Participation): readonly ParticipationStatus[] {
    return allowedNext(participationMachine, participation.status);
  }
}
