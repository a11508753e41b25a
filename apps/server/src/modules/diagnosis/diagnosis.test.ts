import { Role } from '@ecohub/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fixtures, startTestServer, type TestServer } from '../../testing/index.ts';
import { LiveClient } from '../../testing/live-client.ts';

const FIELDS = 'id version lastEditedBy { id } lastEditedAt kind conductedOn processesExamined findings electricityKwhPerYear waterM3PerYear leadExpert { id } company { id } participation { id }';
const CREATE = `mutation($input: CreateDiagnosisInput!) { createDiagnosis(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateDiagnosisInput!) { updateDiagnosis(input: $input) { ${FIELDS} } }`;
const LIST = `query($filter: DiagnosisFilter, $first: Int, $after: String) {
  diagnoses(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id kind conductedOn company { nameKo } } } }
}`;
const UNKNOWN_ID = '00000000-0000-7000-8000-000000000000';

describe('diagnoses over HTTP', () => {
  let hub: TestServer;
  let fx: Fixtures;
  let world: Awaited<ReturnType<Fixtures['world']>>;
  let diagnosisId: string;

  beforeAll(async () => {
    hub = await startTestServer({ seeded: false });
    fx = new Fixtures(hub.server.orm);
    world = await fx.world(hub.url);
  });
  afterAll(() => hub.close());

  const input = () => ({
    participationId: world.ownParticipation.id,
    kind: 'INITIAL',
    conductedOn: '2012-10-15',
    leadExpertId: world.people.expert.id,
    processesExamined: '전처리 → 니켈 도금 → 수세 → 건조',
    electricityKwhPerYear: 1_250_000,
    waterM3PerYear: 48_000.5,
    findings: '수세 공정의 용수 사용량이 과다함',
  });

  describe('createDiagnosis', () => {
    it('lets the expert of the company’s team record a diagnosis, with history and an event', async () => {
      const { createDiagnosis } = await world.clients.expert.data<{ createDiagnosis: { id: string; version: number; waterM3PerYear: number; company: { id: string } } }>(
        CREATE,
        { input: input() },
      );
      diagnosisId = createDiagnosis.id;
      expect(createDiagnosis).toMatchObject({ version: 1, waterM3PerYear: 48_000.5, company: { id: world.own.id } });
      const [entry] = await fx.rows<{ action: string; company_id: string; program_year_id: string }>(
        'select action, company_id, program_year_id from activity_entry where entity_id = ?',
        [diagnosisId],
      );
      expect(entry).toEqual({ action: 'diagnosis.created', company_id: world.own.id, program_year_id: world.year.id });
      const events = await fx.rows<{ type: string }>('select type from outbox_event where entity_id = ?', [diagnosisId]);
      expect(events).toEqual([{ type: 'diagnosis.changed' }]);
    });

    it('lets managers write diagnoses of any company', async () => {
      const { createDiagnosis } = await world.clients.manager.data<{ createDiagnosis: { id: string } }>(CREATE, {
        input: { ...input(), participationId: world.otherParticipation.id, leadExpertId: null },
      });
      expect(createDiagnosis.id).toBeTruthy();
    });

    it('rejects negative quantities and blank findings with violations', async () => {
      const error = await world.clients.expert.error(CREATE, { input: { ...input(), electricityKwhPerYear: -1, findings: ' ' } });
      expect(error.code).toBe('BAD_USER_INPUT');
      expect((error.extensions.violations as { field: string }[]).map((v) => v.field).sort()).toEqual(['electricityKwhPerYear', 'findings']);
    });

    it('rejects a lead who is not an expert', async () => {
      const error = await world.clients.manager.error(CREATE, { input: { ...input(), leadExpertId: world.people.staff.id } });
      expect(error.extensions.violations).toEqual([expect.objectContaining({ field: 'leadExpertId', rule: 'notAnExpert' })]);
    });

    it('hides companies outside the expert’s teams (NOT_FOUND) and refuses staff and observers', async () => {
      expect(await world.clients.expert.errorCode(CREATE, { input: { ...input(), participationId: world.otherParticipation.id } })).toBe('NOT_FOUND');
      expect(await world.clients.expert.errorCode(CREATE, { input: { ...input(), participationId: UNKNOWN_ID } })).toBe('NOT_FOUND');
      expect(await world.clients.staff.errorCode(CREATE, { input: input() })).toBe('FORBIDDEN');
      expect(await world.clients.observer.errorCode(CREATE, { input: input() })).toBe('FORBIDDEN');
      expect(await world.clients.anonymous.errorCode(CREATE, { input: input() })).toBe('UNAUTHENTICATED');
    });
  });

  describe('updateDiagnosis', () => {
    it('changes the given fields and clears a quantity with null, stamping who wrote the version', async () => {
      const { updateDiagnosis } = await world.clients.expert.data<{ updateDiagnosis: { version: number; kind: string; electricityKwhPerYear: number | null; lastEditedBy: { id: string } } }>(UPDATE, {
        input: { id: diagnosisId, version: 1, kind: 'DETAILED', electricityKwhPerYear: null },
      });
      expect(updateDiagnosis).toMatchObject({ version: 2, kind: 'DETAILED', electricityKwhPerYear: null, lastEditedBy: { id: world.people.expert.id } });
      const [entry] = await fx.rows<{ diff: unknown }>("select diff from activity_entry where entity_id = ? and action = 'diagnosis.updated'", [diagnosisId]);
      expect(entry?.diff).toEqual({ kind: { from: 'INITIAL', to: 'DETAILED' }, electricityKwhPerYear: { from: 1_250_000, to: null } });
    });

    it('rejects stale versions, bad input, unknown ids and people outside the team', async () => {
      const stale = await world.clients.expert.error(UPDATE, { input: { id: diagnosisId, version: 1, findings: '다시' } });
      expect(stale.code).toBe('CONFLICT');
      expect(stale.extensions.currentVersion).toBe(2);
      expect(await world.clients.expert.errorCode(UPDATE, { input: { id: diagnosisId, version: 2, waterM3PerYear: -3 } })).toBe('BAD_USER_INPUT');
      expect(await world.clients.expert.errorCode(UPDATE, { input: { id: UNKNOWN_ID, version: 1, findings: '다시' } })).toBe('NOT_FOUND');
      const outsider = await fx.clientFor(hub.url, await fx.person({ role: Role.EXPERT }));
      expect(await outsider.errorCode(UPDATE, { input: { id: diagnosisId, version: 2, findings: '다시' } })).toBe('NOT_FOUND');
      expect(await world.clients.staff.errorCode(UPDATE, { input: { id: diagnosisId, version: 2, findings: '다시' } })).toBe('FORBIDDEN');
    });
  });

  describe('queries', () => {
    it('lists newest first with filters and pages', async () => {
      await world.clients.expert.data(CREATE, { input: { ...input(), kind: 'DETAILED', conductedOn: '2012-12-03' } });
      const first = await world.clients.manager.data<{ diagnoses: { totalCount: number; pageInfo: { endCursor: string; hasNextPage: boolean }; edges: { node: { conductedOn: string } }[] } }>(
        LIST,
        { first: 2 },
      );
      expect(first.diagnoses.totalCount).toBe(3);
      expect(first.diagnoses.edges.map((e) => e.node.conductedOn)).toEqual(['2012-12-03', '2012-10-15']);
      const rest = await world.clients.manager.data<{ diagnoses: { pageInfo: { hasNextPage: boolean }; edges: unknown[] } }>(LIST, {
        first: 2,
        after: first.diagnoses.pageInfo.endCursor,
      });
      expect(rest.diagnoses.edges).toHaveLength(1);
      expect(rest.diagnoses.pageInfo.hasNextPage).toBe(false);
      const count = async (filter: Record<string, unknown>) => (await world.clients.manager.data<{ diagnoses: { totalCount: number } }>(LIST, { filter })).diagnoses.totalCount;
      expect(await count({ companyId: world.own.id })).toBe(2);
      expect(await count({ participationId: world.otherParticipation.id })).toBe(1);
      expect(await count({ kind: 'DETAILED' })).toBe(2);
    });

    it('shows staff their own company’s diagnoses only, and observers none', async () => {
      expect((await world.clients.staff.data<{ diagnoses: { totalCount: number } }>(LIST)).diagnoses.totalCount).toBe(2);
      expect((await world.clients.otherStaff.data<{ diagnoses: { totalCount: number } }>(LIST)).diagnoses.totalCount).toBe(1);
      expect(await world.clients.otherStaff.errorCode('query($id: ID!) { diagnosis(id: $id) { id } }', { id: diagnosisId })).toBe('NOT_FOUND');
      expect((await world.clients.observer.data<{ diagnoses: { totalCount: number } }>(LIST)).diagnoses.totalCount).toBe(0);
    });

    it('answers a participation’s diagnoses from the participation', async () => {
      const { participation } = await world.clients.staff.data<{ participation: { diagnoses: { kind: string }[] } }>(
        'query($id: ID!) { participation(id: $id) { diagnoses { kind } } }',
        { id: world.ownParticipation.id },
      );
      expect(participation.diagnoses.map((d) => d.kind)).toEqual(['DETAILED', 'DETAILED']);
    });
  });

  describe('diagnosisChanged', () => {
    const WATCH = 'subscription($c: ID!, $since: SafeInt) { diagnosisChanged(companyId: $c, since: $since) { seq diagnosisId companyId diagnosis { id version findings lastEditedBy { id } } } }';
    type Change = { seq: number; diagnosisId: string; companyId: string; diagnosis: { id: string; version: number; findings: string; lastEditedBy: { id: string } | null } };

    it('delivers the company’s diagnoses as they are recorded and edited, naming the editor, and replays from since', async () => {
      const { liveSequence: since } = await world.clients.staff.data<{ liveSequence: number }>('{ liveSequence }');
      const socket = new LiveClient(hub.url, { cookie: world.clients.staff.cookie, retry: false });
      try {
        const live = socket.subscribe<Change>(WATCH, { c: world.own.id, since });
        // Another company's diagnosis is not the subscriber's to see.
        await world.clients.manager.data(CREATE, { input: { ...input(), participationId: world.otherParticipation.id, leadExpertId: null } });
        const { createDiagnosis } = await world.clients.expert.data<{ createDiagnosis: { id: string } }>(CREATE, { input: input() });
        await world.clients.manager.data(UPDATE, { input: { id: createDiagnosis.id, version: 1, findings: '관리자가 고친 소견' } });
        // Each event brings the diagnosis as it is when delivered: the last one is the manager's version.
        const events = await live.until((received) => received.length === 2);
        expect(events.map((e) => [e.companyId, e.diagnosisId])).toEqual([
          [world.own.id, createDiagnosis.id],
          [world.own.id, createDiagnosis.id],
        ]);
        expect(events[1]!.diagnosis).toMatchObject({ version: 2, findings: '관리자가 고친 소견', lastEditedBy: { id: world.people.manager.id } });
        const replay = socket.subscribe<Change>(WATCH, { c: world.own.id, since });
        await replay.until((received) => received.length === 2);
        expect(replay.events.map((e) => e.seq)).toEqual(events.map((e) => e.seq));
      } finally {
        await socket.close();
      }
    });

    it('refuses observers (no work) and staff of another company (not found)', async () => {
      const observer = new LiveClient(hub.url, { cookie: world.clients.observer.cookie, retry: false });
      const otherStaff = new LiveClient(hub.url, { cookie: world.clients.otherStaff.cookie, retry: false });
      try {
        const errors = await Promise.all([observer.subscribe(WATCH, { c: world.own.id }).error(), otherStaff.subscribe(WATCH, { c: world.own.id }).error()]);
        expect(errors.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN', 'NOT_FOUND']);
      } finally {
        await Promise.all([observer.close(), otherStaff.close()]);
      }
    });
  });
});
