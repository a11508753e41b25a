import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../../testing/index.ts';

const SEARCH = 'query($q: String!, $first: Int) { search(query: $q, first: $first) { kind id title context companyId taskId score } }';
type Hit = { kind: string; id: string; title: string; context: string | null; companyId: string | null; taskId: string | null; score: number };

/** Search over the seeded Ansan program, as each role. */
describe('search', () => {
  let hub: TestServer;
  const as: Record<'manager' | 'staff' | 'expert' | 'observer', TestClient> = {} as never;
  const find = async (client: TestClient, q: string, first = 50) => (await client.data<{ search: Hit[] }>(SEARCH, { q, first })).search;

  beforeAll(async () => {
    hub = await startTestServer();
    as.manager = await new TestClient(hub.url).signInAs('manager@ecofrontier.co.kr');
    as.staff = await new TestClient(hub.url).signInAs('staff@hanilplating.co.kr');
    as.expert = await new TestClient(hub.url).signInAs('expert@ecofrontier.co.kr');
    as.observer = await new TestClient(hub.url).signInAs('observer@ansan.go.kr');
  });
  afterAll(async () => hub?.close());

  it('finds companies by a two-syllable Korean word, the whole name first', async () => {
    const hits = await find(as.manager, '도금');
    const companies = hits.filter((hit) => hit.kind === 'COMPANY').map((hit) => hit.title);
    expect(companies).toContain('(주)한일도금 · Hanil Plating Co., Ltd.');
    const scores = hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const exact = await find(as.manager, '(주)한일도금');
    expect(exact[0]).toMatchObject({ kind: 'COMPANY', title: '(주)한일도금 · Hanil Plating Co., Ltd.' });
  });

  it("finds nothing of another company for its staff, by name or by its work", async () => {
    expect(await find(as.staff, '동아표면처리')).toEqual([]);
    const own = await find(as.staff, '한일도금');
    expect(own.length).toBeGreaterThan(0);
    const ownCompanyId = own.find((hit) => hit.kind === 'COMPANY')!.id;
    // Everything staff find is of their own company (or a program-wide event).
    const broad = await find(as.staff, '공정');
    expect(broad.filter((hit) => hit.kind !== 'EVENT' && hit.companyId !== ownCompanyId)).toEqual([]);
    const managerBroad = await find(as.manager, '공정');
    expect(new Set(managerBroad.map((hit) => hit.companyId)).size).toBeGreaterThan(1);
  });

  it('keeps internal comments from staff and comments from observers', async () => {
    const { tasks } = await as.expert.data<{ tasks: { edges: { node: { id: string; company: { id: string } } }[] } }>(
      '{ tasks(first: 50) { edges { node { id company { id } } } } }',
    );
    const staffCompany = (await find(as.staff, '한일도금')).find((hit) => hit.kind === 'COMPANY')!.id;
    const task = tasks.edges.find((edge) => edge.node.company.id === staffCompany)!.node;
    await as.expert.data('mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', { input: { taskId: task.id, body: '내부검토 메모: 견적 비교', visibility: 'INTERNAL' } });
    await as.expert.data('mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', { input: { taskId: task.id, body: '공유메모: 견적 비교 요청', visibility: 'SHARED' } });
    expect((await find(as.expert, '견적 비교')).filter((hit) => hit.kind === 'COMMENT')).toHaveLength(2);
    const staffHits = (await find(as.staff, '견적 비교')).filter((hit) => hit.kind === 'COMMENT');
    expect(staffHits.map((hit) => hit.title)).toEqual(['공유메모: 견적 비교 요청']);
    expect(staffHits[0]).toMatchObject({ taskId: task.id });
    expect((await find(as.observer, '견적 비교')).filter((hit) => hit.kind === 'COMMENT')).toEqual([]);
  });

  it('refuses an over-long query and answers nothing to anonymous visitors', async () => {
    expect(await as.manager.errorCode(SEARCH, { q: '가'.repeat(101) })).toBe('BAD_USER_INPUT');
    expect((await new TestClient(hub.url).data<{ search: Hit[] }>(SEARCH, { q: '도금' })).search.filter((hit) => hit.kind !== 'EVENT')).toEqual([]);
  });
});
