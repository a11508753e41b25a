import { FollowUpAnswerResolver, FollowUpRequestResolver, ProgramYearFollowUpResolver } from './follow-up.resolver.ts';

export { FollowUpAnswer, FollowUpPlan, FollowUpRequest } from './follow-up.entity.ts';
export { followUpRoundsOf, type FollowUpRound } from './follow-up.queries.ts';
export { FOLLOW_UP_CRONTAB, FOLLOW_UP_JOB, followUpJob, followUpJobs } from './follow-up.jobs.ts';
export { openDueFollowUps, remindFollowUps, submitFollowUp, verifyFollowUpAnswer } from './follow-up.service.ts';

export const followUpResolvers = [FollowUpRequestResolver, FollowUpAnswerResolver, ProgramYearFollowUpResolver] as const;
