import { PersonResolver } from './person.resolver.ts';

export { Person } from './person.entity.ts';

export const peopleResolvers = [PersonResolver] as const;
