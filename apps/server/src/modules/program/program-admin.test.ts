import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fixtures, startTestServer, type TestServer } from '../../testing/index.ts';

const CREATE_PROGRAM = 'mutation($input: CreateProgramInput!) { createProgram(input: $input) { id version nameKo durationYears hostOrganization { id } } }';
const UPDATE_PROGRAM = 'mutation($input: UpdateProgramInput!) { updateProgram(input: $input) { id version region description durationYears } }';
const CREATE_YEAR = 'mutation($input: CreateProgramYearInput!) { createProgramYear(input: $input) { id version number startsOn endsOn } }';
const UPDATE_YEAR = 'mutation($input: UpdateProgramYearInput!) { updateProgramYear(input: $input) { id version startsOn endsOn } }';
const SET_LINE = 'mutation($input: SetBudgetLineInput!) { setBudgetLine(input: $input) { id version source plannedKrw spentKrw label organization { id } } }';
const UNKNOWN_ID = '00000000-0000-7000-8000-000000000000';

describe('program administration over HTTP', () => {
  let hub: TestServer;
  let fx: Fixtures;
  let world: Awaited<ReturnType<Fixtures['world']>>;
  let programId: string;
  let yearId: string;

  beforeAll(async () => {
    hub = await startTestServer({ seeded: false });
    fx = new Fixtures(hub.server.orm);
    world = await fx.world(hub.url);
  });
  afterAll(() => hub.close());

  const programInput = () => ({ nameKo: '부산 지역에코혁신사업', nameEn: 'Busan Regional Eco-Innovation Program', region: '부산광역시', hostOrganizationId: world.host.id, durationYears: 3 });

  describe('createProgram', () => {
    it('creates a program with the history of its first values', async () => {
      const { createProgram } = await world.clients.manager.data<{ createProgram: { id: string; version: number } }>(CREATE_PROGRAM, { input: programInput() });
      programId = createProgram.id;
      expect(createProgram.version).toBe(1);
      const [entry] = await fx.rows<{ action: string; diff: Record<string, unknown> }>('select action, diff from activity_entry where entity_id = ?', [programId]);
      expect(entry?.action).toBe('program.created');
      expect(entry?.diff.region).toEqual({ from: null, to: '부산광역시' });
    });

    it('rejects bad input with violations, an unknown host and other roles', async () => {
      const error = await world.clients.manager.error(CREATE_PROGRAM, { input: { ...programInput(), nameKo: '', durationYears: 0 } });
      expect(error.code).toBe('BAD_USER_INPUT');
      expect((error.extensions.violations as { field: string }[]).map((v) => v.field).sort()).toEqual(['durationYears', 'nameKo']);
      expect(await world.clients.manager.errorCode(CREATE_PROGRAM, { input: { ...programInput(), hostOrganizationId: UNKNOWN_ID } })).toBe('NOT_FOUND');
      expect(await world.clients.observer.errorCode(CREATE_PROGRAM, { input: programInput() })).toBe('FORBIDDEN');
      expect(await world.clients.expert.errorCode(CREATE_PROGRAM, { input: programInput() })).toBe('FORBIDDEN');
      expect(await world.clients.anonymous.errorCode(CREATE_PROGRAM, { input: programInput() })).toBe('UNAUTHENTICATED');
    });
  });

  describe('updateProgram', () => {
    it('changes the given fields and bumps the version', async () => {
      const { updateProgram } = await world.clients.manager.data<{ updateProgram: { version: number; region: string; description: string } }>(UPDATE_PROGRAM, {
        input: { id: programId, version: 1, region: '부산광역시 사상구', description: '청정생산' },
      });
      expect(updateProgram).toMatchObject({ version: 2, region: '부산광역시 사상구', description: '청정생산' });
    });

    it('rejects stale versions, unknown ids, bad input and other roles', async () => {
      const stale = await world.clients.manager.error(UPDATE_PROGRAM, { input: { id: programId, version: 1, region: 'x' } });
      expect(stale.code).toBe('CONFLICT');
      expect(stale.extensions.currentVersion).toBe(2);
      expect(await world.clients.manager.errorCode(UPDATE_PROGRAM, { input: { id: UNKNOWN_ID, version: 1, region: 'x' } })).toBe('NOT_FOUND');
      expect(await world.clients.manager.errorCode(UPDATE_PROGRAM, { input: { id: programId, version: 2, nameEn: null } })).toBe('BAD_USER_INPUT');
      expect(await world.clients.staff.errorCode(UPDATE_PROGRAM, { input: { id: programId, version: 2, region: 'x' } })).toBe('FORBIDDEN');
    });
  });

  describe('createProgramYear', () => {
    it('adds a year of the program', async () => {
      const { createProgramYear } = await world.clients.manager.data<{ createProgramYear: { id: string; number: number } }>(CREATE_YEAR, {
        input: { programId, number: 1, startsOn: '2012-10-01', endsOn: '2013-07-31' },
      });
      yearId = createProgramYear.id;
      expect(createProgramYear.number).toBe(1);
    });

    it('rejects a duplicate number, a number beyond the duration, reversed dates and unknown programs', async () => {
      expect(await world.clients.manager.errorCode(CREATE_YEAR, { input: { programId, number: 1, startsOn: '2013-10-01', endsOn: '2014-07-31' } })).toBe('CONFLICT');
      const beyond = await world.clients.manager.error(CREATE_YEAR, { input: { programId, number: 4, startsOn: '2015-08-01', endsOn: '2016-07-31' } });
      expect(beyond.extensions.violations).toEqual([expect.objectContaining({ field: 'number', rule: 'outOfRange' })]);
      const reversed = await world.clients.manager.error(CREATE_YEAR, { input: { programId, number: 2, startsOn: '2014-08-01', endsOn: '2013-07-31' } });
      expect(reversed.extensions.violations).toEqual([expect.objectContaining({ field: 'endsOn', rule: 'endBeforeStart' })]);
      expect(await world.clients.manager.errorCode(CREATE_YEAR, { input: { programId: UNKNOWN_ID, number: 2, startsOn: '2013-08-01', endsOn: '2014-07-31' } })).toBe(
        'NOT_FOUND',
      );
      expect(await world.clients.expert.errorCode(CREATE_YEAR, { input: { programId, number: 2, startsOn: '2013-08-01', endsOn: '2014-07-31' } })).toBe('FORBIDDEN');
    });
  });

  describe('updateProgramYear', () => {
    it('reschedules a year', async () => {
      const { updateProgramYear } = await world.clients.manager.data<{ updateProgramYear: { version: number; endsOn: string } }>(UPDATE_YEAR, {
        input: { id: yearId, version: 1, endsOn: '2013-08-31' },
      });
      expect(updateProgramYear).toMatchObject({ version: 2, endsOn: '2013-08-31' });
    });

    it('rejects an end before the start, stale versions, unknown ids and other roles', async () => {
      const error = await world.clients.manager.error(UPDATE_YEAR, { input: { id: yearId, version: 2, endsOn: '2012-01-01' } });
      expect(error.extensions.violations).toEqual([expect.objectContaining({ field: 'endsOn', rule: 'endBeforeStart' })]);
      expect(await world.clients.manager.errorCode(UPDATE_YEAR, { input: { id: yearId, version: 1, endsOn: '2013-07-31' } })).toBe('CONFLICT');
      expect(await world.clients.manager.errorCode(UPDATE_YEAR, { input: { id: UNKNOWN_ID, version: 1, endsOn: '2013-07-31' } })).toBe('NOT_FOUND');
      expect(await world.clients.anonymous.errorCode(UPDATE_YEAR, { input: { id: yearId, version: 2, endsOn: '2013-07-31' } })).toBe('UNAUTHENTICATED');
    });
  });

  describe('setBudgetLine', () => {
    it('creates a source’s line, then edits it with its version; totals follow and budget.changed is published', async () => {
      const created = await world.clients.manager.data<{ setBudgetLine: { id: string; version: number; spentKrw: number } }>(SET_LINE, {
        input: { programYearId: yearId, source: 'GOVERNMENT', plannedKrw: 308_000_000, organizationId: world.host.id },
      });
      expect(created.setBudgetLine).toMatchObject({ version: 1, spentKrw: 0 });
      const edited = await world.clients.manager.data<{ setBudgetLine: { id: string; version: number; spentKrw: number } }>(SET_LINE, {
        input: { programYearId: yearId, source: 'GOVERNMENT', plannedKrw: 308_000_000, spentKrw: 171_400_000, version: 1 },
      });
      expect(edited.setBudgetLine).toMatchObject({ id: created.setBudgetLine.id, version: 2, spentKrw: 171_400_000 });
      await world.clients.manager.data(SET_LINE, { input: { programYearId: yearId, source: 'CITY', plannedKrw: 100_000_000 } });
      const totals = await world.clients.anonymous.data<{ programYear: { plannedTotalKrw: number; spentTotalKrw: number } }>(
        'query($id: ID!) { programYear(id: $id) { plannedTotalKrw spentTotalKrw } }',
        { id: yearId },
      );
      expect(totals.programYear).toEqual({ plannedTotalKrw: 408_000_000, spentTotalKrw: 171_400_000 });
      // Other changes of the year (history.recorded for entries without an event of their own) aside.
      const events = await fx.rows<{ type: string }>("select type from outbox_event where program_year_id = ? and type <> 'history.recorded' order by seq", [yearId]);
      expect(events.map((e) => e.type)).toEqual(['budget.changed', 'budget.changed', 'budget.changed']);
    });

    it('requires the version to edit an existing line and rejects a stale one', async () => {
      const missing = await world.clients.manager.error(SET_LINE, { input: { programYearId: yearId, source: 'GOVERNMENT', plannedKrw: 1 } });
      expect(missing.code).toBe('BAD_USER_INPUT');
      expect(missing.extensions.violations).toEqual([expect.objectContaining({ field: 'version', rule: 'required' })]);
      const stale = await world.clients.manager.error(SET_LINE, { input: { programYearId: yearId, source: 'GOVERNMENT', plannedKrw: 1, version: 1 } });
      expect(stale.code).toBe('CONFLICT');
      expect(stale.extensions.currentVersion).toBe(2);
    });

    it('rejects negative, fractional or huge amounts, unknown years and other roles', async () => {
      const error = await world.clients.manager.error(SET_LINE, { input: { programYearId: yearId, source: 'HOST', plannedKrw: -5, spentKrw: 2_000_000_000_000 } });
      expect((error.extensions.violations as { field: string }[]).map((v) => v.field).sort()).toEqual(['plannedKrw', 'spentKrw']);
      expect(await world.clients.manager.errorCode(SET_LINE, { input: { programYearId: UNKNOWN_ID, source: 'HOST', plannedKrw: 1 } })).toBe('NOT_FOUND');
      expect(await world.clients.observer.errorCode(SET_LINE, { input: { programYearId: yearId, source: 'HOST', plannedKrw: 1 } })).toBe('FORBIDDEN');
    });
  });

  it('lists the organizations publicly', async () => {
    const { organizations } = await world.clients.anonymous.data<{ organizations: { id: string }[] }>('{ organizations { id } }');
    expect(organizations.map((o) => o.id)).toContain(world.host.id);
  });
});
