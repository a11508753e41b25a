import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fixtures, startTestServer, type TestServer } from '../../testing/index.ts';

const FIELDS = 'id version status appliedOn initiallyDiagnosedOn selectedOn contributionKrw allowedNextStatuses company { id nameKo } team { id name }';
const APPLY = `mutation($input: ApplyToProgramYearInput!) { applyToProgramYear(input: $input) { ${FIELDS} } }`;
const TRANSITION = `mutation($input: TransitionParticipationInput!) { transitionParticipation(input: $input) { ${FIELDS} } }`;
const ASSIGN = `mutation($input: AssignParticipationTeamInput!) { assignParticipationTeam(input: $input) { ${FIELDS} } }`;
const CONTRIBUTION = `mutation($input: SetParticipationContributionInput!) { setParticipationContribution(input: $input) { ${FIELDS} } }`;
const LIST = `query($yearId: ID!, $filter: ParticipationFilter, $first: Int, $after: String) {
  participations(programYearId: $yearId, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id status company { nameKo } } }
  }
}`;
const UNKNOWN_ID = '00000000-0000-7000-8000-000000000000';

interface ParticipationData {
  id: string;
  version: number;
  status: string;
  appliedOn: string;
  initiallyDiagnosedOn: string | null;
  selectedOn: string | null;
  contributionKrw: number;
  allowedNextStatuses: string[];
  company: { id: string; nameKo: string };
  team: { id: string; name: string } | null;
}

