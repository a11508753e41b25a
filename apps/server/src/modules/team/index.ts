export { ExpertTeam } from './expert-team.entity.ts';
export { TeamMembership } from './team-membership.entity.ts';
