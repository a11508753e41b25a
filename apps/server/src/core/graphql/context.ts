import type { Request, Response } from 'express';
import type { AppServices } from '../app-services.ts';
import { createUnitOfWork, type UnitOfWork } from '../actor/unit-of-work.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Logger } from '../logger.ts';

/** Per request (or per websocket operation): a unit of work for the viewer, plus the transport. */
export interface GraphQLContext extends UnitOfWork {
  requestId: string;
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
  return {
    ...createUnitOfWork(input),
    requestId: input.requestId,
    ...(input.http ? { http: input.http } : {}),
  };
}
