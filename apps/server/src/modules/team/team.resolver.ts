import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { lookAhead } from '../../core/graphql/look-ahead.ts';
import { Connection, PageArgs } from '../../core/graphql/pagination.ts';
import { Person } from '../people/index.ts';
import { ProgramYear } from '../program/index.ts';
import { ExpertTeam } from './expert-team.entity.ts';
import { TeamMembership } from './team-membership.entity.ts';
import { AddTeamMemberInput, CreateExpertTeamInput, RemoveTeamMemberInput, UpdateExpertTeamInput } from './team.inputs.ts';
import { getExpertTeam, listExpertTeams } from './team.service.ts';
import { addTeamMember, createExpertTeam, removeTeamMember, updateExpertTeam } from './team-write.service.ts';

@ObjectType()
export class ExpertTeamConnection extends Connection(ExpertTeam) {}

@Resolver(() => ExpertTeam)
export class ExpertTeamResolver {
  @Query(() => ExpertTeamConnection, { description: "A program year's expert teams, by name" })
  expertTeams(
    @Arg('programYearId', () => ID) programYearId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listExpertTeams(ctx, programYearId, page, lookAhead(info));
  }

  @Query(() => ExpertTeam)
  expertTeam(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ExpertTeam> {
    return getExpertTeam(ctx, id);
  }

  @Mutation(() => ExpertTeam, { description: 'Program managers only' })
  createExpertTeam(@Arg('input', () => CreateExpertTeamInput) input: CreateExpertTeamInput, @Ctx() ctx: GraphQLContext): Promise<ExpertTeam> {
    ctx.access.assertCan('team.manage');
    return createExpertTeam(ctx, input);
  }

  @Mutation(() => ExpertTeam, { description: 'Renames, refocuses or changes the lead. Program managers only' })
  updateExpertTeam(@Arg('input', () => UpdateExpertTeamInput) input: UpdateExpertTeamInput, @Ctx() ctx: GraphQLContext): Promise<ExpertTeam> {
    ctx.access.assertCan('team.manage');
    return updateExpertTeam(ctx, input);
  }

  @Mutation(() => ExpertTeam, { description: 'Adds an expert to the team. Program managers only' })
  addTeamMember(@Arg('input', () => AddTeamMemberInput) input: AddTeamMemberInput, @Ctx() ctx: GraphQLContext): Promise<ExpertTeam> {
    ctx.access.assertCan('team.manage');
    return addTeamMember(ctx, input);
  }

  @Mutation(() => ExpertTeam, { description: 'Takes an expert off the team. Program managers only' })
  removeTeamMember(@Arg('input', () => RemoveTeamMemberInput) input: RemoveTeamMemberInput, @Ctx() ctx: GraphQLContext): Promise<ExpertTeam> {
    ctx.access.assertCan('team.manage');
    return removeTeamMember(ctx, input);
  }

  @FieldResolver(() => ProgramYear)
  programYear(@Root() team: ExpertTeam): Promise<ProgramYear> {
    return team.programYear.load({ dataloader: true }) as Promise<ProgramYear>;
  }

  @FieldResolver(() => Person, { nullable: true })
  async lead(@Root() team: ExpertTeam): Promise<Person | null> {
    return team.lead ? ((await team.lead.load({ dataloader: true })) ?? null) : null;
  }

  @FieldResolver(() => [TeamMembership], { description: 'Members with their specialty, in the order they joined' })
  async members(@Root() team: ExpertTeam): Promise<TeamMembership[]> {
    const memberships = await team.memberships.load({ dataloader: true });
    return [...memberships].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  }

  @FieldResolver(() => Int)
  async memberCount(@Root() team: ExpertTeam): Promise<number> {
    return (await team.memberships.load({ dataloader: true })).length;
  }
}

@Resolver(() => TeamMembership)
export class TeamMembershipResolver {
  @FieldResolver(() => Person)
  person(@Root() membership: TeamMembership): Promise<Person> {
    return membership.person.load({ dataloader: true }) as Promise<Person>;
  }

  @FieldResolver(() => ExpertTeam)
  team(@Root() membership: TeamMembership): Promise<ExpertTeam> {
    return membership.team.load({ dataloader: true }) as Promise<ExpertTeam>;
  }
}
