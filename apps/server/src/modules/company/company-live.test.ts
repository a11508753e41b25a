import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveClient, type LiveSubscription } from '../../testing/live-client.ts';
import { Fixtures, startTestServer, type TestClient, type TestServer } from '../../testing/index.ts';

const REGISTER = `subscription($y: ID!, $since: SafeInt) {
  participationChanged(programYearId: $y, since: $since) { seq kind participationId companyId participation { id company { id nameKo nameEn industryLabel } } }
}`;
const COMPANY = `subscription($c: ID!, $since: SafeInt) {
  companyChanged(companyId: $c, since: $since) { seq companyId company { id version nameKo nameEn industryLabel contactEmail } }
}`;
const YEAR = `subscription($y: ID!, $since: SafeInt) {
  companyChanged(programYearId: $y, since: $since) { seq companyId company { id nameKo nameEn contactEmail } }
}`;
const BOARD = `subscription($y: ID!, $since: SafeInt) {
  boardRowChanged(programYearId: $y, since: $since) { seq companyId row { company { id nameKo nameEn industryLabel } } }
}`;
const UPDATE = 'mutation($input: UpdateCompanyInput!) { updateCompany(input: $input) { id version } }';

type Named = { id: string; nameKo: string; nameEn: string | null; industryLabel: string };
type RegisterEvent = { seq: number; kind: string; participationId: string; companyId: string; participation: { id: string; company: Named } | null };
type CompanyEvent = { seq: number; companyId: string; company: Named & { version: number; contactEmail: string | null } };
type BoardEvent = { seq: number; companyId: string | null; row: { company: Named } | null };

