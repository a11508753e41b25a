import { identityResolvers } from './identity/index.ts';
import { peopleResolvers } from './people/index.ts';
import { programResolvers } from './program/index.ts';

/** Every module's resolvers: the schema is built from exactly this list. */
export const resolvers = [...programResolvers, ...identityResolvers, ...peopleResolvers] as const;
