import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fixtures, startTestServer, type TestServer } from '../../testing/index.ts';

const SET_TARGETS = `mutation($input: SetProgramYearTargetsInput!) {
  setProgramYearTargets(input: $input) { id version targetSavingsKrw targetGhgTco2e targetImplementationRate }
}`;
type Year = { id: string; version: number; targetSavingsKrw: number | null; targetGhgTco2e: number | null; targetImplementationRate: number | null };

describe("a program year's targets", () => {
  let hub: TestServer;
  let fx: Fixtures;
  let world: Awaited<ReturnType<Fixtures['world']>>;

  beforeAll(async () => {
    hub = await startTestServer({ seeded: false });
    fx = new Fixtures(hub.server.orm);
    world = await fx.world(hub.url);
  });
  afterAll(() => hub.close());

  const version = async () =>
    (await world.clients.manager.data<{ programYear: { version: number } }>('query($id: ID!) { programYear(id: $id) { version } }', { id: world.year.id }))
      .programYear.version;

  it('are set by a manager, recorded in the history and readable by anyone', async () => {
    const before = await version();
    const { setProgramYearTargets: year } = await world.clients.manager.data<{ setProgramYearTargets: Year }>(SET_TARGETS, {
      input: { programYearId: world.year.id, version: before, savingsKrw: 600_000_000, ghgTco2e: 2_500.5, implementationRate: 0.4 },
    });
    expect(year).toMatchObject({ version: before + 1, targetSavingsKrw: 600_000_000, targetGhgTco2e: 2_500.5, targetImplementationRate: 0.4 });
    const [entry] = await fx.rows<{ action: string; diff: Record<string, { from: unknown; to: unknown }> }>(
      `select action, diff from activity_entry where entity_id = ? and action = 'programYear.targetsSet'`,
      [world.year.id],
    );
    expect(entry?.diff.targetSavingsKrw).toEqual({ from: null, to: 600_000_000 });
    const seen = await world.clients.anonymous.data<{ programYear: Year }>(
      'query($id: ID!) { programYear(id: $id) { id version targetSavingsKrw targetGhgTco2e targetImplementationRate } }',
      { id: world.year.id },
    );
    expect(seen.programYear.targetImplementationRate).toBe(0.4);
  });

  it('clears one with null and leaves the others', async () => {
    const { setProgramYearTargets: year } = await world.clients.manager.data<{ setProgramYearTargets: Year }>(SET_TARGETS, {
      input: { programYearId: world.year.id, version: await version(), ghgTco2e: null },
    });
    expect(year).toMatchObject({ targetSavingsKrw: 600_000_000, targetGhgTco2e: null, targetImplementationRate: 0.4 });
  });

  it('refuses bad figures field by field, a stale version, and anyone but managers', async () => {
    const current = await version();
    const error = await world.clients.manager.error(SET_TARGETS, {
      input: { programYearId: world.year.id, version: current, savingsKrw: -5, ghgTco2e: -1, implementationRate: 1.5 },
    });
    expect(error.code).toBe('BAD_USER_INPUT');
    expect((error.extensions.violations as { field: string }[]).map((v) => v.field).sort()).toEqual(['ghgTco2e', 'implementationRate', 'savingsKrw']);
    expect(await world.clients.manager.errorCode(SET_TARGETS, { input: { programYearId: world.year.id, version: current - 1, savingsKrw: 1 } })).toBe('CONFLICT');
    expect(await world.clients.expert.errorCode(SET_TARGETS, { input: { programYearId: world.year.id, version: current, savingsKrw: 1 } })).toBe('FORBIDDEN');
    expect(await world.clients.anonymous.errorCode(SET_TARGETS, { input: { programYearId: world.year.id, version: current, savingsKrw: 1 } })).toBe('UNAUTHENTICATED');
  });
});
