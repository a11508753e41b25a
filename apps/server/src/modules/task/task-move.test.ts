import { TASK_STATUSES } from '@ecohub/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/index.ts';
import { buildWorkWorld, UNKNOWN_ID, type WorkWorld } from '../../testing/work-world.ts';
import { REBALANCE_LENGTH } from './task-rank.ts';

const CREATE = `mutation($input: CreateTaskInput!) { createTask(input: $input) { id version status rank } }`;
const MOVE = `mutation($id: ID!, $status: TaskStatus!, $afterId: ID, $beforeId: ID, $version: Int!) {
  moveTask(id: $id, status: $status, afterId: $afterId, beforeId: $beforeId, version: $version) { id version status rank completedAt } }`;
const BOARD = `query($filter: TaskFilter) { tasks(filter: $filter, first: 200) { edges { node { id status rank version } } } }`;

type Card = { id: string; version: number; status: string; rank: string; completedAt?: string | null };

/** A tiny deterministic generator, so a failing sequence of moves can be replayed. */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % n;
  };
}

describe('moveTask over HTTP', () => {
  let hub: TestServer;
  let w: WorkWorld;

  const board = async (companyId = w.company.id) =>
    (await w.as.manager.data<{ tasks: { edges: { node: Card }[] } }>(BOARD, { filter: { companyId } })).tasks.edges.map((e) => e.node);
  const columns = (cards: Card[]) =>
    Object.fromEntries(TASK_STATUSES.map((status) => [status, cards.filter((c) => c.status === status).map((c) => c.id)]));
  const create = async (title: string, extra: Record<string, unknown> = {}) =>
    (await w.as.expert.data<{ createTask: Card }>(CREATE, { input: { companyId: w.company.id, title, ...extra } })).createTask;
  const move = async (card: { id: string; version: number }, status: string, place: { afterId?: string | null; beforeId?: string | null } = {}) =>
    (await w.as.expert.data<{ moveTask: Card }>(MOVE, { id: card.id, status, version: card.version, ...place })).moveTask;

  beforeAll(async () => {
    hub = await startTestServer({ seeded: false });
    w = await buildWorkWorld(hub);
  });
  afterAll(() => hub.close());

  it('keeps the board in the order a model of it predicts across many random moves', { timeout: 90_000 }, async () => {
    for (let i = 0; i < 12; i++) await create(`카드 ${i}`);
    const cards = await board();
    const model: Record<string, string[]> = columns(cards);
    const versions = new Map(cards.map((c) => [c.id, c.version]));
    const statusOf = (id: string) => Object.keys(model).find((status) => model[status]!.includes(id)) as string;
    const next = random(42);
    for (let step = 0; step < 50; step++) {
      const ids = [...versions.keys()];
      const id = ids[next(ids.length)] as string;
      const from = statusOf(id);
      const status = TASK_STATUSES[next(TASK_STATUSES.length)] as string;
      if ((from === 'DONE' && status === 'BLOCKED') || (from === 'BLOCKED' && status === 'DONE')) continue;
      const target = (model[status] as string[]).filter((other) => other !== id);
      const position = next(target.length + 1);
      const place = next(3);
      // Name the neighbour above, the one below, or both, as a client would.
      const afterId = position > 0 && place !== 1 ? target[position - 1] : null;
      const beforeId = position < target.length && (place !== 0 || !afterId) ? target[position] : null;
      const moved = await move({ id, version: versions.get(id) as number }, status, { afterId, beforeId });
      versions.set(id, moved.version);
      model[from] = (model[from] as string[]).filter((other) => other !== id);
      target.splice(position, 0, id);
      model[status] = target;
      expect(columns(await board())).toEqual(model);
    }
  });

  it('rebalances a column when the new rank would grow too long, keeping its order', async () => {
    const [top, bottom, last] = [await create('위', { status: 'IN_REVIEW' }), await create('아래', { status: 'IN_REVIEW' }), await create('끝', { status: 'IN_REVIEW' })];
    // Neighbours sharing a 49-character prefix leave room only at the 51st character.
    const prefix = 'i'.repeat(49);
    await w.fx.rows(`update task set rank = ? where id = ?`, [`${prefix}1`, top.id]);
    await w.fx.rows(`update task set rank = ? where id = ?`, [`${prefix}2`, bottom.id]);
    const card = await create('끼움');
    const moved = await move(card, 'IN_REVIEW', { afterId: top.id, beforeId: bottom.id });
    expect(moved.rank.length).toBeLessThanOrEqual(REBALANCE_LENGTH);
    const mine = [top.id, card.id, bottom.id, last.id];
    const column = (await board()).filter((c) => c.status === 'IN_REVIEW');
    expect(column.map((c) => c.id).filter((id) => mine.includes(id))).toEqual(mine);
    expect(column.every((c) => c.rank.length <= 2)).toBe(true);
    // Rewriting the spacing is not an edit of the other cards: their versions stay.
    expect(column.filter((c) => mine.includes(c.id) && c.id !== card.id).map((c) => c.version)).toEqual([1, 1, 1]);
  });

  it('makes room between two cards that share a rank', async () => {
    const [a, b] = [await create('같은 순위 a', { status: 'BLOCKED' }), await create('같은 순위 b', { status: 'BLOCKED' })];
    await w.fx.rows(`update task set rank = 'k' where id = any(array[?, ?]::uuid[])`, [a.id, b.id]);
    const pair = (cards: Card[], ids: string[]) => cards.filter((c) => c.status === 'BLOCKED' && ids.includes(c.id)).map((c) => c.id);
    const ordered = pair(await board(), [a.id, b.id]);
    const card = await create('사이');
    await move(card, 'BLOCKED', { afterId: ordered[0], beforeId: ordered[1] });
    expect(pair(await board(), [a.id, b.id, card.id])).toEqual([ordered[0], card.id, ordered[1]]);
  });

  it('stamps completedAt when a card reaches DONE and clears it when reopened', async () => {
    const card = await create('완료 확인');
    const done = await move(card, 'DONE');
    expect(done.completedAt).not.toBeNull();
    const reopened = await move(done, 'IN_PROGRESS');
    expect(reopened.completedAt).toBeNull();
    const [event] = await w.fx.rows(`select type, payload->>'from' as "from", payload->>'to' as "to" from outbox_event where task_id = ? order by seq desc limit 1`, [
      card.id,
    ]);
    expect(event).toEqual({ type: 'task.moved', from: 'DONE', to: 'IN_PROGRESS' });
  });

  it('stamps who wrote each version: the creator, then whoever moved the card last', async () => {
    const card = await create('편집자 확인');
    const EDITOR = 'query($id: ID!) { task(id: $id) { version lastEditedBy { id } lastEditedAt } }';
    type Edited = { task: { version: number; lastEditedBy: { id: string } | null; lastEditedAt: string } };
    const created = await w.as.manager.data<Edited>(EDITOR, { id: card.id });
    expect(created.task.lastEditedBy).toEqual({ id: w.people.expert.id });
    await w.as.manager.data(MOVE, { id: card.id, status: 'IN_PROGRESS', version: card.version });
    const moved = await w.as.manager.data<Edited>(EDITOR, { id: card.id });
    expect(moved.task).toMatchObject({ version: card.version + 1, lastEditedBy: { id: w.people.manager.id } });
    expect(Date.parse(moved.task.lastEditedAt)).toBeGreaterThanOrEqual(Date.parse(created.task.lastEditedAt));
  });

  it('rejects an illegal transition naming the allowed columns', async () => {
    const done = await move(await create('완료'), 'DONE');
    const error = await w.as.expert.error(MOVE, { id: done.id, status: 'BLOCKED', version: done.version });
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('TODO, IN_PROGRESS, IN_REVIEW');
  });

  it('rejects neighbours outside the target column, of another company, or out of order', async () => {
    const card = await create('이웃 확인');
    const todo = await create('할 일 이웃');
    const [a, b] = [await create('a', { status: 'BLOCKED' }), await create('b', { status: 'BLOCKED' })];
    const other = (await w.as.otherExpert.data<{ createTask: Card }>(CREATE, { input: { companyId: w.otherCompany.id, title: '남의 카드', status: 'BLOCKED' } })).createTask;
    const code = async (place: Record<string, unknown>) => w.as.expert.errorCode(MOVE, { id: card.id, status: 'BLOCKED', version: card.version, ...place });
    expect(await code({ afterId: todo.id })).toBe('BAD_USER_INPUT');
    expect(await code({ afterId: other.id })).toBe('BAD_USER_INPUT');
    expect(await code({ afterId: b.id, beforeId: a.id })).toBe('BAD_USER_INPUT');
    expect(await code({ afterId: a.id, beforeId: a.id })).toBe('BAD_USER_INPUT');
    expect(await code({ beforeId: card.id })).toBe('BAD_USER_INPUT');
    expect(await code({ beforeId: 'nope' })).toBe('BAD_USER_INPUT');
  });

  it('rejects a stale version with the current one, and unknown or foreign cards as NOT_FOUND', async () => {
    const card = await create('버전 확인');
    await move(card, 'IN_PROGRESS');
    const error = await w.as.expert.error(MOVE, { id: card.id, status: 'DONE', version: card.version });
    expect(error).toMatchObject({ code: 'CONFLICT', extensions: { currentVersion: 2 } });
    expect(await w.as.expert.errorCode(MOVE, { id: UNKNOWN_ID, status: 'DONE', version: 1 })).toBe('NOT_FOUND');
    expect(await w.as.otherStaff.errorCode(MOVE, { id: card.id, status: 'DONE', version: 2 })).toBe('NOT_FOUND');
  });

  it('lets company staff move only the cards assigned to them', async () => {
    const mine = await create('내 카드', { assigneeIds: [w.people.staff.id] });
    const notMine = await create('남 카드', { assigneeIds: [w.people.expert.id] });
    const moved = (await w.as.staff.data<{ moveTask: Card }>(MOVE, { id: mine.id, status: 'IN_REVIEW', version: mine.version })).moveTask;
    expect(moved.status).toBe('IN_REVIEW');
    expect(await w.as.staff.errorCode(MOVE, { id: notMine.id, status: 'IN_REVIEW', version: notMine.version })).toBe('FORBIDDEN');
    expect(await w.as.observer.errorCode(MOVE, { id: mine.id, status: 'DONE', version: moved.version })).toBe('NOT_FOUND');
  });
});
