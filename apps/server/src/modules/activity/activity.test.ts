import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fixtures, startTestServer, type TestServer } from '../../testing/index.ts';

const FEED = `query($filter: ActivityFilter, $first: Int, $after: String) {
  activity(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id action entityType entityId summary createdAt changes { field from to } actor { id } company { id } } }
  }
}`;
const UPDATE_COMPANY = 'mutation($input: UpdateCompanyInput!) { updateCompany(input: $input) { id version } }';

interface Entry {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string | null;
  createdAt: string;
  changes: { field: string; from: string | null; to: string | null }[];
  actor: { id: string } | null;
  company: { id: string } | null;
}
type Feed = { activity: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: Entry }[] } };

describe('activity over HTTP', () => {
  let hub: TestServer;
  let fx: Fixtures;
  let world: Awaited<ReturnType<Fixtures['world']>>;

  beforeAll(async () => {
    hub = await startTestServer({ seeded: false });
    fx = new Fixtures(hub.server.orm);
    world = await fx.world(hub.url);
    await world.clients.manager.data(UPDATE_COMPANY, { input: { id: world.own.id, version: 1, employees: 42, nameEn: 'Ganada Electronics' } });
    await world.clients.manager.data(UPDATE_COMPANY, { input: { id: world.own.id, version: 2, employees: 45 } });
    await world.clients.manager.data(UPDATE_COMPANY, { input: { id: world.other.id, version: 1, industrialComplex: '시화국가산업단지' } });
    await world.clients.manager.data('mutation($input: SetBudgetLineInput!) { setBudgetLine(input: $input) { id } }', {
      input: { programYearId: world.year.id, source: 'CITY', plannedKrw: 100_000_000 },
    });
  });
  afterAll(() => hub.close());

  it('answers the history of one record newest first, with who changed which fields', async () => {
    const { activity } = await world.clients.manager.data<Feed>(FEED, { filter: { entityType: 'Company', entityId: world.own.id } });
    expect(activity.totalCount).toBe(2);
    const [latest, earlier] = activity.edges.map((e) => e.node);
    expect(latest).toMatchObject({ action: 'company.updated', actor: { id: world.people.manager.id }, company: { id: world.own.id } });
    expect(latest?.changes).toEqual([{ field: 'employees', from: '42', to: '45' }]);
    expect(earlier?.changes).toEqual([
      { field: 'nameEn', from: world.own.nameEn, to: 'Ganada Electronics' },
      { field: 'employees', from: null, to: '42' },
    ]);
    expect(Date.parse(latest!.createdAt)).toBeGreaterThanOrEqual(Date.parse(earlier!.createdAt));
  });

  it('pages through the whole feed for managers, program-level entries included', async () => {
    const first = await world.clients.manager.data<Feed>(FEED, { first: 2 });
    expect(first.activity.totalCount).toBe(4);
    expect(first.activity.edges[0]?.node.action).toBe('budgetLine.created');
    const rest = await world.clients.manager.data<Feed>(FEED, { first: 2, after: first.activity.pageInfo.endCursor });
    expect(rest.activity.edges.map((e) => e.node.entityId)).toEqual([world.own.id, world.own.id]);
    expect(rest.activity.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by company and by actor', async () => {
    const byCompany = await world.clients.manager.data<Feed>(FEED, { filter: { companyId: world.other.id } });
    expect(byCompany.activity.edges.map((e) => e.node.changes[0]?.field)).toEqual(['industrialComplex']);
    const byActor = await world.clients.manager.data<Feed>(FEED, { filter: { actorId: world.people.expert.id } });
    expect(byActor.activity.totalCount).toBe(0);
  });

  it('filters by a period of program calendar days (Seoul midnights), both ends inclusive', async () => {
    const [entry] = await fx.rows<{ id: string }>("select id from activity_entry where action = 'budgetLine.created'");
    // 23:30 in Seoul on 2013-03-31 is still 2013-03-31 there, though UTC already says 14:30 the same day.
    await fx.rows("update activity_entry set created_at = '2013-03-31T14:30:00Z' where id = ?", [entry!.id]);
    const ids = async (filter: Record<string, string>) =>
      (await world.clients.manager.data<Feed>(FEED, { filter })).activity.edges.map((e) => e.node.id);
    expect(await ids({ from: '2013-03-31', to: '2013-03-31' })).toEqual([entry!.id]);
    expect(await ids({ from: '2013-04-01' })).not.toContain(entry!.id);
    expect(await ids({ to: '2013-03-30' })).toEqual([]);
    expect(await world.clients.manager.errorCode(FEED, { filter: { from: '2013-04-01', to: '2013-03-01' } })).toBe('BAD_USER_INPUT');
  });

  it('shows staff their own company’s history only, observers none, and anonymous visitors must sign in', async () => {
    const staff = await world.clients.staff.data<Feed>(FEED);
    expect(staff.activity.edges.every((e) => e.node.company?.id === world.own.id)).toBe(true);
    expect(staff.activity.totalCount).toBe(2);
    const other = await world.clients.staff.data<Feed>(FEED, { filter: { entityId: world.other.id } });
    expect(other.activity.totalCount).toBe(0);
    expect((await world.clients.observer.data<Feed>(FEED)).activity.totalCount).toBe(0);
    expect(await world.clients.anonymous.errorCode(FEED)).toBe('UNAUTHENTICATED');
  });

  it('writes nothing when a mutation fails', async () => {
    const before = (await world.clients.manager.data<Feed>(FEED)).activity.totalCount;
    expect(await world.clients.manager.errorCode(UPDATE_COMPANY, { input: { id: world.own.id, version: 1, employees: 50 } })).toBe('CONFLICT');
    expect(await world.clients.manager.errorCode(UPDATE_COMPANY, { input: { id: world.own.id, version: 3, employees: -50 } })).toBe('BAD_USER_INPUT');
    expect((await world.clients.manager.data<Feed>(FEED)).activity.totalCount).toBe(before);
  });

  it('rejects malformed ids in filters', async () => {
    expect(await world.clients.manager.errorCode(FEED, { filter: { entityId: 'abc' } })).toBe('BAD_USER_INPUT');
  });
});
