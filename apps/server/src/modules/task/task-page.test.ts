import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onBehalfOf } from '../../core/actor/job-actor.ts';
import type { Selection } from '../../core/graphql/look-ahead.ts';
import { startTestServer, type TestServer } from '../../testing/index.ts';
import { StatementCounter } from '../../testing/statement-counter.ts';
import { buildWorkWorld, type WorkWorld } from '../../testing/work-world.ts';
import { addBulkParticipants } from '../board/bulk-participants.test-kit.ts';
import { taskPageStatement } from './task.queries.ts';

const NODE = `id title status rank priority dueOn version createdAt completedAt archivedAt isOverdue allowedNextStatuses
  company { id nameKo __typename } measure { id title status } assignees { id name } createdBy { id name } lastEditedBy { id name } lastEditedAt commentCount`;
const PAGE = (node: string, args = 'first: 50') => `query($after: String) { tasks(${args}, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${node} } } } }`;
/** `attachments` needs its resolver on a Task entity: the same page read the entity way, to compare with. */
const ENTITY_NODE = `${NODE} attachments { id }`;

type Page = { tasks: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: Record<string, unknown> }[] } };

describe('a page of tasks is read in one statement shaped by its selection', () => {
  let hub: TestServer;
  let w: WorkWorld;
  const counter = new StatementCounter();

  beforeAll(async () => {
    hub = await startTestServer({ seeded: false, onQuery: counter.onQuery });
    w = await buildWorkWorld(hub);
    await addBulkParticipants(w.fx, { programYearId: w.year.id, teamId: w.team.id, expertId: w.people.expert.id, factorId: w.factors.ELECTRICITY, from: 1, to: 20 });
  }, 180_000);
  afterAll(() => hub.close());

  function withoutAttachments(page: Page): Page {
    return { tasks: { ...page.tasks, edges: page.tasks.edges.map(({ cursor, node: { attachments: _, ...node } }) => ({ cursor, node })) } };
  }

  it('answers exactly what the entity read answers, page after page, for every scope', { timeout: 120_000 }, async () => {
    // One task edited through the API, so a last editor is read both ways.
    const [edited] = (await w.as.expert.data<Page>(PAGE('id version', 'first: 1'))).tasks.edges;
    await w.as.expert.data('mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id } }', { input: { id: edited!.node.id, version: edited!.node.version, title: '편집자 확인 과제' } });
    for (const client of [w.as.manager, w.as.expert, w.as.staff]) {
      let after: string | null = null;
      let pages = 0;
      do {
        const planned: Page = await client.data<Page>(PAGE(NODE, 'first: 40'), { after });
        const entities = withoutAttachments(await client.data<Page>(PAGE(ENTITY_NODE, 'first: 40'), { after }));
        expect(planned).toEqual(entities);
        after = planned.tasks.pageInfo.hasNextPage ? planned.tasks.pageInfo.endCursor : null;
        pages += 1;
      } while (after);
      if (client !== w.as.staff) expect(pages).toBeGreaterThan(1);
    }
    const { tasks } = await w.as.manager.data<Page>(PAGE('id lastEditedBy { id }', 'first: 200'));
    expect(tasks.edges.find((edge) => edge.node.id === edited!.node.id)?.node.lastEditedBy).toEqual({ id: w.people.expert.id });
  });

  it('reads the same page when the total is not asked (no count, a different statement)', async () => {
    const withTotal = await w.as.expert.data<Page>(PAGE(NODE, 'first: 30'), { after: null });
    const withoutTotal = await w.as.expert.data<{ tasks: Omit<Page['tasks'], 'totalCount'> }>(
      `query($after: String) { tasks(first: 30, after: $after) { pageInfo { hasNextPage endCursor } edges { cursor node { ${NODE} } } } }`,
      { after: withTotal.tasks.pageInfo.endCursor },
    );
    const next = await w.as.expert.data<Page>(PAGE(NODE, 'first: 30'), { after: withTotal.tasks.pageInfo.endCursor });
    expect(withoutTotal.tasks.edges).toEqual(next.tasks.edges);
    expect(withoutTotal.tasks.pageInfo).toEqual(next.tasks.pageInfo);
  });

  it('keeps the viewer scope and the comment rules: staff count only shared comments of their own company', async () => {
    const staff = await w.as.staff.data<Page>(PAGE('company { id } commentCount', 'first: 200'));
    const expert = await w.as.expert.data<Page>(PAGE('company { id } commentCount', 'first: 200'));
    expect(staff.tasks.edges.every((e) => (e.node.company as { id: string }).id === w.company.id)).toBe(true);
    expect(expert.tasks.edges.every((e) => (e.node.company as { id: string }).id !== w.otherCompany.id)).toBe(true);
    const bulkTotal = (page: Page) => page.tasks.edges.reduce((sum, e) => sum + (e.node.commentCount as number), 0);
    // Each bulk task has one shared and one internal comment: the expert sees both.
    expect(bulkTotal(expert)).toBe(expert.tasks.totalCount * 2);
    expect(staff.tasks.totalCount).toBeLessThan(expert.tasks.totalCount);
  });

  it('reads 50 tasks with assignees, measure, last editor and comment count in at most 2 statements for a signed-in session, at 20 and 200 companies', { timeout: 180_000 }, async () => {
    const query = PAGE('id title status isOverdue assignees { id name } measure { id title status } company { id nameKo } lastEditedBy { id name } commentCount');
    const measured: number[][] = [];
    for (const grow of [false, true]) {
      if (grow) await addBulkParticipants(w.fx, { programYearId: w.year.id, teamId: w.team.id, expertId: w.people.expert.id, factorId: w.factors.ELECTRICITY, from: 21, to: 200 });
      measured.push([await counter.count(w.as.manager, query), await counter.count(w.as.expert, query), await counter.count(w.as.staff, query)]);
    }
    if (process.env.SHOW_SQL) console.info(counter.statements.join('\n'));
    console.info(`task page statements (manager, expert, staff) at 20 and 200 companies: ${JSON.stringify(measured)}`);
    expect(measured[1]).toEqual(measured[0]);
    // The session is answered from memory after the first request (session-cache.ts): the page
    // alone for a manager and for staff (their one company), an expert's companies and the page.
    expect(measured[0]).toEqual([1, 2, 1]);
  });

  it('reads a company\'s page in board order from an index, without a sort, and counts comments from an index alone, for every scope', async () => {
    // The selection of the benchmark's task page, with the total the web's page asks.
    const fields = (...names: string[]): Selection => new Map(names.map((name) => [name, null]));
    const node = fields('id', 'title', 'status', 'priority', 'dueOn', 'rank', 'commentCount');
    node.set('assignees', fields('id', 'name')).set('measure', fields('id', 'title'));
    const selection: Selection = new Map<string, Selection | null>([['totalCount', null], ['edges', new Map([['node', node]])]]);
    for (const person of [w.people.manager, w.people.expert, w.people.staff]) {
      const ctx = (await onBehalfOf(hub.server.services, person.id, hub.server.logger))!;
      const statement = (await taskPageStatement(ctx, { companyId: w.company.id }, { first: 50 }, selection))!;
      // A test database is too small for the planner to prefer indexes on cost: forbid the
      // alternatives, so what remains shows whether the indexes can serve this statement at all
      // (they cannot once COLUMN_ORDER_SQL and the index's expression differ).
      const plan = await hub.server.services.orm.em.fork().transactional(async (em) => {
        await em.execute('set local enable_seqscan = off');
        await em.execute('set local enable_bitmapscan = off');
        await em.execute('set local enable_sort = off');
        return JSON.stringify(await em.execute(`explain (format json) ${statement.sql}`, [...statement.params]));
      });
      expect(plan).toContain('"Index Name":"task_board_order_index"');
      expect(plan).not.toContain('"Node Type":"Sort"');
      expect(plan).toMatch(/"Node Type":"Index Only Scan"[^{}]*"Index Name":"comment_task_id_live_index"/);
    }
  });
});
