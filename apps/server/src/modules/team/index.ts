import { ExpertTeamResolver, TeamMembershipResolver } from './team.resolver.ts';
import { PersonTeamsResolver, ProgramYearTeamsResolver } from './team-fields.resolver.ts';

export { ExpertTeam } from './expert-team.entity.ts';
export { TeamMembership } from './team-membership.entity.ts';

export const teamResolvers = [ExpertTeamResolver, TeamMembershipResolver, ProgramYearTeamsResolver, PersonTeamsResolver] as const;
