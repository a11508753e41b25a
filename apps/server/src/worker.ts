import type { Config } from './config/config.ts';
import type { AppServices } from './core/app-services.ts';
import { connectOrm, migrate, openDatabase } from './core/database/database.ts';
import { systemClock } from './core/jobs/clock.ts';
import type { Logger } from './core/logger.ts';
import { Realtime } from './core/realtime/realtime.ts';
import { startJobs } from './jobs.ts';

/**
 * The job worker on its own (`npm run worker`), for deployments that keep jobs apart from the
 * hubs (then start the hubs with RUN_JOBS=false). It serves no HTTP; notifications it writes
 * reach live subscribers through the same outbox and wake bus as a hub's.
 */
export async function startWorker(config: Config, logger: Logger): Promise<{ close(): Promise<void> }> {
  // The embedded PostgreSQL belongs to the one hub of its data folder: a worker apart shares a server.
  if (!config.databaseUrl) throw new Error('npm run worker needs DATABASE_URL (the PostgreSQL the hubs use); without it, jobs run inside the hub');
  const database = await openDatabase(config, logger);
  const orm = await connectOrm(database.url, logger);
  let realtime: Realtime | null = null;
  try {
    await migrate(orm, logger);
    realtime = await Realtime.start(config, orm, database.url, logger);
    const live = realtime;
    const services: AppServices = { config, logger, orm, realtime: live, outboxCommitted: (batch) => live.committed(batch), clock: systemClock };
    const jobs = await startJobs(services, database.url);
    logger.info('EcoHub worker is running');
    return {
      async close() {
        await jobs.stop();
        await live.close();
        await orm.close();
        await database.stop();
        logger.info('EcoHub worker stopped');
      },
    };
  } catch (error) {
    await realtime?.close();
    await orm.close();
    await database.stop();
    throw error;
  }
}
