import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppServices } from '../app-services.ts';
import { Access } from '../auth/access.ts';
import type { Viewer } from '../auth/viewer.ts';
import { createLoaders, type Loaders } from '../graphql/loaders.ts';
import type { Logger } from '../logger.ts';

/**
 * What a service acts with: who acts (the actor, null for an anonymous visitor), with which
 * rights, and one unit of work (its own entity manager and batch loaders). A GraphQL request, a
 * websocket operation, a job and a test each build one, so services never depend on GraphQL.
 */
export interface UnitOfWork {
  em: EntityManager;
  viewer: Viewer | null;
  access: Access;
  logger: Logger;
  services: AppServices;
  loaders: Loaders;
}

export function createUnitOfWork(input: { services: AppServices; viewer: Viewer | null; logger: Logger }): UnitOfWork {
  const em = input.services.orm.em.fork({ useContext: false });
  return {
    em,
    viewer: input.viewer,
    access: new Access(em, input.viewer),
    logger: input.logger,
    services: input.services,
    loaders: createLoaders(),
  };
}
