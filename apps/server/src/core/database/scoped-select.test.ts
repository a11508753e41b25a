import { raw } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Task } from '../../modules/task/index.ts';
import { startTestServer, type TestServer } from '../../testing/index.ts';
import { scopedSelect } from './scoped-select.ts';

describe('scopedSelect', () => {
  let hub: TestServer;
  beforeAll(async () => {
    hub = await startTestServer({ seeded: false });
  }, 120_000);
  afterAll(() => hub.close());

  const built = (where: object) => {
    const qb = hub.server.orm.em.fork().createQueryBuilder(Task, 't').select('t.*').where(where as never);
    return { sql: qb.getQuery(), params: qb.getParams() };
  };

  it('builds a plain filter once and answers it as the query builder does', () => {
    const where = { archivedAt: null, company: '0193a2c4-0000-7000-8000-000000000001', $and: [{ status: 'TODO' }, {}] };
    const first = scopedSelect(hub.server.orm.em.fork(), Task, 't', where);
    expect(first).toEqual(built(where));
    expect(scopedSelect(hub.server.orm.em.fork(), Task, 't', structuredClone(where))).toBe(first);
    const other = { ...where, company: '0193a2c4-0000-7000-8000-000000000002' };
    expect(scopedSelect(hub.server.orm.em.fork(), Task, 't', other)).toEqual(built(other));
  });

  it('never answers a filter with raw SQL, undefined values or class instances from another filter', () => {
    const em = hub.server.orm.em.fork();
    const plain = { archivedAt: null, $and: [{}] };
    scopedSelect(em, Task, 't', plain);
    // JSON would write each of these as the plain filter's text.
    for (const where of [
      { archivedAt: null, $and: [{ [raw('t.rank > ?', ['m'])]: [] }] },
      { archivedAt: null, $and: [{ [raw((alias: string) => `${alias}.due_on is not null`)]: [] }] },
      { archivedAt: null, $and: [{}], dueOn: undefined },
      { archivedAt: null, $and: [{}], dueOn: { $lt: new Date('2026-12-01T00:00:00Z') } },
    ]) {
      expect(scopedSelect(em, Task, 't', where)).toEqual(built(where));
    }
  });
});
