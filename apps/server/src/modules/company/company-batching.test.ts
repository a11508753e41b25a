import { ParticipationStatus, Role } from '@ecohub/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fixtures, startTestServer, type TestClient, type TestServer } from '../../testing/index.ts';

/**
 * Every relation the program-structure resolvers follow is batched: the number of SQL
 * statements a page needs does not grow with the number of rows on it. (Loads of one relation
 * met at different depths may or may not share a batch, depending on timing: a statement or
 * two of slack, far below the one-per-row growth an N+1 would show.)
 */
const SLACK = 2;
/** The realtime dispatcher's polling and the session lookup are not the query's own work. */
const BACKGROUND = /outbox_event|from session/;
const COMPANIES = `query($yearId: ID!) {
  companies(first: 20) {
    edges { node {
      id nameKo
      staff { id name teams { id } }
      participations { id status allowedNextStatuses programYear { id number } team { id lead { id } members { person { id } } } diagnoses { id } }
      currentParticipation(programYearId: $yearId) { id company { id } }
    } }
  }
}`;
const YEAR = `query($yearId: ID!) {
  programYear(id: $yearId) {
    participations(first: 20) { totalCount edges { node { id company { nameKo } team { name companies { id } } } } }
    expertTeams { id name lead { name } members { specialty person { name } } companies { id } }
    events(first: 20) { edges { node { id invitedCount attendedCount invitedCompanies { id } attendances { person { id } company { id } } } } }
  }
}`;
const ACTIVITY = '{ activity(first: 20) { edges { node { id actor { id name } company { id nameKo } changes { field } } } } }';

describe('program structure queries are batched', () => {
  let hub: TestServer;
  let fx: Fixtures;
  let statements = 0;
  let counting = false;
  let world: Awaited<ReturnType<Fixtures['world']>>;

  beforeAll(async () => {
    hub = await startTestServer({
      seeded: false,
      onQuery: (sql) => {
        if (counting && !BACKGROUND.test(sql)) statements += 1;
      },
    });
    fx = new Fixtures(hub.server.orm);
    world = await fx.world(hub.url);
  });
  afterAll(() => hub.close());

  /** Statements of one request, after a first one that absorbs the once-a-minute session touch. */
  async function count(client: TestClient, query: string): Promise<number> {
    await client.data(query, { yearId: world.year.id });
    statements = 0;
    counting = true;
    try {
      await client.data(query, { yearId: world.year.id });
    } finally {
      counting = false;
    }
    return statements;
  }

  /** Adds companies with staff, a team with members, participations, diagnoses, events and history. */
  async function grow(n: number): Promise<void> {
    const expert = await fx.person({ role: Role.EXPERT });
    const team = await fx.team(world.year, { lead: expert, members: [{ person: await fx.person({ role: Role.EXPERT }), specialty: 'ENERGY' }] });
    const companyIds: string[] = [];
    for (let i = 0; i < n; i += 1) {
      const company = await fx.company();
      companyIds.push(company.id);
      const staff = await fx.person({ role: Role.COMPANY_STAFF, company });
      const participation = await fx.participation(company, world.year, { status: ParticipationStatus.ACTIVE, team });
      await world.clients.manager.data('mutation($input: CreateDiagnosisInput!) { createDiagnosis(input: $input) { id } }', {
        input: { participationId: participation.id, kind: 'INITIAL', conductedOn: '2012-10-20', processesExamined: '도금', findings: '용수 과다' },
      });
      const { createEvent } = await world.clients.manager.data<{ createEvent: { id: string } }>(
        'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
        { input: { programYearId: world.year.id, kind: 'SITE_VISIT', title: `현장방문 ${i}`, venue: '반월', startsAt: '2013-03-04T01:00:00Z', endsAt: '2013-03-04T03:00:00Z' } },
      );
      await world.clients.manager.data('mutation($input: InviteCompaniesInput!) { inviteCompaniesToEvent(input: $input) { id } }', {
        input: { eventId: createEvent.id, companyIds: [company.id] },
      });
      await world.clients.manager.data('mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }', {
        input: { eventId: createEvent.id, personId: staff.id },
      });
    }
  }

  it('answers companies, a program year and the activity feed with as many statements for 10 rows as for 2', async () => {
    await grow(2);
    const small = {
      companies: await count(world.clients.manager, COMPANIES),
      year: await count(world.clients.manager, YEAR),
      activity: await count(world.clients.manager, ACTIVITY),
    };
    await grow(8);
    const large = {
      companies: await count(world.clients.manager, COMPANIES),
      year: await count(world.clients.manager, YEAR),
      activity: await count(world.clients.manager, ACTIVITY),
    };
    for (const key of ['companies', 'year', 'activity'] as const) {
      expect(large[key], key).toBeLessThanOrEqual(small[key] + SLACK);
      expect(small[key], key).toBeLessThan(25);
    }
  });

  it('stays batched for a company staff viewer, whose scope adds its own lookups', async () => {
    const staffSmall = await count(world.clients.staff, COMPANIES);
    await grow(4);
    expect(await count(world.clients.staff, COMPANIES)).toBeLessThanOrEqual(staffSmall + SLACK);
  });
});
