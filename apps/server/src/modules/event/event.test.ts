import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@ecohub/domain';
import { Fixtures, startTestServer, type TestServer } from '../../testing/index.ts';
import { LiveClient, type LiveSubscription } from '../../testing/live-client.ts';

const FIELDS = 'id version kind title venue startsAt endsAt cancelledAt invitedCount attendedCount invitedCompanies { id } attendances { id attended guestName person { id } company { id } }';
const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateEventInput!) { updateEvent(input: $input) { ${FIELDS} } }`;
const CANCEL = `mutation($input: CancelEventInput!) { cancelEvent(input: $input) { ${FIELDS} } }`;
const INVITE = `mutation($input: InviteCompaniesInput!) { inviteCompaniesToEvent(input: $input) { ${FIELDS} } }`;
const UNINVITE = `mutation($input: UninviteCompanyInput!) { uninviteCompanyFromEvent(input: $input) { ${FIELDS} } }`;
const RECORD = 'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id attended guestName person { id } company { id } event { id attendedCount } } }';
const REMOVE = `mutation($id: ID!) { removeAttendance(id: $id) { ${FIELDS} } }`;
const LIST = `query($yearId: ID!, $filter: EventFilter, $first: Int, $after: String) {
  events(programYearId: $yearId, filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title } } }
}`;
const UNKNOWN_ID = '00000000-0000-7000-8000-000000000000';

interface EventData {
  id: string;
  version: number;
  title: string;
  cancelledAt: string | null;
  invitedCount: number;
  attendedCount: number | null;
  invitedCompanies: { id: string }[];
  attendances: { id: string; attended: boolean; guestName: string | null; person: { id: string } | null; company: { id: string } | null }[] | null;
}

describe('events over HTTP', () => {
  let hub: TestServer;
  let fx: Fixtures;
  let world: Awaited<ReturnType<Fixtures['world']>>;
  let kickoff: EventData;

  beforeAll(async () => {
    hub = await startTestServer({ seeded: false });
    fx = new Fixtures(hub.server.orm);
    world = await fx.world(hub.url);
  });
  afterAll(() => hub.close());

  const kickoffInput = () => ({
    programYearId: world.year.id,
    kind: 'KICKOFF',
    title: '착수보고회',
    venue: '안산 중소기업지원센터',
    startsAt: '2012-11-22T05:00:00.000Z',
    endsAt: '2012-11-22T07:00:00.000Z',
  });

  describe('createEvent, updateEvent and cancelEvent', () => {
    it('schedules an event and publishes event.changed for the year', async () => {
      kickoff = (await world.clients.manager.data<{ createEvent: EventData }>(CREATE, { input: kickoffInput() })).createEvent;
      expect(kickoff).toMatchObject({ version: 1, title: '착수보고회', invitedCount: 0, attendedCount: 0, cancelledAt: null });
      const events = await fx.rows<{ type: string; program_year_id: string }>('select type, program_year_id from outbox_event where entity_id = ?', [kickoff.id]);
      expect(events).toEqual([{ type: 'event.changed', program_year_id: world.year.id }]);
    });

    it('rejects an end before the start, blank titles, unknown years and other roles', async () => {
      const error = await world.clients.manager.error(CREATE, { input: { ...kickoffInput(), endsAt: '2012-11-21T00:00:00.000Z', title: '' } });
      expect((error.extensions.violations as { field: string }[]).map((v) => v.field).sort()).toEqual(['title']);
      const reversed = await world.clients.manager.error(CREATE, { input: { ...kickoffInput(), endsAt: '2012-11-21T00:00:00.000Z' } });
      expect(reversed.extensions.violations).toEqual([expect.objectContaining({ field: 'endsAt', rule: 'endBeforeStart' })]);
      expect(await world.clients.manager.errorCode(CREATE, { input: { ...kickoffInput(), programYearId: UNKNOWN_ID } })).toBe('NOT_FOUND');
      expect(await world.clients.expert.errorCode(CREATE, { input: kickoffInput() })).toBe('FORBIDDEN');
      expect(await world.clients.anonymous.errorCode(CREATE, { input: kickoffInput() })).toBe('UNAUTHENTICATED');
    });

    it('updates with the version, rejecting stale ones and unknown ids', async () => {
      const { updateEvent } = await world.clients.manager.data<{ updateEvent: EventData & { venue: string } }>(UPDATE, {
        input: { id: kickoff.id, version: 1, venue: '안산시청 대회의실' },
      });
      expect(updateEvent).toMatchObject({ version: 2, venue: '안산시청 대회의실' });
      const stale = await world.clients.manager.error(UPDATE, { input: { id: kickoff.id, version: 1, venue: 'x' } });
      expect(stale.code).toBe('CONFLICT');
      expect(stale.extensions.currentVersion).toBe(2);
      expect(await world.clients.manager.errorCode(UPDATE, { input: { id: UNKNOWN_ID, version: 1, venue: 'x' } })).toBe('NOT_FOUND');
      expect(await world.clients.manager.errorCode(UPDATE, { input: { id: kickoff.id, version: 2, endsAt: '2012-01-01T00:00:00.000Z' } })).toBe('BAD_USER_INPUT');
      expect(await world.clients.staff.errorCode(UPDATE, { input: { id: kickoff.id, version: 2, venue: 'x' } })).toBe('FORBIDDEN');
    });
  });

  describe('invitations', () => {
    it('invites companies (keeping those already invited) and uninvites one', async () => {
      const first = (await world.clients.manager.data<{ inviteCompaniesToEvent: EventData }>(INVITE, { input: { eventId: kickoff.id, companyIds: [world.own.id] } }))
        .inviteCompaniesToEvent;
      expect(first.invitedCount).toBe(1);
      const both = (
        await world.clients.manager.data<{ inviteCompaniesToEvent: EventData }>(INVITE, { input: { eventId: kickoff.id, companyIds: [world.own.id, world.other.id] } })
      ).inviteCompaniesToEvent;
      expect(both.invitedCompanies.map((c) => c.id).sort()).toEqual([world.own.id, world.other.id].sort());
      const [entry] = await fx.rows<{ diff: { invitedCompanies: { to: string[] } } }>(
        "select diff from activity_entry where entity_id = ? and action = 'event.companiesInvited' order by created_at desc limit 1",
        [kickoff.id],
      );
      expect(entry?.diff.invitedCompanies.to).toEqual([world.other.id]);
      const { uninviteCompanyFromEvent } = await world.clients.manager.data<{ uninviteCompanyFromEvent: EventData }>(UNINVITE, {
        input: { eventId: kickoff.id, companyId: world.other.id },
      });
      expect(uninviteCompanyFromEvent.invitedCompanies).toEqual([{ id: world.own.id }]);
      await world.clients.manager.data(INVITE, { input: { eventId: kickoff.id, companyIds: [world.other.id] } });
    });

    it('rejects unknown companies and events, empty lists, companies not invited and other roles', async () => {
      expect(await world.clients.manager.errorCode(INVITE, { input: { eventId: kickoff.id, companyIds: [UNKNOWN_ID] } })).toBe('NOT_FOUND');
      expect(await world.clients.manager.errorCode(INVITE, { input: { eventId: UNKNOWN_ID, companyIds: [world.own.id] } })).toBe('NOT_FOUND');
      expect(await world.clients.manager.errorCode(INVITE, { input: { eventId: kickoff.id, companyIds: [] } })).toBe('BAD_USER_INPUT');
      const stranger = await fx.company({ nameKo: '미초대기업' });
      expect(await world.clients.manager.errorCode(UNINVITE, { input: { eventId: kickoff.id, companyId: stranger.id } })).toBe('BAD_USER_INPUT');
      expect(await world.clients.observer.errorCode(INVITE, { input: { eventId: kickoff.id, companyIds: [world.own.id] } })).toBe('FORBIDDEN');
    });

    it('shows staff only their own company among the invited, and counts only what it lists', async () => {
      const { event } = await world.clients.staff.data<{ event: EventData }>(`query($id: ID!) { event(id: $id) { ${FIELDS} } }`, { id: kickoff.id });
      expect(event.invitedCompanies).toEqual([{ id: world.own.id }]);
      expect(event.invitedCount).toBe(1);
      const manager = (await world.clients.manager.data<{ event: EventData }>(`query($id: ID!) { event(id: $id) { invitedCount } }`, { id: kickoff.id })).event;
      expect(manager.invitedCount).toBe(2);
    });

    it("keeps each company's invitation in that company's history: one entry per company", async () => {
      const feed = 'query($id: ID!) { activity(filter: { entityId: $id }) { edges { node { action changes { field to } } } } }';
      type Feed = { activity: { edges: { node: { action: string; changes: { field: string; to: string | null }[] } }[] } };
      const invitedTo = async (client: typeof world.clients.staff) =>
        (await client.data<Feed>(feed, { id: kickoff.id })).activity.edges
          .filter((e) => e.node.action === 'event.companiesInvited')
          .flatMap((e) => e.node.changes.map((c) => JSON.parse(c.to ?? '[]') as string[]).flat());
      expect(new Set(await invitedTo(world.clients.staff))).toEqual(new Set([world.own.id]));
      expect(new Set(await invitedTo(world.clients.otherStaff))).toEqual(new Set([world.other.id]));
      expect(new Set(await invitedTo(world.clients.manager))).toEqual(new Set([world.own.id, world.other.id]));
    });
  });

  describe('attendance', () => {
    let guestId: string;

    it('records people (once each) and guests, and counts who came', async () => {
      const staff = (await world.clients.manager.data<{ recordAttendance: NonNullable<EventData['attendances']>[number] }>(RECORD, { input: { eventId: kickoff.id, personId: world.people.staff.id } }))
        .recordAttendance;
      expect(staff).toMatchObject({ attended: true, person: { id: world.people.staff.id }, company: { id: world.own.id } });
      const again = (
        await world.clients.manager.data<{ recordAttendance: { id: string; attended: boolean } }>(RECORD, {
          input: { eventId: kickoff.id, personId: world.people.staff.id, attended: false },
        })
      ).recordAttendance;
      expect(again).toMatchObject({ id: staff.id, attended: false });
      await world.clients.manager.data(RECORD, { input: { eventId: kickoff.id, personId: world.people.otherStaff.id } });
      const guest = (
        await world.clients.manager.data<{ recordAttendance: { id: string; guestName: string; event: { attendedCount: number } } }>(RECORD, {
          input: { eventId: kickoff.id, guestName: '안산시장', guestAffiliation: '안산시' },
        })
      ).recordAttendance;
      guestId = guest.id;
      expect(guest.event.attendedCount).toBe(2);
    });

    it('rejects both or neither of person and guest, unknown people and other roles', async () => {
      const both = await world.clients.manager.error(RECORD, { input: { eventId: kickoff.id, personId: world.people.staff.id, guestName: '누구' } });
      expect(both.extensions.violations).toEqual([expect.objectContaining({ field: 'personId', rule: 'personOrGuest' })]);
      expect(await world.clients.manager.errorCode(RECORD, { input: { eventId: kickoff.id } })).toBe('BAD_USER_INPUT');
      expect(await world.clients.manager.errorCode(RECORD, { input: { eventId: kickoff.id, personId: UNKNOWN_ID } })).toBe('NOT_FOUND');
      expect(await world.clients.manager.errorCode(RECORD, { input: { eventId: UNKNOWN_ID, guestName: '누구' } })).toBe('NOT_FOUND');
      expect(await world.clients.staff.errorCode(RECORD, { input: { eventId: kickoff.id, guestName: '누구' } })).toBe('FORBIDDEN');
    });

    it('shows attendance to who may see those people, and counts only what each viewer may list', async () => {
      const query = `query($id: ID!) { event(id: $id) { ${FIELDS} } }`;
      const manager = (await world.clients.manager.data<{ event: EventData }>(query, { id: kickoff.id })).event;
      expect(manager.attendances).toHaveLength(3);
      const staff = (await world.clients.staff.data<{ event: EventData }>(query, { id: kickoff.id })).event;
      expect(staff.attendances!.map((a) => a.person?.id ?? a.guestName).sort()).toEqual([world.people.staff.id, '안산시장'].sort());
      const observer = (await world.clients.observer.data<{ event: EventData }>(query, { id: kickoff.id })).event;
      expect(staff.attendedCount).toBe(1);
      expect(observer.attendances).toBeNull();
      // Hidden, not empty: observers may not see attendance, so there is no number either.
      expect(observer.attendedCount).toBeNull();
    });

    it('removes an attendance record, and answers unknown ones with NOT_FOUND', async () => {
      const { removeAttendance } = await world.clients.manager.data<{ removeAttendance: EventData }>(REMOVE, { id: guestId });
      expect(removeAttendance.attendedCount).toBe(1);
      expect(await world.clients.manager.errorCode(REMOVE, { id: guestId })).toBe('NOT_FOUND');
      expect(await world.clients.expert.errorCode(REMOVE, { id: guestId })).toBe('FORBIDDEN');
    });
  });

  describe('queries and cancellation', () => {
    it('lists a year’s events in calendar order, filtered by kind, time and invited company', async () => {
      await world.clients.manager.data(CREATE, {
        input: { ...kickoffInput(), kind: 'WORKSHOP', title: 'CEO 워크숍', startsAt: '2013-01-15T01:00:00.000Z', endsAt: '2013-01-15T08:00:00.000Z' },
      });
      const titles = async (filter: Record<string, unknown> = {}, client = world.clients.manager) =>
        (await client.data<{ events: { edges: { node: { title: string } }[] } }>(LIST, { yearId: world.year.id, filter })).events.edges.map((e) => e.node.title);
      expect(await titles()).toEqual(['착수보고회', 'CEO 워크숍']);
      expect(await titles({ kind: 'WORKSHOP' })).toEqual(['CEO 워크숍']);
      expect(await titles({ from: '2013-01-01T00:00:00.000Z' })).toEqual(['CEO 워크숍']);
      expect(await titles({ to: '2013-01-01T00:00:00.000Z' })).toEqual(['착수보고회']);
      expect(await titles({ companyId: world.own.id })).toEqual(['착수보고회']);
      expect(await titles({ companyId: world.own.id }, world.clients.otherStaff)).toEqual([]);
      const page = await world.clients.manager.data<{ events: { totalCount: number; pageInfo: { hasNextPage: boolean } } }>(LIST, { yearId: world.year.id, first: 1 });
      expect(page.events).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
      const { programYear } = await world.clients.observer.data<{ programYear: { events: { totalCount: number } } }>(
        'query($id: ID!) { programYear(id: $id) { events { totalCount } } }',
        { id: world.year.id },
      );
      expect(programYear.events.totalCount).toBe(2);
    });

    it('cancels an event: off the calendar, frozen, but still readable', async () => {
      const current = (await world.clients.manager.data<{ event: EventData }>('query($id: ID!) { event(id: $id) { id version } }', { id: kickoff.id })).event;
      expect(await world.clients.manager.errorCode(CANCEL, { input: { id: kickoff.id, version: current.version - 1 } })).toBe('CONFLICT');
      const { cancelEvent } = await world.clients.manager.data<{ cancelEvent: EventData }>(CANCEL, { input: { id: kickoff.id, version: current.version } });
      expect(cancelEvent.cancelledAt).toBeTruthy();
      const { events } = await world.clients.manager.data<{ events: { edges: { node: { title: string } }[] } }>(LIST, { yearId: world.year.id });
      expect(events.edges.map((e) => e.node.title)).toEqual(['CEO 워크숍']);
      expect(await world.clients.manager.errorCode(UPDATE, { input: { id: kickoff.id, version: cancelEvent.version, title: 'x' } })).toBe('BAD_USER_INPUT');
      expect(await world.clients.manager.errorCode(RECORD, { input: { eventId: kickoff.id, guestName: '늦은 손님' } })).toBe('BAD_USER_INPUT');
      expect(await world.clients.manager.errorCode(CANCEL, { input: { id: UNKNOWN_ID, version: 1 } })).toBe('NOT_FOUND');
      expect(await world.clients.observer.errorCode(CANCEL, { input: { id: kickoff.id, version: cancelEvent.version } })).toBe('FORBIDDEN');
      const { events: all } = await world.clients.manager.data<{ events: { totalCount: number } }>(LIST, { yearId: world.year.id, filter: { includeCancelled: true } });
      expect(all.totalCount).toBe(2);
    });

    it('shows a site visit only to the visited company, its team’s experts and managers; a program-wide event to everyone', async () => {
      const { createEvent: visit } = await world.clients.manager.data<{ createEvent: EventData }>(CREATE, {
        input: { ...kickoffInput(), kind: 'SITE_VISIT', title: '현장 점검', venue: '가나다전자 공장', startsAt: '2013-02-01T01:00:00.000Z', endsAt: '2013-02-01T03:00:00.000Z' },
      });
      await world.clients.manager.data(INVITE, { input: { eventId: visit.id, companyIds: [world.own.id] } });
      await world.clients.manager.data(RECORD, { input: { eventId: visit.id, personId: world.people.staff.id } });
      const query = 'query($id: ID!) { event(id: $id) { id title invitedCount attendedCount } }';
      const titles = async (client: typeof world.clients.staff) =>
        (await client.data<{ events: { edges: { node: { title: string } }[] } }>(LIST, { yearId: world.year.id })).events.edges.map((e) => e.node.title);
      for (const who of ['manager', 'staff', 'expert'] as const) {
        expect(await titles(world.clients[who])).toContain('현장 점검');
        expect((await world.clients[who].data<{ event: EventData }>(query, { id: visit.id })).event).toMatchObject({ invitedCount: 1, attendedCount: 1 });
      }
      const otherExpert = await fx.clientFor(hub.url, await fx.person({ role: Role.EXPERT, name: '정다은' }));
      for (const client of [world.clients.otherStaff, otherExpert, world.clients.observer]) {
        expect(await titles(client)).toEqual(['CEO 워크숍']);
        expect(await client.errorCode(query, { id: visit.id })).toBe('NOT_FOUND');
        if (client === world.clients.observer) continue;
        const history = await client.data<{ activity: { totalCount: number } }>(
          'query($id: ID!) { activity(filter: { entityId: $id }) { totalCount } }',
          { id: visit.id },
        );
        expect(history.activity.totalCount).toBe(0);
      }
      const staffHistory = await world.clients.staff.data<{ activity: { edges: { node: { action: string } }[] } }>(
        'query($id: ID!) { activity(filter: { entityId: $id }) { edges { node { action } } } }',
        { id: visit.id },
      );
      // Created before any company was invited: the creation was for managers only.
      expect(staffHistory.activity.edges.map((e) => e.node.action).sort()).toEqual(['event.attendanceRecorded', 'event.companiesInvited']);
      await world.clients.manager.data(CANCEL, { input: { id: visit.id, version: 1 } });
    });

    it("does not tell staff live about another company's attendance or invitation, and tells them about their own", async () => {
      const { liveSequence } = await world.clients.manager.data<{ liveSequence: number }>('{ liveSequence }');
      const socket = new LiveClient(hub.url, { cookie: world.clients.staff.cookie, retry: false });
      try {
        // Unscoped, as the notification bell subscribes.
        const feed = socket.subscribe<{ seq: number; entry: { action: string; summary: string; changes: { field: string; to: string | null }[] } }>(
          'subscription($since: SafeInt) { activityAdded(since: $since) { seq entry { action summary changes { field to } } } }',
          { since: liveSequence },
        );
        const { createEvent: workshop } = await world.clients.manager.data<{ createEvent: EventData }>(CREATE, {
          input: { ...kickoffInput(), kind: 'WORKSHOP', title: '성과공유 워크숍', startsAt: '2013-06-01T01:00:00.000Z', endsAt: '2013-06-01T03:00:00.000Z' },
        });
        await world.clients.manager.data(INVITE, { input: { eventId: workshop.id, companyIds: [world.other.id] } });
        await world.clients.manager.data(RECORD, { input: { eventId: workshop.id, personId: world.people.otherStaff.id, attended: false } });
        await world.clients.manager.data(UNINVITE, { input: { eventId: workshop.id, companyId: world.other.id } });
        await world.clients.manager.data(INVITE, { input: { eventId: workshop.id, companyIds: [world.own.id] } });
        const received = await feed.until((events) => events.some((e) => e.entry.action === 'event.companiesInvited'));
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(received.map((e) => e.entry.action)).toEqual(['event.created', 'event.companiesInvited']);
        expect(JSON.stringify(feed.events)).not.toContain(world.other.id);
        expect(JSON.stringify(feed.events)).not.toContain(world.people.otherStaff.id);
      } finally {
        await socket.close();
      }
    });

    it('asks anonymous visitors to sign in', async () => {
      expect(await world.clients.anonymous.errorCode(LIST, { yearId: world.year.id })).toBe('UNAUTHENTICATED');
    });
  });

  describe('eventChanged', () => {
    const WATCH = 'subscription($y: ID!, $since: SafeInt) { eventChanged(programYearId: $y, since: $since) { seq kind eventId event { id title invitedCount attendedCount invitedCompanies { id } } } }';
    type Change = { seq: number; kind: string; eventId: string; event: { id: string; title: string; invitedCount: number; attendedCount: number | null; invitedCompanies: { id: string }[] } | null };
    const visitInput = () => ({ ...kickoffInput(), kind: 'SITE_VISIT', title: '다라화학 현장 방문', startsAt: '2013-05-10T01:00:00.000Z', endsAt: '2013-05-10T03:00:00.000Z' });

    it('brings the calendar live to whoever sees each event, tells the uninvited it is gone, and replays from since', async () => {
      const { liveSequence: since } = await world.clients.manager.data<{ liveSequence: number }>('{ liveSequence }');
      const sockets = (['staff', 'expert', 'otherStaff', 'observer', 'manager'] as const).map((who) => new LiveClient(hub.url, { cookie: world.clients[who].cookie, retry: false }));
      const [staff, expert, otherStaff, observer, manager] = sockets.map((socket) => socket.subscribe<Change>(WATCH, { y: world.year.id, since })) as LiveSubscription<Change>[];
      try {
        // A site visit for the other company: its staff follow it, the own company's people learn nothing of it.
        const { createEvent: visit } = await world.clients.manager.data<{ createEvent: EventData }>(CREATE, { input: visitInput() });
        await world.clients.manager.data(INVITE, { input: { eventId: visit.id, companyIds: [world.other.id] } });
        await world.clients.manager.data(RECORD, { input: { eventId: visit.id, personId: world.people.otherStaff.id } });
        await world.clients.manager.data(UPDATE, { input: { id: visit.id, version: 1, venue: '다라화학 2공장' } });
        await world.clients.manager.data(UNINVITE, { input: { eventId: visit.id, companyId: world.other.id } });
        // Then a program-wide workshop everyone receives: past it, nothing about the visit is still on its way.
        const { createEvent: workshop } = await world.clients.manager.data<{ createEvent: EventData }>(CREATE, {
          input: { ...kickoffInput(), kind: 'WORKSHOP', title: '청정생산 워크숍', startsAt: '2013-05-20T01:00:00.000Z', endsAt: '2013-05-20T03:00:00.000Z' },
        });
        const reached = (events: Change[]) => events.some((e) => e.eventId === workshop.id);
        await Promise.all([staff, expert, otherStaff, observer, manager].map((sub) => sub!.until(reached)));

        for (const sub of [staff, expert, observer]) {
          expect(sub!.errors).toEqual([]);
          expect(JSON.stringify(sub!.events)).not.toContain(visit.id);
          expect(sub!.events.map((e) => [e.kind, e.event?.title])).toEqual([['CREATED', '청정생산 워크숍']]);
        }
        expect(observer!.events[0]!.event).toMatchObject({ invitedCount: 0, attendedCount: null });
        // The other company's staff: invited (with the visit as it is then), attendance, the edit, then gone from their calendar.
        expect(otherStaff!.events.map((e) => [e.kind, e.eventId])).toEqual([
          ['INVITATIONS_CHANGED', visit.id],
          ['ATTENDANCE_CHANGED', visit.id],
          ['UPDATED', visit.id],
          ['INVITATIONS_CHANGED', visit.id],
          ['CREATED', workshop.id],
        ]);
        expect(otherStaff!.events.slice(0, 3).every((e) => e.event?.id === visit.id)).toBe(true);
        expect(otherStaff!.events[3]!.event).toBeNull();
        // Managers see every change; the counts are those of their own queries.
        expect(manager!.events.map((e) => e.kind)).toEqual(['CREATED', 'INVITATIONS_CHANGED', 'ATTENDANCE_CHANGED', 'UPDATED', 'INVITATIONS_CHANGED', 'CREATED']);
        const { event: now } = await world.clients.manager.data<{ event: Change['event'] }>('query($id: ID!) { event(id: $id) { id title invitedCount attendedCount invitedCompanies { id } } }', { id: visit.id });
        expect(manager!.events[4]!.event).toEqual(now);

        const replay = sockets[2]!.subscribe<Change>(WATCH, { y: world.year.id, since });
        await replay.until(reached);
        expect(replay.events.map((e) => e.seq)).toEqual(otherStaff!.events.map((e) => e.seq));
      } finally {
        await Promise.all(sockets.map((socket) => socket.close()));
      }
    });

    it('tells everyone a workshop turned site visit left their calendar, then tells them nothing more of it', async () => {
      const { liveSequence: since } = await world.clients.manager.data<{ liveSequence: number }>('{ liveSequence }');
      const sockets = (['staff', 'observer'] as const).map((who) => new LiveClient(hub.url, { cookie: world.clients[who].cookie, retry: false }));
      const [staff, observer] = sockets.map((socket) => socket.subscribe<Change>(WATCH, { y: world.year.id, since })) as LiveSubscription<Change>[];
      try {
        const workshop = { ...kickoffInput(), kind: 'WORKSHOP', startsAt: '2013-06-10T01:00:00.000Z', endsAt: '2013-06-10T03:00:00.000Z' };
        const { createEvent: event } = await world.clients.manager.data<{ createEvent: EventData }>(CREATE, { input: { ...workshop, title: '에너지 진단 워크숍' } });
        await world.clients.manager.data(UPDATE, { input: { id: event.id, version: 1, kind: 'SITE_VISIT' } });
        await world.clients.manager.data(UPDATE, { input: { id: event.id, version: 2, title: '비공개 현장 점검' } });
        const { createEvent: marker } = await world.clients.manager.data<{ createEvent: EventData }>(CREATE, { input: { ...workshop, title: '마무리 워크숍' } });
        for (const sub of [staff!, observer!]) {
          await sub.until((events) => events.some((e) => e.eventId === marker.id));
          expect(sub.events.map((e) => [e.kind, e.eventId, e.event?.title ?? null])).toEqual([
            ['CREATED', event.id, '에너지 진단 워크숍'],
            ['UPDATED', event.id, null],
            ['CREATED', marker.id, '마무리 워크숍'],
          ]);
          expect(JSON.stringify(sub.events)).not.toContain('비공개 현장 점검');
        }
      } finally {
        await Promise.all(sockets.map((socket) => socket.close()));
      }
    });

    it('refuses anonymous visitors and unknown years', async () => {
      const anonymous = new LiveClient(hub.url, { retry: false });
      const staff = new LiveClient(hub.url, { cookie: world.clients.staff.cookie, retry: false });
      try {
        // Anonymous sockets are turned away before any subscription (no code of ours to read).
        await anonymous.subscribe(WATCH, { y: world.year.id }).error();
        expect((await staff.subscribe(WATCH, { y: UNKNOWN_ID }).error()).extensions?.code).toBe('NOT_FOUND');
      } finally {
        await Promise.all([anonymous.close(), staff.close()]);
      }
    });
  });
});
