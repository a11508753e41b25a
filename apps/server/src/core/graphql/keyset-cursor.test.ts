import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestClient, type TestServer } from '../../testing/index.ts';
import { buildWorkWorld, type WorkWorld } from '../../testing/work-world.ts';
import { addBulkParticipants } from '../../modules/board/bulk-participants.test-kit.ts';
import { encodeCursor } from './pagination.ts';

type Page = { list: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string } }[] } };

/**
 * Each list once planned (plain columns) and once with a field only entities answer: the two
 * ways of reading share the cursor rules.
 */
const LISTS = {
  'measures, planned': ['measures', 'id title createdAt'],
  'measures, entities': ['measures', 'id title tasksCount'],
  'activity, planned': ['activity', 'id summary createdAt'],
  'activity, entities': ['activity', 'id summary actor { email }'],
} as const;

async function pageThrough(client: TestClient, field: string, node: string, first: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  do {
    const { list }: Page = await client.data<Page>(`query($first: Int, $after: String) { list: ${field}(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${node} } } } }`, { first, after });
    expect(list.edges.length).toBeLessThanOrEqual(first);
    ids.push(...list.edges.map((edge) => edge.node.id));
    after = list.pageInfo.hasNextPage ? list.pageInfo.endCursor : null;
  } while (after && ids.length < 500);
  return ids;
}

describe('keyset cursors over rows written in the same microsecond', () => {
  let hub: TestServer;
  let w: WorkWorld;

  beforeAll(async () => {
    hub = await startTestServer({ seeded: false });
    w = await buildWorkWorld(hub);
    // One statement: every measure and history entry it writes carries the same now().
    await addBulkParticipants(w.fx, { programYearId: w.year.id, teamId: w.team.id, expertId: w.people.expert.id, factorId: w.factors.ELECTRICITY, from: 1, to: 16 });
  }, 120_000);
  afterAll(() => hub.close());

  it('writes the bulk rows with one timestamp, below the millisecond', async () => {
    const [stamps] = await w.fx.rows<{ measures: number; activity: number; micros: number }>(
      `select (select count(distinct created_at) from measure where title like '조치 %')::int as measures,
              (select count(distinct created_at) from activity_entry where action = 'company.created')::int as activity,
              (select extract(microseconds from created_at)::int % 1000 from measure where title like '조치 %' limit 1) as micros`,
    );
    expect(stamps).toMatchObject({ measures: 1, activity: 1 });
    // A stamp exactly on the millisecond (1 in 1,000) would not show the bug this guards against.
    expect(stamps!.micros).not.toBe(0);
  });

  for (const [name, [field, node]] of Object.entries(LISTS)) {
    it(`${name}: pages of 1, 2 and 7 return every row exactly once, in the order of one big page`, async () => {
      const all = (await w.as.manager.data<Page>(`{ list: ${field}(first: 100) { totalCount edges { node { id } } } }`)).list;
      expect(all.totalCount).toBe(all.edges.length);
      expect(all.totalCount).toBeGreaterThanOrEqual(15);
      for (const first of [1, 2, 7]) {
        expect(await pageThrough(w.as.manager, field, node, first), `first: ${first}`).toEqual(all.edges.map((edge) => edge.node.id));
      }
    });
  }

  it('continues a page from a cursor handed out before (same format), and rejects a cursor that is not one', async () => {
    const { list } = await w.as.manager.data<Page & { list: { edges: { node: { id: string; createdAt: string } }[] } }>(`{ list: measures(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { node { id createdAt } } } }`);
    const third = list.edges[2]!.node;
    const old = encodeCursor([third.createdAt, third.id]);
    expect(old).toBe(list.pageInfo.endCursor);
    const next = await w.as.manager.data<Page>(`query($after: String) { list: measures(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`, { after: old });
    const expected = (await w.as.manager.data<Page>(`{ list: measures(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`)).list.edges.slice(3);
    expect(next.list.edges).toEqual(expected);
    for (const bad of ['not-a-cursor', encodeCursor([third.createdAt, 'not-an-id']), encodeCursor([third.id]), encodeCursor([42, third.id]), encodeCursor(['yesterday', third.id])]) {
      expect(await w.as.manager.errorCode(`query($after: String) { measures(first: 2, after: $after) { edges { node { id } } } }`, { after: bad }), bad).toBe('BAD_USER_INPUT');
    }
  });
});
