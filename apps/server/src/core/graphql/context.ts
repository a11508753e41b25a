import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { AppServices } from '../app-services.ts';
import { createLoaders, type Loaders } from './loaders.ts';

/** Per request (or per websocket operation): its own identity map, viewer and batch loaders. */
export interface GraphQLContext {
  em: EntityManager;
  viewer: Viewer | null;
  requestId: string;
  logger: Logger;
  services: AppServices;
  loaders: Loaders;
}

export function createContext(input: {
  services: AppServices;
  viewer: Viewer | null;
  requestId: string;
  logger: Logger;
}): GraphQLContext {
  const em = input.services.orm.em.fork({ useContext: false });
  return {
    em,
    viewer: input.viewer,
    requestId: input.requestId,
    logger: input.logger,
    services: input.services,
    loaders: createLoaders(),
  };
}
