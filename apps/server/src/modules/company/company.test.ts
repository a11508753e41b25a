import { Role } from '@ecohub/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessNumberFor, Fixtures, startTestServer, TestClient, type TestServer } from '../../testing/index.ts';
import type { Company } from './company.entity.ts';

const COMPANY_FIELDS = 'id version nameKo nameEn businessNumber industryCode industryLabel industrialComplex employees contactName contactEmail archivedAt';
const CREATE = `mutation($input: CreateCompanyInput!) { createCompany(input: $input) { ${COMPANY_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateCompanyInput!) { updateCompany(input: $input) { ${COMPANY_FIELDS} } }`;
const ARCHIVE = `mutation($input: ArchiveCompanyInput!) { archiveCompany(input: $input) { id version archivedAt } }`;
const LIST = `query($filter: CompanyFilter, $first: Int, $after: String) {
  companies(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id nameKo contactEmail } } }
}`;
const UNKNOWN_ID = '00000000-0000-7000-8000-000000000000';

describe('companies over HTTP', () => {
  let hub: TestServer;
  let fx: Fixtures;
  let manager: TestClient;
  let observer: TestClient;
  let staff: TestClient;
  let anonymous: TestClient;
  let managerPerson: { id: string; name: string };
  let own: Company;
  let other: Company;

  const valid = (businessNumber: string) => ({
    nameKo: '한일도금',
    nameEn: 'Hanil Plating',
    businessNumber,
    industryCode: '25921',
    industryLabel: '도금업',
    industrialComplex: '시화국가산업단지',
    employees: 42,
    contactEmail: 'Contact@Hanil.test',
  });

  beforeAll(async () => {
    hub = await startTestServer({ seeded: false });
    fx = new Fixtures(hub.server.orm);
    const { year } = await fx.program();
    own = await fx.company({ nameKo: '가나전자' });
    other = await fx.company({ nameKo: '다라화학', industrialComplex: '시화국가산업단지' });
    await fx.participation(own, year, { status: 'SELECTED' });
    const people = {
      manager: await fx.person({ role: Role.PROGRAM_MANAGER }),
      observer: await fx.person({ role: Role.OBSERVER }),
      staff: await fx.person({ role: Role.COMPANY_STAFF, company: own }),
    };
    manager = await fx.clientFor(hub.url, people.manager);
    managerPerson = { id: people.manager.id, name: people.manager.name };
    observer = await fx.clientFor(hub.url, people.observer);
    staff = await fx.clientFor(hub.url, people.staff);
    anonymous = new TestClient(hub.url);
  });
  afterAll(() => hub.close());

  describe('createCompany', () => {
    it('registers a company with its business number formatted and writes the history', async () => {
      const { createCompany } = await manager.data<{ createCompany: Record<string, unknown> & { id: string } }>(CREATE, {
        input: valid('1248100998'),
      });
      expect(createCompany).toMatchObject({ businessNumber: '124-81-00998', version: 1, contactEmail: 'contact@hanil.test', archivedAt: null });
      const entries = await fx.rows<{ action: string; diff: Record<string, { from: unknown; to: unknown }> }>(
        'select action, diff from activity_entry where entity_id = ?',
        [createCompany.id],
      );
      expect(entries).toHaveLength(1);
      expect(entries[0]?.action).toBe('company.created');
      expect(entries[0]?.diff.businessNumber).toEqual({ from: null, to: '124-81-00998' });
    });

    it('rejects a duplicate business number with CONFLICT', async () => {
      const error = await manager.error(CREATE, { input: { ...valid('124-81-00998'), nameKo: '다른회사' } });
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toContain('124-81-00998');
    });

    it('rejects invalid input with every violation listed', async () => {
      const error = await manager.error(CREATE, { input: { ...valid('124-81-00999'), nameKo: ' ', employees: -1, industryCode: 'abc' } });
      expect(error.code).toBe('BAD_USER_INPUT');
      const violations = error.extensions.violations as { field: string; rule: string }[];
      expect(violations.map((v) => `${v.field}:${v.rule}`).sort()).toEqual([
        'businessNumber:invalidBusinessNumber',
        'employees:outOfRange',
        'industryCode:industryCodeFormat',
        'nameKo:required',
      ]);
      const rows = await fx.rows("select id from activity_entry where action = 'company.created'");
      expect(rows).toHaveLength(1);
    });

    it('is for managers only', async () => {
      expect(await observer.errorCode(CREATE, { input: valid('220-81-62517') })).toBe('FORBIDDEN');
      expect(await staff.errorCode(CREATE, { input: valid('220-81-62517') })).toBe('FORBIDDEN');
      expect(await anonymous.errorCode(CREATE, { input: valid('220-81-62517') })).toBe('UNAUTHENTICATED');
    });

    it('creates once for a repeated idempotency key', async () => {
      const input = { ...valid('220-81-62517'), nameKo: '멱등기업', nameEn: 'Idempotent Co.', industrialComplex: null, idempotencyKey: 'create-company-1' };
      const first = await manager.data<{ createCompany: { id: string } }>(CREATE, { input });
      const second = await manager.data<{ createCompany: { id: string } }>(CREATE, { input });
      expect(second.createCompany.id).toBe(first.createCompany.id);
    });
  });

  describe('updateCompany', () => {
    it('changes the given fields, bumps the version and records a field diff', async () => {
      const { updateCompany } = await manager.data<{ updateCompany: { version: number; employees: number; nameEn: string | null } }>(UPDATE, {
        input: { id: other.id, version: 1, employees: 120, nameEn: null },
      });
      expect(updateCompany).toMatchObject({ version: 2, employees: 120, nameEn: null });
      const [entry] = await fx.rows<{ action: string; diff: Record<string, unknown>; actor_id: string }>(
        "select action, diff, actor_id from activity_entry where entity_id = ? and action = 'company.updated'",
        [other.id],
      );
      expect(entry?.diff).toEqual({ employees: { from: null, to: 120 }, nameEn: { from: other.nameEn, to: null } });
      expect(entry?.actor_id).toBeTruthy();
    });

    it('rejects a stale version with CONFLICT and the current version', async () => {
      const error = await manager.error(UPDATE, { input: { id: other.id, version: 1, employees: 5 } });
      expect(error.code).toBe('CONFLICT');
      expect(error.extensions.currentVersion).toBe(2);
    });

    it('names who wrote the current version, except to observers (personal data), in a page as in a detail', async () => {
      const EDITED = 'lastEditedAt lastEditedBy { id name }';
      const detail = (client: TestClient) => client.data<{ company: { lastEditedAt: string | null; lastEditedBy: { id: string } | null } }>(`query($id: ID!) { company(id: $id) { ${EDITED} } }`, { id: other.id });
      const seen = await detail(manager);
      expect(seen.company.lastEditedBy).toEqual(managerPerson);
      expect(Date.now() - Date.parse(seen.company.lastEditedAt!)).toBeLessThan(60_000);
      const page = await manager.data<{ companies: { edges: { node: { id: string; lastEditedBy: unknown } }[] } }>(`{ companies(first: 50) { edges { node { id ${EDITED} } } } }`);
      expect(page.companies.edges.find((edge) => edge.node.id === other.id)?.node.lastEditedBy).toEqual(managerPerson);
      const hidden = await detail(observer);
      expect(hidden.company).toEqual({ lastEditedAt: seen.company.lastEditedAt, lastEditedBy: null });
    });

    it('rejects a business number another company holds', async () => {
      expect(await manager.errorCode(UPDATE, { input: { id: other.id, version: 2, businessNumber: '124-81-00998' } })).toBe('CONFLICT');
    });

    it('rejects clearing a required field', async () => {
      const error = await manager.error(UPDATE, { input: { id: other.id, version: 2, nameKo: null } });
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.violations).toEqual([expect.objectContaining({ field: 'nameKo', rule: 'required' })]);
    });

    it('answers an unknown or malformed id with NOT_FOUND', async () => {
      expect(await manager.errorCode(UPDATE, { input: { id: UNKNOWN_ID, version: 1, employees: 1 } })).toBe('NOT_FOUND');
      expect(await manager.errorCode(UPDATE, { input: { id: 'not-a-uuid', version: 1, employees: 1 } })).toBe('NOT_FOUND');
    });

    it('is for managers only', async () => {
      expect(await staff.errorCode(UPDATE, { input: { id: own.id, version: 1, employees: 1 } })).toBe('FORBIDDEN');
    });
  });

  describe('archiveCompany', () => {
    it('hides the company from lists unless archived ones are asked for', async () => {
      const created = await manager.data<{ createCompany: { id: string } }>(CREATE, {
        input: { ...valid(businessNumberFor(4242)), nameKo: '보관기업', nameEn: 'Archived Co.' },
      });
      const { archiveCompany } = await manager.data<{ archiveCompany: { version: number; archivedAt: string } }>(ARCHIVE, {
        input: { id: created.createCompany.id, version: 1 },
      });
      expect(archiveCompany.version).toBe(2);
      expect(archiveCompany.archivedAt).toBeTruthy();
      const search = { search: '보관' };
      expect((await manager.data<{ companies: { totalCount: number } }>(LIST, { filter: search })).companies.totalCount).toBe(0);
      expect(
        (await manager.data<{ companies: { totalCount: number } }>(LIST, { filter: { ...search, includeArchived: true } })).companies.totalCount,
      ).toBe(1);
    });

    it('rejects stale versions, unknown ids and other roles', async () => {
      expect(await manager.errorCode(ARCHIVE, { input: { id: own.id, version: 9 } })).toBe('CONFLICT');
      expect(await manager.errorCode(ARCHIVE, { input: { id: UNKNOWN_ID, version: 1 } })).toBe('NOT_FOUND');
      expect(await observer.errorCode(ARCHIVE, { input: { id: own.id, version: 1 } })).toBe('FORBIDDEN');
      expect(await anonymous.errorCode(ARCHIVE, { input: { id: own.id, version: 1 } })).toBe('UNAUTHENTICATED');
    });
  });

  describe('queries', () => {
    it('pages through companies by name with a stable cursor and a total', async () => {
      const first = await manager.data<{ companies: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { nameKo: string } }[] } }>(
        LIST,
        { first: 2 },
      );
      expect(first.companies.totalCount).toBe(4);
      expect(first.companies.edges.map((e) => e.node.nameKo)).toEqual(['가나전자', '다라화학']);
      expect(first.companies.pageInfo.hasNextPage).toBe(true);
      const rest = await manager.data<{ companies: { pageInfo: { hasNextPage: boolean }; edges: { node: { nameKo: string } }[] } }>(LIST, {
        first: 10,
        after: first.companies.pageInfo.endCursor,
      });
      expect(rest.companies.edges.map((e) => e.node.nameKo)).toEqual(['멱등기업', '한일도금']);
      expect(rest.companies.pageInfo.hasNextPage).toBe(false);
    });

    it('filters by search, industrial complex, program year and status', async () => {
      const names = async (filter: Record<string, unknown>) =>
        (await manager.data<{ companies: { edges: { node: { nameKo: string } }[] } }>(LIST, { filter })).companies.edges.map((e) => e.node.nameKo);
      expect(await names({ search: 'hanil' })).toEqual(['한일도금']);
      expect(await names({ search: '124-81' })).toEqual(['한일도금']);
      expect(await names({ industrialComplex: '시화국가산업단지' })).toEqual(['다라화학', '한일도금']);
      expect(await names({ status: 'SELECTED' })).toEqual(['가나전자']);
      expect(await names({ status: 'ACTIVE' })).toEqual([]);
    });

    it('rejects a page size out of range', async () => {
      expect(await manager.errorCode(LIST, { first: 0 })).toBe('BAD_USER_INPUT');
    });

    it('shows staff only their own company and reports others as not found', async () => {
      const { companies } = await staff.data<{ companies: { totalCount: number; edges: { node: { id: string } }[] } }>(LIST);
      expect(companies.totalCount).toBe(1);
      expect(companies.edges[0]?.node.id).toBe(own.id);
      expect(await staff.errorCode('query($id: ID!) { company(id: $id) { id } }', { id: other.id })).toBe('NOT_FOUND');
    });

    it('shows observers every company but no contact details', async () => {
      const { companies } = await observer.data<{ companies: { totalCount: number; edges: { node: { contactEmail: string | null } }[] } }>(LIST);
      expect(companies.totalCount).toBe(4);
      expect(companies.edges.every((e) => e.node.contactEmail === null)).toBe(true);
      const { company } = await manager.data<{ company: { contactEmail: string } }>('query($id: ID!) { company(id: $id) { contactEmail } }', { id: own.id });
      expect(company.contactEmail).toBe(own.contactEmail);
    });

    it('asks anonymous visitors to sign in', async () => {
      expect(await anonymous.errorCode(LIST)).toBe('UNAUTHENTICATED');
      expect(await anonymous.errorCode('query($id: ID!) { company(id: $id) { id } }', { id: own.id })).toBe('UNAUTHENTICATED');
    });
  });
});
