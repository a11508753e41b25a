import { DataloaderType } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.ts';
import { entities } from './entities.ts';
import { releaseBrokenConnections } from './pool-recovery.ts';
import { migrationsList } from '../../migrations/index.ts';

export interface OrmOptions {
  clientUrl: string;
  logger?: Logger;
  poolMax?: number;
  /** Called with each SQL statement; the N+1 tests count them. */
  onQuery?: (sql: string) => void;
}

export function ormConfig(options: OrmOptions): Options {
  return defineConfig({
    clientUrl: options.clientUrl,
    entities,
    extensions: [Migrator],
    dataloader: DataloaderType.ALL,
    forceUtcTimezone: true,
    ignoreUndefinedInQuery: true,
    allowGlobalContext: false,
    pool: { min: 0, max: options.poolMax ?? 10 },
    driverOptions: { onPoolCreated: releaseBrokenConnections },
    migrations: {
      migrationsList,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    debug: options.onQuery ? ['query'] : false,
    logger: options.onQuery
      ? (message: string) => options.onQuery?.(message)
      : (message: string) => options.logger?.debug({ orm: message }),
  });
}
