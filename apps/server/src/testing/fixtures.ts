import { createHash, randomBytes } from 'node:crypto';
import { OrganizationKind, ParticipationStatus, Role, type Specialty } from '@ecohub/domain';
import type { MikroORM } from '@mikro-orm/postgresql';
import { hashPassword } from '../core/auth/password.ts';
import { Company } from '../modules/company/index.ts';
import { SESSION_COOKIE } from '../modules/identity/index.ts';
import { Participation } from '../modules/participation/index.ts';
import { Person } from '../modules/people/index.ts';
import { Organization, Program, ProgramYear } from '../modules/program/index.ts';
import { ExpertTeam, TeamMembership } from '../modules/team/index.ts';
import { TestClient } from './graphql-client.ts';

/** The password of every person the fixtures create. */
export const FIXTURE_PASSWORD = 'fixture-password-2012';

let passwordHash: Promise<string> | null = null;

/** A valid business registration number (with its check digit) derived from `n`. */
export function businessNumberFor(n: number): string {
  const d = [...String(1_000_000_00 + (n % 900_000_000)).padStart(9, '0').slice(0, 9)].map(Number);
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  let sum = weights.reduce((acc, w, i) => acc + w * (d[i] as number), 0);
  sum += Math.floor(((d[8] as number) * 5) / 10);
  const digits = `${d.join('')}${(10 - (sum % 10)) % 10}`;
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

/**
 * Builds records straight through the ORM, for tests that need a world of their own (an
 * unseeded database) rather than the demo seed. Every person can sign in with FIXTURE_PASSWORD.
 */
export class Fixtures {
  private counter = 0;

  constructor(private readonly orm: MikroORM) {}

  private next(): number {
    this.counter += 1;
    return this.counter;
  }

  async save<T extends object>(build: (em: ReturnType<MikroORM['em']['fork']>) => T): Promise<T> {
    const em = this.orm.em.fork();
    const entity = build(em);
    await em.flush();
    return entity;
  }

  async person(input: { role: Role; company?: Company | null; name?: string; specialties?: Specialty[]; email?: string }): Promise<Person> {
    passwordHash ??= hashPassword(FIXTURE_PASSWORD);
    const hash = await passwordHash;
    const n = this.next();
    return this.save((em) =>
      em.create(Person, {
        email: input.email ?? `${input.role.toLowerCase()}-${n}@fixture.test`,
        name: input.name ?? `${input.role} ${n}`,
        role: input.role,
        company: input.company ? em.getReference(Company, input.company.id) : null,
        specialties: input.specialties ?? [],
        phone: `010-0000-${String(n).padStart(4, '0')}`,
        passwordHash: hash,
      }),
    );
  }

  async program(input: { durationYears?: number } = {}): Promise<{ program: Program; year: ProgramYear; host: Organization }> {
    return this.save((em) => {
      const host = em.create(Organization, { nameKo: '픽스처 주관기관', nameEn: 'Fixture Host', kind: OrganizationKind.HOST_FIRM });
      const program = em.create(Program, {
        nameKo: '픽스처 지역에코혁신사업',
        nameEn: 'Fixture Eco-Innovation Program',
        region: '경기도 안산시',
        durationYears: input.durationYears ?? 3,
        hostOrganization: host,
      });
      const year = em.create(ProgramYear, { program, number: 1, startsOn: '2012-10-01', endsOn: '2013-07-31' });
      return { program, year, host };
    });
  }

  async year(program: Program, number: number, startsOn = `${2011 + number}-08-01`, endsOn = `${2012 + number}-07-31`): Promise<ProgramYear> {
    return this.save((em) => em.create(ProgramYear, { program: em.getReference(Program, program.id), number, startsOn, endsOn }));
  }

  async company(input: { nameKo?: string; industrialComplex?: string } = {}): Promise<Company> {
    const n = this.next();
    return this.save((em) =>
      em.create(Company, {
        nameKo: input.nameKo ?? `픽스처기업 ${n}`,
        nameEn: `Fixture Co. ${n}`,
        businessNumber: businessNumberFor(n * 7919 + Math.floor(Math.random() * 1000) * 104_729),
        industryCode: '25921',
        industryLabel: '도금업',
        industrialComplex: input.industrialComplex ?? '반월국가산업단지',
        contactName: `담당자 ${n}`,
        contactEmail: `contact-${n}@fixture.test`,
        contactPhone: '031-000-0000',
      }),
    );
  }

  async team(year: ProgramYear, input: { name?: string; lead?: Person | null; members?: { person: Person; specialty?: Specialty }[] } = {}): Promise<ExpertTeam> {
    return this.save((em) => {
      const team = em.create(ExpertTeam, {
        programYear: em.getReference(ProgramYear, year.id),
        name: input.name ?? `팀 ${this.next()}`,
        lead: input.lead ? em.getReference(Person, input.lead.id) : null,
      });
      for (const member of input.members ?? []) {
        em.create(TeamMembership, { team, person: em.getReference(Person, member.person.id), specialty: member.specialty ?? null });
      }
      return team;
    });
  }

  async participation(
    company: Company,
    year: ProgramYear,
    input: { status?: ParticipationStatus; team?: ExpertTeam | null; appliedOn?: string } = {},
  ): Promise<Participation> {
    return this.save((em) =>
      em.create(Participation, {
        company: em.getReference(Company, company.id),
        programYear: em.getReference(ProgramYear, year.id),
        status: input.status ?? ParticipationStatus.APPLIED,
        team: input.team ? em.getReference(ExpertTeam, input.team.id) : null,
        appliedOn: input.appliedOn ?? '2012-09-03',
      }),
    );
  }

  /**
   * A client signed in as `person` through a session row of its own, so tests of the program
   * API do not depend on the sign-in flow (tested by the identity module).
   */
  async clientFor(url: string, person: Person): Promise<TestClient> {
    const token = randomBytes(32).toString('base64url');
    await this.orm.em.fork().execute(
      `insert into session (id, token_hash, person_id, expires_at) values (gen_random_uuid(), ?, ?, now() + interval '1 day')`,
      [createHash('sha256').update(token).digest('hex'), person.id],
    );
    const client = new TestClient(url);
    client.cookie = `${SESSION_COOKIE}=${token}`;
    return client;
  }

  /**
   * A small program world: a year with two companies (one assigned to a team with an expert),
   * and a signed-in client per role. `other` is a company nobody but managers works on.
   */
  async world(url: string) {
    const { program, year, host } = await this.program();
    const own = await this.company({ nameKo: '가나전자' });
    const other = await this.company({ nameKo: '다라화학' });
    const expertPerson = await this.person({ role: Role.EXPERT, name: '박성훈' });
    const team = await this.team(year, { name: '1팀', lead: expertPerson });
    const ownParticipation = await this.participation(own, year, { status: ParticipationStatus.ACTIVE, team });
    const otherParticipation = await this.participation(other, year, { status: ParticipationStatus.APPLIED });
    const people = {
      manager: await this.person({ role: Role.PROGRAM_MANAGER, name: '김정민' }),
      observer: await this.person({ role: Role.OBSERVER, name: '최영호' }),
      expert: expertPerson,
      staff: await this.person({ role: Role.COMPANY_STAFF, company: own, name: '이수진' }),
      otherStaff: await this.person({ role: Role.COMPANY_STAFF, company: other, name: '정다은' }),
    };
    return {
      program,
      year,
      host,
      own,
      other,
      team,
      ownParticipation,
      otherParticipation,
      people,
      clients: {
        manager: await this.clientFor(url, people.manager),
        observer: await this.clientFor(url, people.observer),
        expert: await this.clientFor(url, people.expert),
        staff: await this.clientFor(url, people.staff),
        otherStaff: await this.clientFor(url, people.otherStaff),
        anonymous: new TestClient(url),
      },
    };
  }

  /** The rows of a table matching a condition, read directly (history and outbox checks). */
  async rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.orm.em.fork().execute(sql, params) as Promise<T[]>;
  }
}

