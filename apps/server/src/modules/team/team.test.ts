import { Role } from '@ecohub/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fixtures, startTestServer, type TestServer } from '../../testing/index.ts';
import type { Person } from '../people/index.ts';

const TEAM_FIELDS = 'id version name focus lead { id } members { specialty person { id } } memberCount companies { id }';
const CREATE = `mutation($input: CreateExpertTeamInput!) { createExpertTeam(input: $input) { ${TEAM_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateExpertTeamInput!) { updateExpertTeam(input: $input) { ${TEAM_FIELDS} } }`;
const ADD = `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { ${TEAM_FIELDS} } }`;
const REMOVE = `mutation($input: RemoveTeamMemberInput!) { removeTeamMember(input: $input) { ${TEAM_FIELDS} } }`;
const LIST = 'query($yearId: ID!, $first: Int, $after: String) { expertTeams(programYearId: $yearId, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name } } } }';
const UNKNOWN_ID = '00000000-0000-7000-8000-000000000000';

interface TeamData {
  id: string;
  version: number;
  name: string;
  focus: string | null;
  lead: { id: string } | null;
  members: { specialty: string | null; person: { id: string } }[];
  memberCount: number;
  companies: { id: string }[];
}

describe('expert teams over HTTP', () => {
  let hub: TestServer;
  let fx: Fixtures;
  let world: Awaited<ReturnType<Fixtures['world']>>;
  let energyExpert: Person;
  let newTeam: TeamData;

  beforeAll(async () => {
    hub = await startTestServer({ seeded: false });
    fx = new Fixtures(hub.server.orm);
    world = await fx.world(hub.url);
    energyExpert = await fx.person({ role: Role.EXPERT, name: '오태식', specialties: ['ENERGY'] });
  });
  afterAll(() => hub.close());

  describe('createExpertTeam', () => {
    it('forms a team with a lead', async () => {
      const { createExpertTeam } = await world.clients.manager.data<{ createExpertTeam: TeamData }>(CREATE, {
        input: { programYearId: world.year.id, name: '2팀', focus: '도금 폐수', leadId: energyExpert.id },
      });
      newTeam = createExpertTeam;
      expect(newTeam).toMatchObject({ name: '2팀', focus: '도금 폐수', lead: { id: energyExpert.id }, members: [], memberCount: 0, companies: [] });
    });

    it('rejects a taken name, a lead who is not an expert, blank names, unknown years and other roles', async () => {
      expect(await world.clients.manager.errorCode(CREATE, { input: { programYearId: world.year.id, name: '2팀' } })).toBe('CONFLICT');
      const notExpert = await world.clients.manager.error(CREATE, { input: { programYearId: world.year.id, name: '3팀', leadId: world.people.staff.id } });
      expect(notExpert.code).toBe('BAD_USER_INPUT');
      expect(notExpert.extensions.violations).toEqual([expect.objectContaining({ field: 'leadId', rule: 'notAnExpert' })]);
      expect(await world.clients.manager.errorCode(CREATE, { input: { programYearId: world.year.id, name: '  ' } })).toBe('BAD_USER_INPUT');
      expect(await world.clients.manager.errorCode(CREATE, { input: { programYearId: UNKNOWN_ID, name: '3팀' } })).toBe('NOT_FOUND');
      expect(await world.clients.expert.errorCode(CREATE, { input: { programYearId: world.year.id, name: '3팀' } })).toBe('FORBIDDEN');
      expect(await world.clients.anonymous.errorCode(CREATE, { input: { programYearId: world.year.id, name: '3팀' } })).toBe('UNAUTHENTICATED');
    });
  });

  describe('updateExpertTeam', () => {
    it('changes the lead, records the diff and publishes access.changed with the team’s companies', async () => {
      const { updateExpertTeam } = await world.clients.manager.data<{ updateExpertTeam: TeamData }>(UPDATE, {
        input: { id: world.team.id, version: 1, leadId: energyExpert.id, focus: '에너지' },
      });
      expect(updateExpertTeam).toMatchObject({ version: 2, lead: { id: energyExpert.id }, focus: '에너지', companies: [{ id: world.own.id }] });
      const [entry] = await fx.rows<{ diff: Record<string, unknown> }>("select diff from activity_entry where entity_id = ? and action = 'expertTeam.updated'", [world.team.id]);
      expect(entry?.diff).toEqual({ focus: { from: null, to: '에너지' }, lead: { from: world.people.expert.id, to: energyExpert.id } });
      const [event] = await fx.rows<{ type: string; payload: { companyIds: string[]; personIds: string[] } }>(
        "select type, payload from outbox_event where entity_id = ? and type = 'access.changed'",
        [world.team.id],
      );
      expect(event?.payload.companyIds).toEqual([world.own.id]);
      expect(event?.payload.personIds.sort()).toEqual([world.people.expert.id, energyExpert.id].sort());
    });

    it('rejects stale versions, unknown ids, blank names and other roles', async () => {
      const stale = await world.clients.manager.error(UPDATE, { input: { id: world.team.id, version: 1, name: '새이름' } });
      expect(stale.code).toBe('CONFLICT');
      expect(stale.extensions.currentVersion).toBe(2);
      expect(await world.clients.manager.errorCode(UPDATE, { input: { id: UNKNOWN_ID, version: 1, name: '새이름' } })).toBe('NOT_FOUND');
      expect(await world.clients.manager.errorCode(UPDATE, { input: { id: world.team.id, version: 2, name: null } })).toBe('BAD_USER_INPUT');
      expect(await world.clients.staff.errorCode(UPDATE, { input: { id: world.team.id, version: 2, name: '새이름' } })).toBe('FORBIDDEN');
    });
  });

  describe('addTeamMember and removeTeamMember', () => {
    it('adds an expert with a specialty, who then sees the team’s companies', async () => {
      const energyClient = await fx.clientFor(hub.url, energyExpert);
      await world.clients.manager.data(UPDATE, { input: { id: world.team.id, version: 2, leadId: world.people.expert.id } });
      expect(await energyClient.errorCode('query($id: ID!) { company(id: $id) { id } }', { id: world.own.id })).toBe('NOT_FOUND');
      const { addTeamMember } = await world.clients.manager.data<{ addTeamMember: TeamData }>(ADD, {
        input: { teamId: world.team.id, personId: energyExpert.id, specialty: 'ENERGY' },
      });
      expect(addTeamMember.members).toEqual([{ specialty: 'ENERGY', person: { id: energyExpert.id } }]);
      expect(addTeamMember.memberCount).toBe(1);
      expect((await energyClient.data<{ company: { id: string } }>('query($id: ID!) { company(id: $id) { id } }', { id: world.own.id })).company.id).toBe(world.own.id);
      const events = await fx.rows<{ payload: { companyIds: string[] } }>("select payload from outbox_event where entity_id = ? and type = 'access.changed' order by seq desc limit 1", [
        world.team.id,
      ]);
      expect(events[0]?.payload.companyIds).toEqual([world.own.id]);
    });

    it('rejects a second membership, non-experts, unknown teams and other roles', async () => {
      expect(await world.clients.manager.errorCode(ADD, { input: { teamId: world.team.id, personId: energyExpert.id } })).toBe('CONFLICT');
      expect(await world.clients.manager.errorCode(ADD, { input: { teamId: world.team.id, personId: world.people.observer.id } })).toBe('BAD_USER_INPUT');
      expect(await world.clients.manager.errorCode(ADD, { input: { teamId: UNKNOWN_ID, personId: energyExpert.id } })).toBe('NOT_FOUND');
      expect(await world.clients.manager.errorCode(ADD, { input: { teamId: world.team.id, personId: UNKNOWN_ID } })).toBe('NOT_FOUND');
      expect(await world.clients.expert.errorCode(ADD, { input: { teamId: world.team.id, personId: energyExpert.id } })).toBe('FORBIDDEN');
    });

    it('removes a member, who loses the companies at once', async () => {
      const { removeTeamMember } = await world.clients.manager.data<{ removeTeamMember: TeamData }>(REMOVE, {
        input: { teamId: world.team.id, personId: energyExpert.id },
      });
      expect(removeTeamMember.members).toEqual([]);
      const energyClient = await fx.clientFor(hub.url, energyExpert);
      expect(await energyClient.errorCode('query($id: ID!) { company(id: $id) { id } }', { id: world.own.id })).toBe('NOT_FOUND');
      const [entry] = await fx.rows<{ diff: unknown }>("select diff from activity_entry where entity_id = ? and action = 'expertTeam.memberRemoved'", [world.team.id]);
      expect(entry?.diff).toEqual({ members: { from: energyExpert.id, to: null } });
    });

    it('answers removing someone who is not a member with NOT_FOUND, and other roles with FORBIDDEN', async () => {
      expect(await world.clients.manager.errorCode(REMOVE, { input: { teamId: world.team.id, personId: energyExpert.id } })).toBe('NOT_FOUND');
      expect(await world.clients.manager.errorCode(REMOVE, { input: { teamId: world.team.id, personId: 'nope' } })).toBe('NOT_FOUND');
      expect(await world.clients.observer.errorCode(REMOVE, { input: { teamId: world.team.id, personId: energyExpert.id } })).toBe('FORBIDDEN');
    });
  });

  describe('queries', () => {
    it('pages through a year’s teams by name', async () => {
      const first = await world.clients.observer.data<{ expertTeams: { totalCount: number; pageInfo: { endCursor: string; hasNextPage: boolean }; edges: { node: { name: string } }[] } }>(
        LIST,
        { yearId: world.year.id, first: 1 },
      );
      expect(first.expertTeams.totalCount).toBe(2);
      expect(first.expertTeams.edges.map((e) => e.node.name)).toEqual(['1팀']);
      const rest = await world.clients.observer.data<{ expertTeams: { pageInfo: { hasNextPage: boolean }; edges: { node: { name: string } }[] } }>(LIST, {
        yearId: world.year.id,
        first: 1,
        after: first.expertTeams.pageInfo.endCursor,
      });
      expect(rest.expertTeams.edges.map((e) => e.node.name)).toEqual(['2팀']);
      expect(rest.expertTeams.pageInfo.hasNextPage).toBe(false);
    });

    it('shows staff only their company’s team; other teams are NOT_FOUND', async () => {
      const { expertTeams } = await world.clients.staff.data<{ expertTeams: { edges: { node: { id: string } }[] } }>(LIST, { yearId: world.year.id });
      expect(expertTeams.edges.map((e) => e.node.id)).toEqual([world.team.id]);
      expect(await world.clients.staff.errorCode('query($id: ID!) { expertTeam(id: $id) { id } }', { id: newTeam.id })).toBe('NOT_FOUND');
      expect(await world.clients.otherStaff.errorCode('query($id: ID!) { expertTeam(id: $id) { id } }', { id: world.team.id })).toBe('NOT_FOUND');
    });

    it('answers a person’s teams and a year’s teams from their parents', async () => {
      const { person } = await world.clients.manager.data<{ person: { teams: { name: string }[] } }>('query($id: ID!) { person(id: $id) { teams { name } } }', {
        id: energyExpert.id,
      });
      expect(person.teams.map((t) => t.name)).toEqual(['2팀']);
      const { programYear } = await world.clients.manager.data<{ programYear: { expertTeams: { name: string }[] } }>(
        'query($id: ID!) { programYear(id: $id) { expertTeams { name } } }',
        { id: world.year.id },
      );
      expect(programYear.expertTeams.map((t) => t.name)).toEqual(['1팀', '2팀']);
    });

    it('asks anonymous visitors to sign in', async () => {
      expect(await world.clients.anonymous.errorCode(LIST, { yearId: world.year.id })).toBe('UNAUTHENTICATED');
    });
  });
});
