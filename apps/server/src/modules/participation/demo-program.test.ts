import { Role } from '@ecohub/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLogin } from '../../seeders/ansan/people.data.ts';
import { startTestServer, TestClient, type TestServer } from '../../testing/index.ts';

/** The seeded Ansan year 1 through the demo logins: what each role sees of the program structure. */
describe('the seeded Ansan program by role', () => {
  let hub: TestServer;
  let yearId: string;
  const signedIn = (role: Role) => new TestClient(hub.url).signInAs(demoLogin(role).email);

  beforeAll(async () => {
    hub = await startTestServer();
    const { programs } = await new TestClient(hub.url).data<{ programs: { years: { id: string; number: number }[] }[] }>('{ programs { years { id number } } }');
    yearId = programs[0]!.years.find((year) => year.number === 1)!.id;
  });
  afterAll(() => hub.close());

  const companies = '{ companies(first: 100) { totalCount edges { node { id nameKo contactEmail } } } }';

  it('shows anonymous visitors the year-1 budget of 563 million KRW but no companies', async () => {
    const anonymous = new TestClient(hub.url);
    const { programYear } = await anonymous.data<{ programYear: { plannedTotalKrw: number } }>('query($id: ID!) { programYear(id: $id) { plannedTotalKrw } }', { id: yearId });
    expect(programYear.plannedTotalKrw).toBe(563_000_000);
    expect(await anonymous.errorCode(companies)).toBe('UNAUTHENTICATED');
  });

  it('shows the manager all 31 applicants, 20 of them in four expert teams', async () => {
    const manager = await signedIn(Role.PROGRAM_MANAGER);
    const { participations } = await manager.data<{ participations: { totalCount: number } }>('query($id: ID!) { participations(programYearId: $id) { totalCount } }', { id: yearId });
    expect(participations.totalCount).toBe(31);
    const { expertTeams } = await manager.data<{ expertTeams: { edges: { node: { companies: unknown[] } }[] } }>(
      'query($id: ID!) { expertTeams(programYearId: $id) { edges { node { companies { id } } } } }',
      { id: yearId },
    );
    expect(expertTeams.edges.map((e) => e.node.companies.length)).toEqual([5, 5, 5, 5]);
  });

  it('shows the expert the five companies of team 1', async () => {
    const expert = await signedIn(Role.EXPERT);
    expect((await expert.data<{ companies: { totalCount: number } }>(companies)).companies.totalCount).toBe(5);
  });

  it('shows company staff their own company only', async () => {
    const staff = await signedIn(Role.COMPANY_STAFF);
    const { companies: own } = await staff.data<{ companies: { totalCount: number; edges: { node: { nameKo: string } }[] } }>(companies);
    expect(own.totalCount).toBe(1);
    expect(own.edges[0]?.node.nameKo).toBe('(주)한일도금');
  });

  it('shows the observer every company without contact details', async () => {
    const observer = await signedIn(Role.OBSERVER);
    const { companies: all } = await observer.data<{ companies: { totalCount: number; edges: { node: { contactEmail: string | null } }[] } }>(companies);
    expect(all.totalCount).toBe(31);
    expect(all.edges.every((e) => e.node.contactEmail === null)).toBe(true);
  });
});
