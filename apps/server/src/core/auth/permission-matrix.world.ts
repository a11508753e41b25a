import { Role } from '@ecohub/domain';
import { hashToken } from '../secret-token.ts';
import { hashPassword } from './password.ts';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../seeders/ansan.seeder.ts';
import { businessNumberFor, TestClient, type TestServer } from '../../testing/index.ts';

/** The callers of the permission matrix: every role, and nobody signed in. */
export const WHO = ['anonymous', Role.ADMIN, Role.PROGRAM_MANAGER, Role.EXPERT, Role.COMPANY_STAFF, Role.OBSERVER] as const;
export type Who = (typeof WHO)[number];
/** `own`: the company the demo staff user works for, served by the demo expert's team; `other`: another team's company. */
export type Scope = 'own' | 'other';

/** One company's records in the seeded Ansan world. */
export interface CompanyRecords {
  id: string;
  participationId: string;
  teamId: string;
  taskId: string;
  /** A task with at least one SHARED and one INTERNAL comment. */
  commentedTaskId: string;
  sharedCommentId: string;
  internalCommentId: string;
  measureId: string;
  diagnosisId: string;
  staffId: string;
  attachmentId: string;
}

export interface MatrixWorld {
  programId: string;
  programYearId: string;
  hostOrganizationId: string;
  eventId: string;
  /** An expert of the other company's team (not the demo expert). */
  otherExpertId: string;
  /** The person ids of the demo accounts. */
  demo: Record<Role, string>;
  companies: Record<Scope, CompanyRecords>;
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('matrix')]);
const THROWAWAY_PASSWORD = 'matrix-throwaway-2012';

/**
 * The seeded demo world seen through ids, signed-in clients per role, and builders of fresh
 * records (made by the admin over GraphQL) for operations that change or remove what they touch.
 */
export class Matrix {
  readonly sessions = new Map<Who, TestClient>();
  private counter = 0;
  private throwawayHash: Promise<string> | null = null;

  private constructor(
    readonly hub: TestServer,
    readonly world: MatrixWorld,
  ) {}

