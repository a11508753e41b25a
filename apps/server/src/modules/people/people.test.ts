import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fixtures, startTestServer, type TestServer } from '../../testing/index.ts';

const LIST = `query($filter: PeopleFilter, $first: Int, $after: String) {
  people(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name role email phone } } }
}`;
const PROFILE = 'mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { id name nameEn jobTitle phone locale } }';

describe('people over HTTP', () => {
  let hub: TestServer;
  let fx: Fixtures;
  let world: Awaited<ReturnType<Fixtures['world']>>;

  beforeAll(async () => {
    hub = await startTestServer({ seeded: false });
    fx = new Fixtures(hub.server.orm);
    world = await fx.world(hub.url);
  });
  afterAll(() => hub.close());

  const names = async (client: typeof world.clients.manager, filter: Record<string, unknown> = {}) =>
    (await client.data<{ people: { edges: { node: { name: string } }[] } }>(LIST, { filter })).people.edges.map((e) => e.node.name).sort();

  describe('people', () => {
    it('lists everyone for managers, with filters by role, company and name', async () => {
      expect(await names(world.clients.manager)).toEqual(['김정민', '박성훈', '이수진', '정다은', '최영호']);
      expect(await names(world.clients.manager, { role: 'COMPANY_STAFF' })).toEqual(['이수진', '정다은']);
      expect(await names(world.clients.manager, { companyId: world.own.id })).toEqual(['이수진']);
      expect(await names(world.clients.manager, { search: '성훈' })).toEqual(['박성훈']);
    });

    it('pages by name with a total', async () => {
      const first = await world.clients.manager.data<{ people: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { name: string } }[] } }>(
        LIST,
        { first: 3 },
      );
      expect(first.people.totalCount).toBe(5);
      expect(first.people.edges.map((e) => e.node.name)).toEqual(['김정민', '박성훈', '이수진']);
      const rest = await world.clients.manager.data<{ people: { pageInfo: { hasNextPage: boolean }; edges: { node: { name: string } }[] } }>(LIST, {
        first: 3,
        after: first.people.pageInfo.endCursor,
      });
      expect(rest.people.edges.map((e) => e.node.name)).toEqual(['정다은', '최영호']);
      expect(rest.people.pageInfo.hasNextPage).toBe(false);
    });

    it('shows staff the program’s people and their own colleagues, not another company’s staff', async () => {
      expect(await names(world.clients.staff)).toEqual(['김정민', '박성훈', '이수진', '최영호']);
      expect(await world.clients.staff.errorCode('query($id: ID!) { person(id: $id) { id } }', { id: world.people.otherStaff.id })).toBe('NOT_FOUND');
    });

    it('shows experts the staff of the companies they serve only', async () => {
      expect(await names(world.clients.expert, { role: 'COMPANY_STAFF' })).toEqual(['이수진']);
    });

    it('hides contact details from observers and company staff from them altogether', async () => {
      const { people } = await world.clients.observer.data<{ people: { edges: { node: { name: string; email: string | null; phone: string | null } }[] } }>(LIST);
      expect(people.edges.map((e) => e.node.name).sort()).toEqual(['김정민', '박성훈', '최영호']);
      expect(people.edges.filter((e) => e.node.name !== '최영호').every((e) => e.node.email === null && e.node.phone === null)).toBe(true);
    });

    it('answers a company’s staff from the company, and null (hidden, not empty) for observers', async () => {
      const query = 'query($id: ID!) { company(id: $id) { staff { name } } }';
      expect((await world.clients.manager.data<{ company: { staff: { name: string }[] } }>(query, { id: world.own.id })).company.staff).toEqual([{ name: '이수진' }]);
      expect((await world.clients.observer.data<{ company: { staff: unknown[] } }>(query, { id: world.own.id })).company.staff).toBeNull();
    });

    it('asks anonymous visitors to sign in and rejects malformed filters', async () => {
      expect(await world.clients.anonymous.errorCode(LIST)).toBe('UNAUTHENTICATED');
      expect(await world.clients.manager.errorCode(LIST, { filter: { companyId: 'x' } })).toBe('BAD_USER_INPUT');
      expect(await world.clients.manager.errorCode('query($id: ID!) { person(id: $id) { id } }', { id: '00000000-0000-7000-8000-000000000000' })).toBe('NOT_FOUND');
    });
  });

  describe('updateMyProfile', () => {
    it('edits the viewer’s own profile and records the change', async () => {
      const { updateMyProfile } = await world.clients.staff.data<{ updateMyProfile: Record<string, unknown> }>(PROFILE, {
        input: { nameEn: 'Lee Su-jin', jobTitle: '환경안전팀 대리', phone: '010-1234-5678', locale: 'en' },
      });
      expect(updateMyProfile).toMatchObject({ id: world.people.staff.id, name: '이수진', nameEn: 'Lee Su-jin', jobTitle: '환경안전팀 대리', locale: 'en' });
      const [entry] = await fx.rows<{ action: string; company_id: string; diff: Record<string, unknown> }>(
        'select action, company_id, diff from activity_entry where entity_id = ?',
        [world.people.staff.id],
      );
      expect(entry?.action).toBe('person.profileUpdated');
      expect(entry?.company_id).toBe(world.own.id);
      expect(entry?.diff.locale).toEqual({ from: 'ko', to: 'en' });
    });

    it('rejects a blank name, an unknown locale and a malformed phone, all at once', async () => {
      const error = await world.clients.staff.error(PROFILE, { input: { name: null, locale: 'fr', phone: 'call me' } });
      expect(error.code).toBe('BAD_USER_INPUT');
      expect((error.extensions.violations as { field: string }[]).map((v) => v.field).sort()).toEqual(['locale', 'name', 'phone']);
    });

    it('asks anonymous visitors to sign in', async () => {
      expect(await world.clients.anonymous.errorCode(PROFILE, { input: { name: '누구' } })).toBe('UNAUTHENTICATED');
    });
  });
});
