import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { AppServices } from '../app-services.ts';
import { Access } from '../auth/access.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Logger } from '../logger.ts';
import { createLoaders, type Loaders } from './loaders.ts';

/** Per request (or per websocket operation): its own identity map, viewer, rights and loaders. */
export interface GraphQLContext {
  em: EntityManager;
  viewer: Viewer | null;
  access: Access;
  requestId: string;
  logger: Logger;
  services: AppServices;
  loaders: Loaders;
  /** Present for HTTP requests (cookies are set here); absent on websockets. */
  http?: { req: Request; res: Response };
}

export function createContext(input: {
  services: AppServices;
  viewer: Viewer | null;
  requestId: string;
  logger: Logger;
  http?: { req: Request; res: Response };
}): GraphQLContext {
  const em = input.services.orm.em.fork({ useContext: false });
  return {
    em,
    viewer: input.viewer,
    access: new Access(em, input.viewer),
    requestId: input.requestId,
    logger: input.logger,
    services: input.services,
    loaders: createLoaders(),
    ...(input.http ? { http: input.http } : {}),
  };
}
