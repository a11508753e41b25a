import { ParticipationResolver } from './participation.resolver.ts';
import {
  CompanyParticipationsResolver,
  ExpertTeamCompaniesResolver,
  ProgramYearParticipationsResolver,
} from './participation-fields.resolver.ts';

export { Participation } from './participation.entity.ts';
export { PARTICIPATION_EVENTS, ParticipationChange, ParticipationChangeKind, participationTopic, programYearScope } from './participation.topics.ts';

export const participationResolvers = [
  ParticipationResolver,
  CompanyParticipationsResolver,
  ProgramYearParticipationsResolver,
  ExpertTeamCompaniesResolver,
] as const;
