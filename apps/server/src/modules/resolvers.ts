import { programResolvers } from './program/index.ts';

/** Every module's resolvers: the schema is built from exactly this list. */
export const resolvers = [...programResolvers] as const;