describe('a company edit reaches every open page showing the company, live', () => {
  let hub: TestServer;
  let fixtures: Fixtures;
  let world: Awaited<ReturnType<Fixtures['world']>>;
  const sockets: LiveClient[] = [];

  function socket(client: TestClient): LiveClient {
    const live = new LiveClient(hub.url, { cookie: client.cookie, retry: false });
    sockets.push(live);
    return live;
  }

  async function rename(companyId: string, input: Record<string, unknown>): Promise<void> {
    const { company } = await world.clients.manager.data<{ company: { version: number } }>('query($id: ID!) { company(id: $id) { version } }', { id: companyId });
    await world.clients.manager.data(UPDATE, { input: { id: companyId, version: company.version, ...input } });
  }

  beforeAll(async () => {
    hub = await startTestServer({ seeded: false });
    fixtures = new Fixtures(hub.server.orm);
    world = await fixtures.world(hub.url);
  });
  afterAll(async () => {
    await Promise.all(sockets.map((live) => live.close()));
    await hub.close();
  });

  it("carries the new names to the year's register, its board and the company's page, to whoever sees the company, and nothing to another company's staff", async () => {
    const { clients, own, other, year, ownParticipation } = world;
    // Subscribed from the position before the edit: the replay delivers what a slow subscribe would miss.
    const { liveSequence: since } = await clients.manager.data<{ liveSequence: number }>('{ liveSequence }');
    const at = (client: TestClient) => socket(client);
    const staff = at(clients.staff);
    const observer = at(clients.observer);
    const otherStaff = at(clients.otherStaff);
    const manager = at(clients.manager);
    const register = {
      staff: staff.subscribe<RegisterEvent>(REGISTER, { y: year.id, since }),
      observer: observer.subscribe<RegisterEvent>(REGISTER, { y: year.id, since }),
      otherStaff: otherStaff.subscribe<RegisterEvent>(REGISTER, { y: year.id, since }),
    };
    const page = {
      staff: staff.subscribe<CompanyEvent>(COMPANY, { c: own.id, since }),
      observer: observer.subscribe<CompanyEvent>(COMPANY, { c: own.id, since }),
      otherStaff: otherStaff.subscribe<CompanyEvent>(COMPANY, { c: own.id, since }),
    };
    const board: LiveSubscription<BoardEvent> = manager.subscribe<BoardEvent>(BOARD, { y: year.id, since });

    await rename(own.id, { nameKo: '가나전자 신사명', nameEn: 'Gana Electronics Renamed', industryLabel: '전자부품 제조업' });
    // A change the other company's staff does see, after the first: once it arrived, the first would have too.
    await rename(other.id, { nameEn: 'Dara Chemical Renamed' });

    const renamed = { id: own.id, nameKo: '가나전자 신사명', nameEn: 'Gana Electronics Renamed', industryLabel: '전자부품 제조업' };
    for (const sub of [register.staff, register.observer]) {
      const events = await sub.until((received) => received.some((event) => event.companyId === own.id));
      expect(events.find((event) => event.companyId === own.id)).toMatchObject({
        kind: 'COMPANY_UPDATED',
        participationId: ownParticipation.id,
        participation: { id: ownParticipation.id, company: renamed },
      });
    }
    const [staffPage] = await page.staff.until((received) => received.length > 0);
    expect(staffPage).toMatchObject({ companyId: own.id, company: { ...renamed, version: 2, contactEmail: own.contactEmail } });
    // Observers read the company's results, not its people's contacts.
    const [observerPage] = await page.observer.until((received) => received.length > 0);
    expect(observerPage?.company).toMatchObject({ ...renamed, contactEmail: null });
    const rows = await board.until((received) => received.some((event) => event.companyId === own.id));
    expect(rows.find((event) => event.companyId === own.id)?.row?.company).toEqual(renamed);

    const seen = await register.otherStaff.until((received) => received.some((event) => event.companyId === other.id));
    expect(seen.map((event) => event.companyId)).toEqual([other.id]);
    expect(seen[0]?.participation?.company).toMatchObject({ id: other.id, nameEn: 'Dara Chemical Renamed' });
    expect(JSON.stringify(seen)).not.toContain(own.id);
    expect((await page.otherStaff.error()).extensions?.code).toBe('NOT_FOUND');
    expect(page.otherStaff.events).toEqual([]);
  });

  it("reaches the company's page when the company is archived", async () => {
    const { clients, other } = world;
    const { liveSequence: since } = await clients.manager.data<{ liveSequence: number }>('{ liveSequence }');
    const page = socket(clients.otherStaff).subscribe<CompanyEvent & { company: { archivedAt: string | null } }>(
      'subscription($c: ID!, $since: SafeInt) { companyChanged(companyId: $c, since: $since) { seq companyId company { id version archivedAt } } }',
      { c: other.id, since },
    );
    const { company } = await clients.manager.data<{ company: { version: number } }>('query($id: ID!) { company(id: $id) { version } }', { id: other.id });
    await clients.manager.data('mutation($input: ArchiveCompanyInput!) { archiveCompany(input: $input) { id } }', { input: { id: other.id, version: company.version } });
    const [archived] = await page.until((received) => received.length > 0);
    expect(archived?.company).toMatchObject({ id: other.id, version: company.version + 1 });
    expect(archived?.company.archivedAt).toBeTruthy();
  });

  it("carries a program year's company edits to year-wide pages: a manager every company of the year, staff their own, observers without contacts, nothing of another year", async () => {
    const { clients, own, other, year, program } = world;
    const elsewhere = await fixtures.company({ nameKo: '마바금속' });
    await fixtures.participation(elsewhere, await fixtures.year(program, 2));
    const { liveSequence: since } = await clients.manager.data<{ liveSequence: number }>('{ liveSequence }');
    const watch = (client: TestClient) => socket(client).subscribe<CompanyEvent>(YEAR, { y: year.id, since });
    const manager = watch(clients.manager);
    const staff = watch(clients.staff);
    const observer = watch(clients.observer);

    // In this order: once the last edit arrived, the earlier ones would have too.
    await rename(elsewhere.id, { nameEn: 'Maba Metal' });
    await rename(other.id, { nameEn: 'Dara Chemical Yearly' });
    await rename(own.id, { nameEn: 'Gana Electronics Yearly' });

    const last = (received: CompanyEvent[]) => received.some((event) => event.companyId === own.id);
    const managed = await manager.until(last);
    expect(managed.map((event) => [event.companyId, event.company.nameEn])).toEqual([
      [other.id, 'Dara Chemical Yearly'],
      [own.id, 'Gana Electronics Yearly'],
    ]);
    expect(managed[1]?.company.contactEmail).toBe(own.contactEmail);
    const staffed = await staff.until(last);
    expect(staffed.map((event) => event.companyId)).toEqual([own.id]);
    const observed = await observer.until(last);
    expect(observed.map((event) => event.companyId)).toEqual([other.id, own.id]);
    expect(observed.map((event) => event.company.contactEmail)).toEqual([null, null]);
    for (const sub of [manager, staff, observer]) expect(JSON.stringify(sub.events)).not.toContain(elsewhere.id);

    // One of the two, as every company-or-year subscription.
    const both = socket(clients.manager).subscribe<CompanyEvent>(
      'subscription($c: ID, $y: ID) { companyChanged(companyId: $c, programYearId: $y) { seq } }',
      { c: own.id, y: year.id },
    );
    expect((await both.error()).extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('publishes nothing for an edit that changes nothing', async () => {
    const { own } = world;
    const before = await hub.server.services.realtime.store.position();
    await rename(own.id, { nameKo: '가나전자 신사명' });
    const rows = await hub.server.orm.em.fork().execute('select 1 from outbox_event where seq > ? and company_id = ?', [before, own.id]);
    expect(rows).toHaveLength(0);
  });
});
