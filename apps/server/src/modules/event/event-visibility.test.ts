import { Role } from '@ecohub/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLogin } from '../../seeders/ansan/people.data.ts';
import { startTestServer, TestClient, type TestServer } from '../../testing/index.ts';

interface EventRow {
  id: string;
  kind: string;
  title: string;
  invitedCount: number;
  attendedCount: number | null;
  invitedCompanies: { id: string }[];
  attendances: { attended: boolean }[] | null;
}

const EVENTS = `query($y: ID!) { events(programYearId: $y, first: 200) { edges { node {
  id kind title invitedCount attendedCount invitedCompanies { id } attendances { attended } } } } }`;

/** The seeded calendar through the demo logins: who sees which event, and counts that match the lists. */
describe('the seeded calendar by role', () => {
  let hub: TestServer;
  let yearId: string;
  const signedIn = (role: Role) => new TestClient(hub.url).signInAs(demoLogin(role).email);
  const calendar = async (client: TestClient) => (await client.data<{ events: { edges: { node: EventRow }[] } }>(EVENTS, { y: yearId })).events.edges.map((e) => e.node);

  beforeAll(async () => {
    hub = await startTestServer();
    const { programs } = await new TestClient(hub.url).data<{ programs: { years: { id: string; number: number }[] }[] }>('{ programs { years { id number } } }');
    yearId = programs[0]!.years.find((year) => year.number === 1)!.id;
  });
  afterAll(() => hub.close());

  it("keeps another plant's site visit from company staff, and shows them their own", async () => {
    const staff = await signedIn(Role.COMPANY_STAFF);
    const { viewer } = await staff.data<{ viewer: { company: { id: string } } }>('{ viewer { company { id } } }');
    const everything = await calendar(await signedIn(Role.PROGRAM_MANAGER));
    const visits = everything.filter((event) => event.kind === 'SITE_VISIT');
    const own = visits.filter((event) => event.invitedCompanies.some((company) => company.id === viewer.company.id));
    const foreign = visits.filter((event) => !own.includes(event));
    expect(own.map((event) => event.title)).toContain('(주)한일도금 향류세척 설비 현장 점검');
    expect(foreign.map((event) => event.title)).toContain('(주)에이스써키트 에칭 폐액 재생 설비 사전 조사');
    const seen = new Set((await calendar(staff)).map((event) => event.id));
    for (const event of own) expect(seen.has(event.id), event.title).toBe(true);
    for (const event of foreign) {
      expect(seen.has(event.id), event.title).toBe(false);
      expect(await staff.errorCode('query($id: ID!) { event(id: $id) { title venue description } }', { id: event.id })).toBe('NOT_FOUND');
    }
    // A visit to one plant invites that plant alone.
    expect(visits.find((event) => event.title.startsWith('(주)에이스써키트'))!.invitedCount).toBe(1);
  });

  it('never shows a count above a list: invited and attended follow what each role may list, or are null', async () => {
    for (const role of [Role.ADMIN, Role.PROGRAM_MANAGER, Role.EXPERT, Role.COMPANY_STAFF, Role.OBSERVER]) {
      const events = await calendar(await signedIn(role));
      expect(events.length, role).toBeGreaterThan(0);
      for (const event of events) {
        expect(event.invitedCount, `${role}: ${event.title}`).toBe(event.invitedCompanies.length);
        if (event.attendances === null) expect(event.attendedCount, `${role}: ${event.title}`).toBeNull();
        else expect(event.attendedCount, `${role}: ${event.title}`).toBe(event.attendances.filter((a) => a.attended).length);
      }
      if (role === Role.OBSERVER) expect(events.filter((event) => event.kind === 'SITE_VISIT')).toEqual([]);
    }
  });
});
