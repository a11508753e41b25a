import { ParticipationStatus, Role, Specialty } from '@ecohub/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fixtures, startTestServer, type TestServer } from '../../testing/index.ts';

const CONTINUE = `mutation($input: ContinueProgramYearInput!) {
  continueProgramYear(input: $input) {
    id number
    expertTeams { id name lead { id } members { person { id } specialty } }
    participations(first: 50) { totalCount edges { node { status appliedOn selectedOn note company { id } team { id name } } } }
  }
}`;

interface ContinuedYear {
  number: number;
  expertTeams: { id: string; name: string; lead: { id: string } | null; members: { person: { id: string }; specialty: string | null }[] }[];
  participations: {
    totalCount: number;
    edges: { node: { status: string; appliedOn: string; selectedOn: string; note: string; company: { id: string }; team: { id: string; name: string } | null } }[];
  };
}

describe('continueProgramYear', () => {
  let hub: TestServer;
  let fx: Fixtures;
  let world: Awaited<ReturnType<Fixtures['world']>>;

  beforeAll(async () => {
    hub = await startTestServer({ seeded: false });
    fx = new Fixtures(hub.server.orm);
    world = await fx.world(hub.url);
  });
  afterAll(() => hub.close());

  it('copies teams with lead and members and continues only ACTIVE or COMPLETED companies, on the copied team', async () => {
    const member = await fx.person({ role: Role.EXPERT, name: '한지우' });
    const team2 = await fx.team(world.year, { name: '2팀', members: [{ person: member, specialty: Specialty.ENERGY }] });
    const finished = await fx.company({ nameKo: '완료산업' });
    await fx.participation(finished, world.year, { status: ParticipationStatus.COMPLETED, team: team2 });
    const year2 = await fx.year(world.program, 2, '2013-08-01', '2014-07-31');

    const { continueProgramYear } = await world.clients.manager.data<{ continueProgramYear: ContinuedYear }>(CONTINUE, {
      input: { programYearId: year2.id, fromYearId: world.year.id },
    });
    expect(continueProgramYear.number).toBe(2);
    const teams = [...continueProgramYear.expertTeams].sort((a, b) => a.name.localeCompare(b.name, 'ko'));
    expect(teams.map((team) => team.name)).toEqual(['1팀', '2팀']);
    expect(teams.map((team) => team.id)).not.toContain(world.team.id);
    expect(teams[0]!.lead?.id).toBe(world.people.expert.id);
    expect(teams[1]!.members).toEqual([{ person: { id: member.id }, specialty: Specialty.ENERGY }]);

    // world.own is ACTIVE on 1팀, finished COMPLETED on 2팀; world.other only APPLIED: it does not continue.
    const rows = continueProgramYear.participations.edges.map((edge) => edge.node);
    expect(rows.map((row) => row.company.id).sort()).toEqual([world.own.id, finished.id].sort());
    for (const row of rows) expect(row).toMatchObject({ status: 'SELECTED', appliedOn: '2013-08-01', selectedOn: '2013-08-01' });
    expect(rows.find((row) => row.company.id === world.own.id)!.team?.id).toBe(teams[0]!.id);
    expect(rows.find((row) => row.company.id === finished.id)!.team?.id).toBe(teams[1]!.id);

    const history = await fx.rows<{ action: string }>('select action from activity_entry where program_year_id = ? order by action', [year2.id]);
    expect(history.map((row) => row.action)).toEqual([
      'expertTeam.created',
      'expertTeam.created',
      'participation.created',
      'participation.created',
      'programYear.continued',
    ]);
    const access = await fx.rows<{ type: string }>("select type from outbox_event where program_year_id = ? and type = 'access.changed'", [year2.id]);
    expect(access).toHaveLength(2);
  });

  it('refuses a year that is no longer empty with CONFLICT (running it twice duplicates nothing)', async () => {
    const year2 = await fx.rows<{ id: string }>('select id from program_year where program_id = ? and number = 2', [world.program.id]);
    const input = { programYearId: year2[0]!.id, fromYearId: world.year.id };
    expect(await world.clients.manager.errorCode(CONTINUE, { input })).toBe('CONFLICT');
  });

  it('refuses a later or same year as the source with BAD_USER_INPUT', async () => {
    const year3 = await fx.year(world.program, 3, '2014-08-01', '2015-07-31');
    expect(await world.clients.manager.errorCode(CONTINUE, { input: { programYearId: world.year.id, fromYearId: year3.id } })).toBe('BAD_USER_INPUT');
    expect(await world.clients.manager.errorCode(CONTINUE, { input: { programYearId: year3.id, fromYearId: year3.id } })).toBe('BAD_USER_INPUT');
  });

  it('is for program managers only', async () => {
    const year3 = await fx.rows<{ id: string }>('select id from program_year where program_id = ? and number = 3', [world.program.id]);
    const input = { programYearId: year3[0]!.id, fromYearId: world.year.id };
    expect(await world.clients.expert.errorCode(CONTINUE, { input })).toBe('FORBIDDEN');
    expect(await world.clients.observer.errorCode(CONTINUE, { input })).toBe('FORBIDDEN');
    expect(await world.clients.anonymous.errorCode(CONTINUE, { input })).toBe('UNAUTHENTICATED');
  });
});
