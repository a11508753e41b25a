import { companyResolvers } from './company/index.ts';
import { identityResolvers } from './identity/index.ts';
import { liveResolvers } from './live/index.ts';
import { measureResolvers } from './measure/index.ts';
import { peopleResolvers } from './people/index.ts';
import { programResolvers } from './program/index.ts';
import { taskResolvers } from './task/index.ts';

/** Every module's resolvers: the schema is built from exactly this list. */
export const resolvers = [...programResolvers, ...identityResolvers, ...peopleResolvers, ...companyResolvers, ...liveResolvers, ...measureResolvers, ...taskResolvers] as const;