  static async build(hub: TestServer): Promise<Matrix> {
    const admin = new TestClient(hub.url);
    await admin.signInAs(login(Role.ADMIN));
    const sql = <T>(query: string, params: unknown[] = []) => hub.server.orm.em.fork().execute<T[]>(query, params);
    const one = async <T>(query: string, params: unknown[] = []): Promise<T> => {
      const rows = await sql<T>(query, params);
      if (!rows[0]) throw new Error(`the seeded world has no row for: ${query} ${JSON.stringify(params)}`);
      return rows[0];
    };
    const staff = await one<{ id: string; company_id: string }>('select id, company_id from person where email = ?', [login(Role.COMPANY_STAFF)]);
    const year = await one<{ id: string; program_id: string; host_organization_id: string }>(
      `select y.id, y.program_id, p.host_organization_id from program_year y join program p on p.id = y.program_id
        join participation pa on pa.program_year_id = y.id where pa.company_id = ? order by y.number limit 1`,
      [staff.company_id],
    );
    const ownTeam = await one<{ team_id: string }>('select team_id from participation where company_id = ? and program_year_id = ?', [
      staff.company_id,
      year.id,
    ]);
    const other = await one<{ company_id: string }>(
      `select pa.company_id from participation pa
        where pa.program_year_id = ? and pa.team_id is not null and pa.team_id <> ?
          and exists (select 1 from person p where p.company_id = pa.company_id and p.role = 'COMPANY_STAFF')
          -- A company whose board has a thread with both a shared and an internal comment (not every one does).
          and exists (select 1 from task t where t.company_id = pa.company_id
                         and exists (select 1 from comment c where c.task_id = t.id and c.visibility = 'SHARED' and c.deleted_at is null)
                         and exists (select 1 from comment c where c.task_id = t.id and c.visibility = 'INTERNAL' and c.deleted_at is null))
        order by pa.company_id limit 1`,
      [year.id, ownTeam.team_id],
    );
    const records = async (companyId: string, staffId: string | null): Promise<CompanyRecords> => {
      const participation = await one<{ id: string; team_id: string }>(
        'select id, team_id from participation where company_id = ? and program_year_id = ?',
        [companyId, year.id],
      );
      const commented = await one<{ task_id: string; shared_id: string; internal_id: string }>(
        `select t.id as task_id,
                (select c.id from comment c where c.task_id = t.id and c.visibility = 'SHARED' and c.deleted_at is null limit 1) as shared_id,
                (select c.id from comment c where c.task_id = t.id and c.visibility = 'INTERNAL' and c.deleted_at is null limit 1) as internal_id
           from task t
          where t.company_id = ? and t.archived_at is null
            and exists (select 1 from comment c where c.task_id = t.id and c.visibility = 'SHARED' and c.deleted_at is null)
            and exists (select 1 from comment c where c.task_id = t.id and c.visibility = 'INTERNAL' and c.deleted_at is null)
          limit 1`,
        [companyId],
      );
      const measure = await one<{ id: string }>('select id from measure where company_id = ? and archived_at is null limit 1', [companyId]);
      const diagnosis = await one<{ id: string }>('select id from diagnosis where company_id = ? limit 1', [companyId]);
      const staffPerson =
        staffId ?? (await one<{ id: string }>(`select id from person where company_id = ? and role = 'COMPANY_STAFF' limit 1`, [companyId])).id;
      const upload = await fetch(`${hub.url}/attachments?taskId=${commented.task_id}`, {
        method: 'POST',
        headers: { 'content-type': 'image/png', 'x-file-name': 'matrix.png', cookie: admin.cookie ?? '' },
        body: PNG,
      });
      if (upload.status !== 201) throw new Error(`attachment upload failed: ${upload.status} ${await upload.text()}`);
      return {
        id: companyId,
        participationId: participation.id,
        teamId: participation.team_id,
        taskId: commented.task_id,
        commentedTaskId: commented.task_id,
        sharedCommentId: commented.shared_id,
        internalCommentId: commented.internal_id,
        measureId: measure.id,
        diagnosisId: diagnosis.id,
        staffId: staffPerson,
        attachmentId: ((await upload.json()) as { id: string }).id,
      };
    };
    const event = await one<{ id: string }>('select id from program_event where program_year_id = ? and cancelled_at is null limit 1', [year.id]);
    const otherExpert = await one<{ id: string }>(
      `select m.person_id as id from team_membership m join participation pa on pa.team_id = m.team_id where pa.company_id = ? limit 1`,
      [other.company_id],
    );
    const demo = Object.fromEntries(
      await Promise.all(DEMO_LOGINS.map(async (d) => [d.role, (await one<{ id: string }>('select id from person where email = ?', [d.email])).id])),
    ) as Record<Role, string>;
    const world: MatrixWorld = {
      demo,
      programId: year.program_id,
      programYearId: year.id,
      hostOrganizationId: year.host_organization_id,
      eventId: event.id,
      otherExpertId: otherExpert.id,
      companies: { own: await records(staff.company_id, staff.id), other: await records(other.company_id, null) },
    };
    const matrix = new Matrix(hub, world);
    matrix.sessions.set(Role.ADMIN, admin);
    for (const who of WHO) {
      if (who === 'anonymous' || who === Role.ADMIN) continue;
      const client = new TestClient(hub.url);
      await client.signInAs(login(who));
      matrix.sessions.set(who, client);
    }
    matrix.sessions.set('anonymous', new TestClient(hub.url));
    return matrix;
  }

  get admin(): TestClient {
    return this.sessions.get(Role.ADMIN)!;
  }

  client(who: Who): TestClient {
    return this.sessions.get(who)!;
  }

  next(): number {
    this.counter += 1;
    return this.counter;
  }

