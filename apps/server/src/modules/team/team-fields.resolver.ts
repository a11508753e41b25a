import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { lookAhead } from '../../core/graphql/look-ahead.ts';
import { loader } from '../../core/graphql/loaders.ts';
import { Person } from '../people/index.ts';
import { ProgramYear } from '../program/index.ts';
import { ExpertTeam } from './expert-team.entity.ts';
import { TeamMembership } from './team-membership.entity.ts';
import { listExpertTeams, teamVisibility } from './team.service.ts';

@Resolver(() => ProgramYear)
export class ProgramYearTeamsResolver {
  @FieldResolver(() => [ExpertTeam], { description: "The year's expert teams the viewer may see, by name" })
  async expertTeams(@Root() year: ProgramYear, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<ExpertTeam[]> {
    // The list read as the nodes of a page (no total asked): one statement shaped by the selection.
    const page = await listExpertTeams(ctx, year.id, { first: 200 }, new Map([['edges', new Map([['node', lookAhead(info)]])]]));
    return page.edges.map((edge) => edge.node);
  }
}

/** The teams a person leads or belongs to: one query for every person on the page. */
@Resolver(() => Person)
export class PersonTeamsResolver {
  @FieldResolver(() => [ExpertTeam], { description: 'Teams the person leads or is a member of' })
  async teams(@Root() person: Person, @Ctx() ctx: GraphQLContext): Promise<ExpertTeam[]> {
    const visible = await teamVisibility(ctx);
    return loader(ctx.loaders, 'teamsByPerson', async (personIds: readonly string[]) => {
      // Memberships are read on their own: populating a filtered collection would leave teams
      // holding only some of their members for the rest of the request.
      const memberships = await ctx.em.find(TeamMembership, { person: { $in: [...personIds] } });
      const teams = await ctx.em.find(
        ExpertTeam,
        { $and: [visible, { $or: [{ lead: { $in: [...personIds] } }, { id: { $in: memberships.map((m) => m.team.id) } }] }] },
        { orderBy: { name: 'asc', id: 'asc' } },
      );
      return personIds.map((personId) => {
        const memberOf = new Set(memberships.filter((m) => m.person.id === personId).map((m) => m.team.id));
        return teams.filter((team) => team.lead?.id === personId || memberOf.has(team.id));
      });
    }).load(person.id);
  }
}
