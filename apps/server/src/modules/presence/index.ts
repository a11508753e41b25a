import { PresenceResolver } from './presence.resolver.ts';

export const presenceResolvers = [PresenceResolver] as const;
