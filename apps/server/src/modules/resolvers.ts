import { activityResolvers } from './activity/index.ts';
import { attachmentResolvers } from './attachment/index.ts';
import { searchResolvers } from './search/index.ts';
import { boardResolvers } from './board/index.ts';
import { commentResolvers } from './comment/index.ts';
import { companyResolvers } from './company/index.ts';
import { diagnosisResolvers } from './diagnosis/index.ts';
import { eventResolvers } from './event/index.ts';
import { followUpResolvers } from './follow-up/index.ts';
import { identityResolvers } from './identity/index.ts';
import { libraryResolvers } from './library/index.ts';
import { liveResolvers } from './live/index.ts';
import { mailResolvers } from './mail/index.ts';
import { measureResolvers } from './measure/index.ts';
import { notificationResolvers } from './notification/index.ts';
import { participationResolvers } from './participation/index.ts';
import { peopleResolvers } from './people/index.ts';
import { presenceResolvers } from './presence/index.ts';
import { programResolvers } from './program/index.ts';
import { reportResolvers } from './report/index.ts';
import { taskResolvers } from './task/index.ts';
import { teamResolvers } from './team/index.ts';

/** Every module's resolvers: the schema is built from exactly this list. */
export const resolvers = [...programResolvers, ...identityResolvers, ...peopleResolvers, ...companyResolvers, ...participationResolvers, ...teamResolvers, ...diagnosisResolvers, ...eventResolvers, ...activityResolvers, ...liveResolvers, ...measureResolvers, ...taskResolvers, ...commentResolvers, ...notificationResolvers, ...attachmentResolvers, ...boardResolvers, ...followUpResolvers, ...libraryResolvers, ...reportResolvers, ...mailResolvers, ...searchResolvers, ...presenceResolvers] as const;
