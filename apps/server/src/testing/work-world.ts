import { EmissionFactorKind, ParticipationStatus, Role } from '@ecohub/domain';
import type { Company } from '../modules/company/index.ts';
import type { Person } from '../modules/people/index.ts';
import type { ProgramYear } from '../modules/program/index.ts';
import type { ExpertTeam } from '../modules/team/index.ts';
import { Fixtures } from './fixtures.ts';
import type { TestClient } from './graphql-client.ts';
import type { TestServer } from './test-server.ts';

/** The people of a work world, each with a signed-in client. */
export interface WorkPeople {
  manager: Person;
  expert: Person;
  otherExpert: Person;
  staff: Person;
  otherStaff: Person;
  observer: Person;
}

/**
 * Two companies of one program year, each served by its own expert team, with staff of their
 * own, a manager and an observer: enough to test scopes (own vs other tenant) and roles for the
 * consulting work (measures, tasks, comments, attachments, board).
 */
export interface WorkWorld {
  fx: Fixtures;
  year: ProgramYear;
  company: Company;
  otherCompany: Company;
  team: ExpertTeam;
  otherTeam: ExpertTeam;
  people: WorkPeople;
  as: Record<keyof WorkPeople, TestClient>;
  factors: Record<EmissionFactorKind, string>;
}

export async function buildWorkWorld(hub: TestServer): Promise<WorkWorld> {
  const fx = new Fixtures(hub.server.orm);
  const { year } = await fx.program();
  const company = await fx.company({ nameKo: '한일도금' });
  const otherCompany = await fx.company({ nameKo: '대성화학' });
  const expert = await fx.person({ role: Role.EXPERT, name: '박성훈' });
  const otherExpert = await fx.person({ role: Role.EXPERT, name: '정다은' });
  const team = await fx.team(year, { name: '1팀', lead: expert });
  const otherTeam = await fx.team(year, { name: '2팀', members: [{ person: otherExpert }] });
  await fx.participation(company, year, { status: ParticipationStatus.ACTIVE, team });
  await fx.participation(otherCompany, year, { status: ParticipationStatus.ACTIVE, team: otherTeam });
  const people: WorkPeople = {
    manager: await fx.person({ role: Role.PROGRAM_MANAGER, name: '김정민' }),
    expert,
    otherExpert,
    staff: await fx.person({ role: Role.COMPANY_STAFF, company, name: '이수진' }),
    otherStaff: await fx.person({ role: Role.COMPANY_STAFF, company: otherCompany, name: '최민호' }),
    observer: await fx.person({ role: Role.OBSERVER, name: '최영호' }),
  };
  const as = Object.fromEntries(
    await Promise.all(Object.entries(people).map(async ([key, person]) => [key, await fx.clientFor(hub.url, person)])),
  ) as Record<keyof WorkPeople, TestClient>;
  const factors = await seedFactors(fx);
  return { fx, year, company, otherCompany, team, otherTeam, people, as, factors };
}

/** The year-1 factors (as the demo seed has them), written directly: tests of createEmissionFactor add their own. */
async function seedFactors(fx: Fixtures): Promise<Record<EmissionFactorKind, string>> {
  const rows = await fx.rows<{ id: string; kind: EmissionFactorKind; valid_from_year: number }>(
    `insert into emission_factor (id, kind, valid_from_year, valid_to_year, value, source)
     values (gen_random_uuid(), 'ELECTRICITY', 2012, 2013, 0.424, 'fixture'),
            (gen_random_uuid(), 'ELECTRICITY', 2014, 2016, 0.45941, 'fixture'),
            (gen_random_uuid(), 'LNG', 2012, 2030, 2.176, 'fixture'),
            (gen_random_uuid(), 'WATER', 2012, 2030, 0.237, 'fixture')
     returning id, kind, valid_from_year`,
  );
  const byKind = (kind: EmissionFactorKind) => rows.find((row) => row.kind === kind && row.valid_from_year === 2012)!.id;
  return { ELECTRICITY: byKind('ELECTRICITY'), LNG: byKind('LNG'), WATER: byKind('WATER') };
}

export const UNKNOWN_ID = '00000000-0000-7000-8000-000000000000';
