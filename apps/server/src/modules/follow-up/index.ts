import { FollowUpAnswerResolver, FollowUpRequestResolver, ProgramYearFollowUpResolver } from './follow-up.resolver.ts';

export { FollowUpAnswer, FollowUpPlan, FollowUpRequest } from './follow-up.entity.ts';
export { startFollowUpScheduler } from './follow-up.scheduler.ts';
export { openDueFollowUps, remindFollowUps, submitFollowUp, verifyFollowUpAnswer } from './follow-up.service.ts';

export const followUpResolvers = [FollowUpRequestResolver, FollowUpAnswerResolver, ProgramYearFollowUpResolver] as const;
