import { SearchResolver } from './search.resolver.ts';

export { SearchHit, SearchKind } from './search.types.ts';
export const searchResolvers = [SearchResolver] as const;
