import { LibraryResolver } from './library.resolver.ts';

export { libraryKinds, searchLibrary } from './library.queries.ts';

export const libraryResolvers = [LibraryResolver] as const;
