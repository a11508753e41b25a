import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../core/logger.ts';
import { Program } from '../modules/program/index.ts';
import { PROGRAM } from './ansan/program.data.ts';
import { seedProgram } from './ansan/seed-program.ts';

export { DEMO_LOGINS, DEMO_PASSWORD } from './ansan/people.data.ts';

/**
 * Seeds the Ansan program (year 1 with the seed's own figures). Idempotent: a database that
 * already holds the program is left as it is.
 */
export async function seedAnsanProgram(em: EntityManager, logger: Logger): Promise<boolean> {
  if (await em.count(Program, { nameEn: PROGRAM.nameEn })) {
    logger.info('the Ansan program is already seeded');
    return false;
  }
  const started = Date.now();
  const step = (name: string, detail: Record<string, unknown> = {}) => logger.info({ seed: name, ...detail }, `seeding: ${name}`);
  await em.transactional(async (tx) => {
    step('program, years and budget');
    seedProgram(tx);
    await tx.flush();
  });
  logger.info({ ms: Date.now() - started }, 'the Ansan program is seeded');
  return true;
}