  private async create<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const data = await this.admin.data<Record<string, T>>(query, variables);
    return Object.values(data)[0]!;
  }

  /** The current version of a record, read by the admin. */
  async version(field: string, id: string): Promise<number> {
    return this.create<{ version: number }>(`query($id: ID!) { ${field}(id: $id) { version } }`, { id }).then((r) => r.version);
  }

  task(companyId: string, assigneeIds: string[] = []): Promise<{ id: string; version: number }> {
    return this.create('mutation($input: CreateTaskInput!) { createTask(input: $input) { id version } }', {
      input: { companyId, title: `행렬 점검 과제 ${this.next()}`, assigneeIds },
    });
  }

  comment(taskId: string, visibility: 'SHARED' | 'INTERNAL' = 'SHARED'): Promise<{ id: string; version: number }> {
    return this.create('mutation($input: AddCommentInput!) { addComment(input: $input) { id version } }', {
      input: { taskId, body: `점검 댓글 ${this.next()}`, visibility },
    });
  }

  measure(companyId: string): Promise<{ id: string; version: number }> {
    return this.create('mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id version } }', {
      input: { companyId, programYearId: this.world.programYearId, category: 'OPERATING_CONDITIONS', title: `점검 개선안 ${this.next()}` },
    });
  }

  async transitionMeasure(measure: { id: string; version: number }, to: string[], on: string): Promise<{ id: string; version: number }> {
    let current = measure;
    for (const status of to) {
      current = await this.create(
        'mutation($id: ID!, $version: Int!, $to: MeasureStatus!, $on: LocalDate) { transitionMeasure(id: $id, version: $version, to: $to, on: $on) { id version } }',
        { ...current, to: status, on },
      );
    }
    return current;
  }

  /** The company's open 6-month follow-up request (the seeded year has ended: opening is idempotent). */
  async followUpRequest(companyId: string): Promise<{ id: string; version: number }> {
    await this.create('mutation($y: ID!) { openDueFollowUps(programYearId: $y) }', { y: this.world.programYearId });
    const requests = await this.create<{ id: string; version: number; monthsAfter: number }[]>(
      'query($c: ID!) { followUpRequests(filter: { companyId: $c }) { id version monthsAfter } }',
      { c: companyId },
    );
    const request = requests.find((r) => r.monthsAfter === 6)!;
    return { id: request.id, version: request.version };
  }

  /** A fresh answer (about a new measure) in the company's follow-up request, given by the admin. */
  async followUpAnswer(companyId: string): Promise<string> {
    const measure = await this.measure(companyId);
    const request = await this.followUpRequest(companyId);
    await this.create('mutation($input: SubmitFollowUpInput!) { submitFollowUp(input: $input) { id } }', {
      input: { requestId: request.id, answers: [{ measureId: measure.id, outcome: 'IMPLEMENTED', actualAnnualSavingsKrw: 1_000_000 }] },
    });
    const { items } = await this.create<{ items: { measure: { id: string }; answer: { id: string } | null }[] }>(
      'query($id: ID!) { followUpRequest(id: $id) { items { measure { id } answer { id } } } }',
      { id: request.id },
    );
    return items.find((item) => item.measure.id === measure.id)!.answer!.id;
  }

  /** A new program with its year 1; returns the year's id. */
  async programYear(): Promise<string> {
    const program = await this.create<{ id: string }>('mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }', {
      input: { nameKo: `점검 사업 ${this.next()}`, nameEn: 'Matrix program', region: '경기도', durationYears: 3, hostOrganizationId: this.world.hostOrganizationId },
    });
    const year = await this.create<{ id: string }>('mutation($input: CreateProgramYearInput!) { createProgramYear(input: $input) { id } }', {
      input: { programId: program.id, number: 1, startsOn: '2014-01-01', endsOn: '2014-12-31' },
    });
    return year.id;
  }

  company(): Promise<{ id: string; version: number }> {
    const n = this.next();
    return this.create('mutation($input: CreateCompanyInput!) { createCompany(input: $input) { id version } }', {
      input: { nameKo: `점검기업 ${n}`, businessNumber: businessNumberFor(700_000 + n * 7919), industryCode: '25921', industryLabel: '도금업' },
    });
  }

  async participation(): Promise<{ id: string; version: number }> {
    const company = await this.company();
    return this.create('mutation($input: ApplyToProgramYearInput!) { applyToProgramYear(input: $input) { id version } }', {
      input: { companyId: company.id, programYearId: this.world.programYearId },
    });
  }

  event(): Promise<{ id: string; version: number }> {
    const n = this.next();
    return this.create('mutation($input: CreateEventInput!) { createEvent(input: $input) { id version } }', {
      input: {
        programYearId: this.world.programYearId,
        kind: 'WORKSHOP',
        title: `점검 워크숍 ${n}`,
        venue: '안산 스마트허브',
        startsAt: '2013-03-14T05:00:00.000Z',
        endsAt: '2013-03-14T08:00:00.000Z',
      },
    });
  }

  team(members: string[] = []): Promise<{ id: string; version: number }> {
    return this.create<{ id: string; version: number }>(
      'mutation($input: CreateExpertTeamInput!) { createExpertTeam(input: $input) { id version } }',
      { input: { programYearId: this.world.programYearId, name: `점검팀 ${this.next()}` } },
    ).then(async (team) => {
      let current = team;
      for (const personId of members) {
        current = await this.create('mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { id version } }', {
          input: { teamId: team.id, personId },
        });
      }
      return current;
    });
  }

  /** A person invited (not yet accepted) by the admin. */
  invite(role: Role = Role.EXPERT): Promise<{ token: string; person: { id: string } }> {
    return this.create('mutation($input: InvitePersonInput!) { invitePerson(input: $input) { token person { id } } }', {
      input: { email: `invited-${this.next()}@matrix.test`, name: '초대받은 사람', role },
    });
  }

  /**
   * A new account of the role, signed in on its own client: for operations that end sessions or
   * change passwords, so the shared demo sessions stay valid.
   */
  async throwaway(who: Who, scope: Scope = 'own'): Promise<{ client: TestClient; email: string }> {
    const client = new TestClient(this.hub.url);
    if (who === 'anonymous') return { client, email: '' };
    this.throwawayHash ??= hashPassword(THROWAWAY_PASSWORD);
    const email = `throwaway-${this.next()}@matrix.test`;
    await this.hub.server.orm.em.fork().execute(
      `insert into person (id, email, name, role, company_id, password_hash) values (gen_random_uuid(), ?, ?, ?, ?, ?)`,
      [email, '일회용 계정', who, who === Role.COMPANY_STAFF ? this.world.companies[scope].id : null, await this.throwawayHash],
    );
    await client.signInAs(email, THROWAWAY_PASSWORD);
    return { client, email };
  }

  /** A mailed sign-in link of a new observer (as requestSignInLink stores it): its token. */
  async signInLink(): Promise<string> {
    const token = `matrix-link-${this.next()}-${Date.now()}`;
    await this.hub.server.orm.em.fork().execute(
      `with p as (insert into person (id, email, name, role) values (gen_random_uuid(), ?, '링크 사용자', 'OBSERVER') returning id)
       insert into sign_in_link (id, token_hash, person_id, expires_at) select gen_random_uuid(), ?, p.id, now() + interval '15 minutes' from p`,
      [`link-${this.next()}@matrix.test`, hashToken(token)],
    );
    return token;
  }

  static readonly THROWAWAY_PASSWORD = THROWAWAY_PASSWORD;
}

function login(role: Role): string {
  const found = DEMO_LOGINS.find((candidate) => candidate.role === role);
  if (!found) throw new Error(`no demo login for ${role}`);
  return found.email;
}

export { DEMO_PASSWORD };
