import { Role } from '@ecohub/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '../core/auth/password.ts';
import type { Logger } from '../core/logger.ts';
import type { Person } from '../modules/people/index.ts';
import { Program } from '../modules/program/index.ts';
import { seoulTime } from './ansan/dates.ts';
import { DEMO_PASSWORD, demoLogin, type DemoRole } from './ansan/people.data.ts';
import { PROGRAM, YEAR_ONE_AS_OF } from './ansan/program.data.ts';
import { seedActivity } from './ansan/seed-activity.ts';
import { seedComments } from './ansan/seed-comments.ts';
import { seedCompanies } from './ansan/seed-companies.ts';
import type { SeedContext } from './ansan/seed-context.ts';
import { seedDiagnoses } from './ansan/seed-diagnoses.ts';
import { seedEmissionFactors } from './ansan/seed-emission-factors.ts';
import { seedEvents } from './ansan/seed-events.ts';
import { seedMeasures } from './ansan/seed-measures.ts';
import { seedNotifications } from './ansan/seed-notifications.ts';
import { NameGenerator, seedAccounts, seedCompanyStaff } from './ansan/seed-people.ts';
import { seedProgram } from './ansan/seed-program.ts';
import { seedTasks } from './ansan/seed-tasks.ts';
import { seedTeams } from './ansan/seed-teams.ts';

export { DEMO_LOGINS, DEMO_PASSWORD } from './ansan/people.data.ts';

export interface SeedOptions {
  /**
   * The real seeding instant (default: now), stamped only on the import's history entry: the
   * seeded records themselves are dated on the program's calendar as of YEAR_ONE_AS_OF.
   */
  now?: Date;
}

/** Arbitrary but fixed key of the lock that lets one hub at a time seed a database. */
const SEED_LOCK_KEY = 7_349_003;

/**
 * Seeds the Ansan program: year 1 with the 2012 report's figures, its applicants, teams,
 * diagnoses, measures, task boards with comments, and events. Idempotent: a database that
 * already holds the program is left as it is. Everything is written in one transaction.
 */
export async function seedAnsanProgram(em: EntityManager, logger: Logger, options: SeedOptions = {}): Promise<boolean> {
  if (await isSeeded(em)) {
    logger.info('the Ansan program is already seeded');
    return false;
  }
  const started = Date.now();
  const now = options.now ?? new Date();
  // argon2id is deliberately slow: hash once and share it among the seeded accounts.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const step = (name: string, counts: Record<string, number>) => logger.info({ seed: name, ...counts }, `seeding: ${name}`);

  const seeded = await em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(?)', [SEED_LOCK_KEY]);
    if (await isSeeded(tx)) return false;
    const ctx: SeedContext = { em: tx, now: seoulTime(YEAR_ONE_AS_OF.date, YEAR_ONE_AS_OF.time), today: YEAR_ONE_AS_OF.date, importedAt: now };

    const { program, years, organizations } = seedProgram(tx);
    const yearOne = years[0];
    if (!yearOne) throw new Error('the Ansan program has no year 1');
    step('program, years and budget', { years: years.length, organizations: Object.keys(organizations).length });

    const { factors, yearOne: yearOneFactors } = seedEmissionFactors(ctx);
    step('emission factors', { factors: factors.length });

    const accounts = seedAccounts(ctx, organizations, passwordHash);
    const teams = seedTeams(ctx, yearOne, accounts);
    step('accounts and expert teams', { accounts: accounts.size, teams: teams.size });

    const names = new NameGenerator();
    const companies = seedCompanies(ctx, yearOne, teams, names);
    const selected = companies.filter((c) => c.team !== null);
    const staff = seedCompanyStaff(ctx, selected, passwordHash);
    step('companies and participations', { companies: companies.length, selected: selected.length, staff: [...staff.values()].flat().length });

    const diagnoses = seedDiagnoses(ctx, companies, teams);
    const measures = seedMeasures(ctx, companies, diagnoses, yearOneFactors);
    step('diagnoses and measures', { diagnoses: companies.length + diagnoses.size, measures: measures.length });

    const tasks = seedTasks(ctx, companies, measures, staff);
    const { comments, mentions } = seedComments(ctx, tasks);
    const everyone = [...accounts.values(), ...[...staff.values()].flat()];
    const demoUser = (role: DemoRole) => findByEmail(everyone, demoLogin(role).email);
    const notifications = seedNotifications(ctx, mentions, tasks, [demoUser(Role.EXPERT), demoUser(Role.COMPANY_STAFF)]);
    step('tasks and comments', { tasks: tasks.length, comments: comments.length, notifications: notifications.length });

    const { events, attendances } = seedEvents(ctx, yearOne, companies, teams, accounts, (c) => staff.get(c.company) ?? []);
    const history = seedActivity(ctx, program, yearOne, companies, demoUser(Role.PROGRAM_MANAGER), { tasks, measures });
    step('events and history', { events: events.length, attendances: attendances.length, activities: history.length });
    // One flush: the unit of work batches each table's inserts.
    await tx.flush();
    return true;
  });
  if (seeded) logger.info({ ms: Date.now() - started }, 'the Ansan program is seeded');
  return seeded;
}

function isSeeded(em: EntityManager): Promise<boolean> {
  return em.count(Program, { nameEn: PROGRAM.nameEn }).then((count) => count > 0);
}

function findByEmail(people: Person[], email: string): Person {
  const person = people.find((candidate) => candidate.email === email);
  if (!person) throw new Error(`no seeded person for ${email}`);
  return person;
}
