import 'reflect-metadata';
import { loadConfig } from '../config/config.ts';
import type { MikroORM } from '@mikro-orm/postgresql';
import { connectOrm, migrate, openDatabase, type Database } from '../core/database/database.ts';
import { startupFailureSentence } from '../core/startup-error.ts';
import { createLogger } from '../core/logger.ts';
import { seedAnsanProgram } from '../seeders/ansan.seeder.ts';

/** `db:migrate`, `db:seed`, `db:reset` and `create-migration`, against the configured database. */
const command = process.argv[2];
const config = loadConfig();
const logger = createLogger(config);
let database: Database | undefined;
let orm: MikroORM;
try {
  database = await openDatabase(config, logger);
  orm = await connectOrm(database.url, logger);
} catch (error) {
  await database?.stop();
  logger.debug({ err: error }, 'could not open the database');
  process.stderr.write(`${startupFailureSentence(error)}\n`);
  process.exit(1);
}
try {
  switch (command) {
    case 'migrate':
      await migrate(orm, logger);
      break;
    case 'seed':
      await migrate(orm, logger);
      await seedAnsanProgram(orm.em.fork(), logger);
      break;
    case 'reset':
      await orm.schema.drop({ dropMigrationsTable: true });
      await migrate(orm, logger);
      await seedAnsanProgram(orm.em.fork(), logger);
      break;
    case 'create-migration': {
      const result = await orm.migrator.create(new URL('../migrations', import.meta.url).pathname, false, process.argv[3] === '--initial');
      logger.info({ file: result.fileName }, result.diff.up.length ? 'migration written' : 'no schema changes');
      break;
    }
    default:
      throw new Error(`unknown command "${command}": migrate, seed, reset or create-migration`);
  }
} finally {
  await orm.close();
  await database.stop();
}
