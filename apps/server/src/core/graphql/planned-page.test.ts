import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestClient, type TestServer } from '../../testing/index.ts';
import { StatementCounter } from '../../testing/statement-counter.ts';
import { buildWorkWorld, type WorkWorld } from '../../testing/work-world.ts';
import { addBulkParticipants } from '../../modules/board/bulk-participants.test-kit.ts';

type Page = { list: { totalCount?: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: Record<string, unknown> }[] } };

const MEASURE_NODE = `id title status category createdAt investmentKrw expectedAnnualSavingsKrw paybackYears allowedNextStatuses implementedOn
  company { id nameKo __typename } owner { id name } lastEditedBy { id name } lastEditedAt`;
const COMMENT_NODE = `id body visibility createdAt deletedAt author { id name } task { id title status }`;

/** A page read twice: as selected (planned), and with one more field only entities answer (`extra`). */
async function bothWays(client: TestClient, field: string, args: string, node: string, extra: string, after: string | null) {
  const query = (selection: string) =>
    `query($after: String) { list: ${field}(${args}first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${selection} } } } }`;
  const planned = await client.data<Page>(query(node), { after });
  const entities = await client.data<Page>(query(`${node} ${extra}`), { after });
  const extraName = extra.split(/[\s{:]/)[0]!;
  const stripped = { list: { ...entities.list, edges: entities.list.edges.map(({ cursor, node: { [extraName]: _, ...rest } }) => ({ cursor, node: rest })) } };
  return { planned, entities: stripped };
}

describe('list pages read as one statement shaped by the selection', () => {
  let hub: TestServer;
  let w: WorkWorld;
  let taskId: string;
  const counter = new StatementCounter();

  beforeAll(async () => {
    hub = await startTestServer({ seeded: false, onQuery: counter.onQuery });
    w = await buildWorkWorld(hub);
    await addBulkParticipants(w.fx, { programYearId: w.year.id, teamId: w.team.id, expertId: w.people.expert.id, factorId: w.factors.ELECTRICITY, from: 1, to: 6 });
    for (let i = 0; i < 9; i++) {
      const day = String(10 + i).padStart(2, '0');
      await w.as.manager.data(`mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`, {
        input: { programYearId: w.year.id, kind: i % 3 ? 'WORKSHOP' : 'SITE_VISIT', title: `행사 ${i}`, venue: '안산', startsAt: `2012-12-${day}T01:00:00.000Z`, endsAt: `2012-12-${day}T03:00:00.000Z` },
      });
    }
    const { tasks } = await w.as.expert.data<{ tasks: { edges: { node: { id: string } }[] } }>(`{ tasks(first: 1) { edges { node { id } } } }`);
    taskId = tasks.edges[0]!.node.id;
    for (let i = 0; i < 12; i++) await w.as.expert.data(`mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`, { input: { taskId, body: `의견 ${i}`, visibility: i % 3 ? 'SHARED' : 'INTERNAL' } });
    // A measure and a company edited through the API: their last editor is read both ways (null for observers).
    const { measures } = await w.as.expert.data<{ measures: { edges: { node: { id: string; version: number } }[] } }>(`{ measures(first: 1) { edges { node { id version } } } }`);
    await w.as.expert.data(`mutation($input: UpdateMeasureInput!) { updateMeasure(input: $input) { id } }`, { input: { ...measures.edges[0]!.node, title: '편집자 확인 개선안' } });
    const { company } = await w.as.manager.data<{ company: { version: number } }>(`query($id: ID!) { company(id: $id) { version } }`, { id: w.company.id });
    await w.as.manager.data(`mutation($input: UpdateCompanyInput!) { updateCompany(input: $input) { id } }`, { input: { id: w.company.id, version: company.version, employees: 57 } });
  }, 180_000);
  afterAll(() => hub.close());

  const statementsOf = (client: TestClient, query: string, variables: Record<string, unknown> = {}) => counter.count(client, query, variables);

  it('measures: the same rows, cursors and totals as the entity read, page after page, for every scope', async () => {
    for (const client of [w.as.manager, w.as.expert, w.as.staff, w.as.observer]) {
      let after: string | null = null;
      do {
        const { planned, entities } = await bothWays(client, 'measures', '', MEASURE_NODE, 'tasksCount', after);
        expect(planned).toEqual(entities);
        after = planned.list.pageInfo.hasNextPage ? planned.list.pageInfo.endCursor : null;
      } while (after);
    }
  });

  it('comments: the same thread as the entity read, internal comments only for who may read them', async () => {
    for (const client of [w.as.manager, w.as.expert]) {
      let after: string | null = null;
      let seen = 0;
      do {
        const { planned, entities } = await bothWays(client, 'comments', `taskId: "${taskId}", `, COMMENT_NODE, 'mentions { id }', after);
        expect(planned).toEqual(entities);
        seen += planned.list.edges.length;
        after = planned.list.pageInfo.hasNextPage ? planned.list.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toBeGreaterThanOrEqual(12);
    }
  });

  it('activity, people and companies: the same pages as the entity read, for every scope', async () => {
    const lists: [string, string, string][] = [
      ['activity', 'id action entityType entityId summary createdAt changes { field from to } actor { id name } company { id nameKo }', 'extra: actor { email }'],
      ['people', 'id name nameEn role jobTitle email phone company { id nameKo }', 'teams { id }'],
      ['events', 'id title kind venue startsAt endsAt cancelledAt invitedCount attendedCount invitedCompanies { id } programYear { id number }', 'extra: programYear { program { id } }'],
      ['companies', 'id nameKo nameEn businessNumber employees archivedAt contactName contactEmail contactPhone lastEditedBy { id name } lastEditedAt', 'staff { id }'],
    ];
    for (const client of [w.as.manager, w.as.expert, w.as.staff, w.as.observer]) {
      for (const [field, node, extra] of lists) {
        let after: string | null = null;
        let pages = 0;
        do {
          const { planned, entities } = await bothWays(client, field, field === 'events' ? `programYearId: "${w.year.id}", ` : '', node, extra, after);
          expect(planned, `${field} page ${pages}`).toEqual(entities);
          after = planned.list.pageInfo.hasNextPage ? planned.list.pageInfo.endCursor : null;
          pages += 1;
        } while (after && pages < 6);
      }
    }
  });

  it('reads a page of measures with company and owner, or a thread page with authors, in one statement besides the session and the scope', async () => {
    const measures = await statementsOf(w.as.expert, `{ measures(first: 50) { totalCount edges { node { ${MEASURE_NODE} } } } }`);
    if (process.env.SHOW_SQL) console.info(counter.statements.join('\n'));
    const thread = await statementsOf(w.as.expert, `query($taskId: ID!) { comments(taskId: $taskId, first: 50) { edges { node { ${COMMENT_NODE} } } } }`, { taskId });
    // session lookup + the expert's companies + the page; the thread also reads its task to check access.
    expect(measures).toBeLessThanOrEqual(3);
    // A manager's scope needs no query: the session lookup and the page.
    for (const list of ['activity(first: 50) { totalCount edges { node { id summary changes { field } actor { id name } company { id nameKo } } } }', 'people(first: 50) { totalCount edges { node { id name email company { id nameKo } } } }', 'companies(first: 50) { totalCount edges { node { id nameKo contactName lastEditedBy { id name } } } }']) {
      expect(await statementsOf(w.as.manager, `{ ${list} }`), list).toBe(2);
    }
    expect(thread).toBeLessThanOrEqual(4);
  });
});