describe('participations over HTTP', () => {
  let hub: TestServer;
  let fx: Fixtures;
  let world: Awaited<ReturnType<Fixtures['world']>>;
  let applied: ParticipationData;

  beforeAll(async () => {
    hub = await startTestServer({ seeded: false });
    fx = new Fixtures(hub.server.orm);
    world = await fx.world(hub.url);
  });
  afterAll(() => hub.close());

  describe('applyToProgramYear', () => {
    it('registers an application as APPLIED and writes history and an event in the same transaction', async () => {
      const newcomer = await fx.company({ nameKo: '마바금속' });
      const { applyToProgramYear } = await world.clients.manager.data<{ applyToProgramYear: ParticipationData }>(APPLY, {
        input: { companyId: newcomer.id, programYearId: world.year.id, appliedOn: '2012-09-10' },
      });
      applied = applyToProgramYear;
      expect(applied).toMatchObject({ status: 'APPLIED', appliedOn: '2012-09-10', version: 1, allowedNextStatuses: ['INITIALLY_DIAGNOSED', 'WITHDRAWN'] });
      const history = await fx.rows<{ action: string; company_id: string }>('select action, company_id from activity_entry where entity_id = ?', [applied.id]);
      expect(history).toEqual([{ action: 'participation.created', company_id: newcomer.id }]);
      const events = await fx.rows<{ type: string; company_id: string; program_year_id: string }>(
        'select type, company_id, program_year_id from outbox_event where entity_id = ?',
        [applied.id],
      );
      expect(events).toEqual([{ type: 'participation.created', company_id: newcomer.id, program_year_id: world.year.id }]);
    });

    it('rejects a second application of the same company to the same year with CONFLICT', async () => {
      expect(await world.clients.manager.errorCode(APPLY, { input: { companyId: world.own.id, programYearId: world.year.id } })).toBe('CONFLICT');
    });

    it('rejects unknown companies and years with NOT_FOUND', async () => {
      expect(await world.clients.manager.errorCode(APPLY, { input: { companyId: UNKNOWN_ID, programYearId: world.year.id } })).toBe('NOT_FOUND');
      expect(await world.clients.manager.errorCode(APPLY, { input: { companyId: world.own.id, programYearId: UNKNOWN_ID } })).toBe('NOT_FOUND');
    });

    it('rejects a malformed date as bad input', async () => {
      expect(await world.clients.manager.errorCode(APPLY, { input: { companyId: world.own.id, programYearId: world.year.id, appliedOn: '2012-02-30' } })).toBe(
        'BAD_USER_INPUT',
      );
    });

    it('is for managers only', async () => {
      const input = { companyId: world.other.id, programYearId: world.year.id };
      expect(await world.clients.expert.errorCode(APPLY, { input })).toBe('FORBIDDEN');
      expect(await world.clients.staff.errorCode(APPLY, { input })).toBe('FORBIDDEN');
      expect(await world.clients.anonymous.errorCode(APPLY, { input })).toBe('UNAUTHENTICATED');
    });
  });

  describe('transitionParticipation', () => {
    it('moves along the machine, stamps the step date and records a field diff', async () => {
      const { transitionParticipation } = await world.clients.manager.data<{ transitionParticipation: ParticipationData }>(TRANSITION, {
        input: { id: applied.id, to: 'INITIALLY_DIAGNOSED', on: '2012-09-20', version: 1 },
      });
      expect(transitionParticipation).toMatchObject({
        status: 'INITIALLY_DIAGNOSED',
        initiallyDiagnosedOn: '2012-09-20',
        version: 2,
        allowedNextStatuses: ['SELECTED', 'NOT_SELECTED', 'WITHDRAWN'],
      });
      const [entry] = await fx.rows<{ diff: unknown }>("select diff from activity_entry where entity_id = ? and action = 'participation.transitioned'", [applied.id]);
      expect(entry?.diff).toEqual({
        status: { from: 'APPLIED', to: 'INITIALLY_DIAGNOSED' },
        initiallyDiagnosedOn: { from: null, to: '2012-09-20' },
      });
    });

    it('rejects an illegal transition naming the allowed statuses, and writes no history', async () => {
      const before = await fx.rows('select id from activity_entry where entity_id = ?', [applied.id]);
      const error = await world.clients.manager.error(TRANSITION, { input: { id: applied.id, to: 'ACTIVE', version: 2 } });
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.message).toContain('INITIALLY_DIAGNOSED to ACTIVE');
      expect(error.message).toContain('SELECTED, NOT_SELECTED, WITHDRAWN');
      expect(error.extensions.violations).toEqual([expect.objectContaining({ field: 'to', rule: 'illegalTransition' })]);
      expect(await fx.rows('select id from activity_entry where entity_id = ?', [applied.id])).toHaveLength(before.length);
    });

    it('rejects a step dated before the current one', async () => {
      const error = await world.clients.manager.error(TRANSITION, { input: { id: applied.id, to: 'SELECTED', on: '2012-09-01', version: 2 } });
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.violations).toEqual([expect.objectContaining({ field: 'on', rule: 'beforePreviousStep' })]);
    });

    it('rejects a stale version with CONFLICT and the current version', async () => {
      const error = await world.clients.manager.error(TRANSITION, { input: { id: applied.id, to: 'SELECTED', version: 1 } });
      expect(error.code).toBe('CONFLICT');
      expect(error.extensions.currentVersion).toBe(2);
    });

    it('says a final status has no next step', async () => {
      const { transitionParticipation } = await world.clients.manager.data<{ transitionParticipation: ParticipationData }>(TRANSITION, {
        input: { id: applied.id, to: 'NOT_SELECTED', on: '2012-09-28', version: 2 },
      });
      expect(transitionParticipation.allowedNextStatuses).toEqual([]);
      const error = await world.clients.manager.error(TRANSITION, { input: { id: applied.id, to: 'SELECTED', version: 3 } });
      expect(error.message).toContain('NOT_SELECTED is final');
    });

    it('answers unknown ids with NOT_FOUND and other roles with FORBIDDEN', async () => {
      expect(await world.clients.manager.errorCode(TRANSITION, { input: { id: UNKNOWN_ID, to: 'SELECTED', version: 1 } })).toBe('NOT_FOUND');
      expect(await world.clients.expert.errorCode(TRANSITION, { input: { id: world.ownParticipation.id, to: 'COMPLETED', version: 1 } })).toBe('FORBIDDEN');
      expect(await world.clients.anonymous.errorCode(TRANSITION, { input: { id: world.ownParticipation.id, to: 'COMPLETED', version: 1 } })).toBe(
        'UNAUTHENTICATED',
      );
    });
  });

  describe('assignParticipationTeam', () => {
    it('gives the team’s experts the company at once and publishes access.changed', async () => {
      const expertCanSee = async () => (await world.clients.expert.request('query($id: ID!) { company(id: $id) { id } }', { id: world.other.id })).errors === undefined;
      expect(await expertCanSee()).toBe(false);
      const { assignParticipationTeam } = await world.clients.manager.data<{ assignParticipationTeam: ParticipationData }>(ASSIGN, {
        input: { id: world.otherParticipation.id, teamId: world.team.id, version: 1 },
      });
      expect(assignParticipationTeam.team).toEqual({ id: world.team.id, name: '1팀' });
      expect(await expertCanSee()).toBe(true);
      const events = await fx.rows<{ type: string; company_id: string }>('select type, company_id from outbox_event where entity_id = ? order by seq', [
        world.otherParticipation.id,
      ]);
      expect(events.map((e) => e.type)).toEqual(['participation.updated', 'access.changed']);
      expect(events.every((e) => e.company_id === world.other.id)).toBe(true);
    });

    it('takes the company off its team with teamId null', async () => {
      const { assignParticipationTeam } = await world.clients.manager.data<{ assignParticipationTeam: ParticipationData }>(ASSIGN, {
        input: { id: world.otherParticipation.id, teamId: null, version: 2 },
      });
      expect(assignParticipationTeam).toMatchObject({ team: null, version: 3 });
    });

    it('rejects a team of another program year, unknown teams and stale versions', async () => {
      const foreignTeam = await fx.team(await fx.year(world.program, 2), { name: '2년차팀' });
      const error = await world.clients.manager.error(ASSIGN, { input: { id: world.otherParticipation.id, teamId: foreignTeam.id, version: 3 } });
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.violations).toEqual([expect.objectContaining({ field: 'teamId', rule: 'otherProgramYear' })]);
      expect(await world.clients.manager.errorCode(ASSIGN, { input: { id: world.otherParticipation.id, teamId: UNKNOWN_ID, version: 3 } })).toBe('NOT_FOUND');
      expect(await world.clients.manager.errorCode(ASSIGN, { input: { id: world.otherParticipation.id, teamId: world.team.id, version: 1 } })).toBe('CONFLICT');
      expect(await world.clients.observer.errorCode(ASSIGN, { input: { id: world.otherParticipation.id, teamId: null, version: 3 } })).toBe('FORBIDDEN');
    });
  });

  describe('setParticipationContribution', () => {
    it('stores the contribution as an exact KRW integer', async () => {
      const { setParticipationContribution } = await world.clients.manager.data<{ setParticipationContribution: ParticipationData }>(CONTRIBUTION, {
        input: { id: world.ownParticipation.id, contributionKrw: 2_750_000, version: 1 },
      });
      expect(setParticipationContribution).toMatchObject({ contributionKrw: 2_750_000, version: 2 });
    });

    it('rejects negative or fractional amounts, stale versions and other roles', async () => {
      const error = await world.clients.manager.error(CONTRIBUTION, { input: { id: world.ownParticipation.id, contributionKrw: -1, version: 2 } });
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.violations).toEqual([expect.objectContaining({ field: 'contributionKrw', rule: 'outOfRange' })]);
      expect(await world.clients.manager.errorCode(CONTRIBUTION, { input: { id: world.ownParticipation.id, contributionKrw: 1.5, version: 2 } })).toBe(
        'BAD_USER_INPUT',
      );
      expect(await world.clients.manager.errorCode(CONTRIBUTION, { input: { id: world.ownParticipation.id, contributionKrw: 1, version: 1 } })).toBe('CONFLICT');
      expect(await world.clients.manager.errorCode(CONTRIBUTION, { input: { id: UNKNOWN_ID, contributionKrw: 1, version: 1 } })).toBe('NOT_FOUND');
      expect(await world.clients.staff.errorCode(CONTRIBUTION, { input: { id: world.ownParticipation.id, contributionKrw: 1, version: 2 } })).toBe('FORBIDDEN');
    });
  });

  describe('queries', () => {
    it('lists a year’s participations with pagination and a total', async () => {
      const first = await world.clients.manager.data<{ participations: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: unknown[] } }>(
        LIST,
        { yearId: world.year.id, first: 2 },
      );
      expect(first.participations.totalCount).toBe(3);
      expect(first.participations.edges).toHaveLength(2);
      expect(first.participations.pageInfo.hasNextPage).toBe(true);
      const rest = await world.clients.manager.data<{ participations: { pageInfo: { hasNextPage: boolean }; edges: unknown[] } }>(LIST, {
        yearId: world.year.id,
        first: 2,
        after: first.participations.pageInfo.endCursor,
      });
      expect(rest.participations.edges).toHaveLength(1);
      expect(rest.participations.pageInfo.hasNextPage).toBe(false);
    });

    it('filters by status, team and company name', async () => {
      const names = async (filter: Record<string, unknown>) =>
        (await world.clients.manager.data<{ participations: { edges: { node: { company: { nameKo: string } } }[] } }>(LIST, { yearId: world.year.id, filter })).participations.edges
          .map((e) => e.node.company.nameKo)
          .sort();
      expect(await names({ status: 'ACTIVE' })).toEqual(['가나전자']);
      expect(await names({ teamId: world.team.id })).toEqual(['가나전자']);
      expect(await names({ search: '화학' })).toEqual(['다라화학']);
    });

    it('shows staff only their own company’s participation; another company’s is NOT_FOUND', async () => {
      const { participations } = await world.clients.staff.data<{ participations: { totalCount: number } }>(LIST, { yearId: world.year.id });
      expect(participations.totalCount).toBe(1);
      expect(await world.clients.staff.errorCode('query($id: ID!) { participation(id: $id) { id } }', { id: world.otherParticipation.id })).toBe('NOT_FOUND');
    });

    it('answers the company’s participation in a year and the year’s participations from their parents', async () => {
      const { company } = await world.clients.manager.data<{ company: { currentParticipation: { status: string }; participations: { id: string }[] } }>(
        'query($id: ID!, $yearId: ID!) { company(id: $id) { currentParticipation(programYearId: $yearId) { status } participations { id } } }',
        { id: world.own.id, yearId: world.year.id },
      );
      expect(company.currentParticipation.status).toBe('ACTIVE');
      expect(company.participations).toEqual([{ id: world.ownParticipation.id }]);
      const { programYear } = await world.clients.manager.data<{ programYear: { participations: { totalCount: number } } }>(
        'query($id: ID!) { programYear(id: $id) { participations(filter: { status: ACTIVE }) { totalCount } } }',
        { id: world.year.id },
      );
      expect(programYear.participations.totalCount).toBe(1);
    });

    it('asks anonymous visitors to sign in', async () => {
      expect(await world.clients.anonymous.errorCode(LIST, { yearId: world.year.id })).toBe('UNAUTHENTICATED');
    });
  });
});
