import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestClient, type TestServer } from '../../testing/index.ts';
import { StatementCounter } from '../../testing/statement-counter.ts';
import { webOperation } from '../../testing/web-operation.ts';
import { buildWorkWorld, type WorkPeople, type WorkWorld } from '../../testing/work-world.ts';
import { NotificationKind } from './notification.entity.ts';

const NOTIFICATIONS = webOperation('features/notifications/notifications.graphql', 'Notifications');
const BELL = webOperation('features/notifications/notifications.graphql', 'UnreadNotificationCount');

/** Every field a notification and its targets offer to a page that is read in one statement. */
const NODE = `id kind readAt createdAt updatedAt
  actor { id name nameEn }
  company { id nameKo nameEn }
  task { id title status dueOn rank isOverdue allowedNextStatuses company { id nameKo } measure { id title } createdBy { id } }
  comment { id body visibility createdAt deletedAt author { id name } task { id title } }
  measure { id title status category paybackYears allowedNextStatuses company { id nameKo } owner { id name } }`;

type Page = { list: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: Record<string, unknown> }[] } };

/** A page read as planned, and again with one more field only entities answer (`extra`, then left out). */
async function bothWays(client: TestClient, unreadOnly: boolean, first: number, after: string | null) {
  const query = (extra: string) =>
    `query($unreadOnly: Boolean, $first: Int, $after: String) { list: notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${NODE} ${extra} } } } }`;
  const variables = { unreadOnly, first, after };
  const planned = await client.data<Page>(query(''), variables);
  const entities = await client.data<Page>(query('extra: actor { email }'), variables);
  const stripped = { list: { ...entities.list, edges: entities.list.edges.map(({ cursor, node: { extra: _, ...rest } }) => ({ cursor, node: rest })) } };
  return { planned, entities: stripped };
}

describe('the notifications page, planned', () => {
  let hub: TestServer;
  let w: WorkWorld;
  const counter = new StatementCounter();
  const roles: (keyof WorkPeople)[] = ['manager', 'expert', 'staff', 'observer'];

  beforeAll(async () => {
    hub = await startTestServer({ seeded: false, onQuery: counter.onQuery });
    w = await buildWorkWorld(hub);
    const task = (client: TestClient, companyId: string, title: string) =>
      client.data<{ createTask: { id: string } }>(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, { input: { companyId, title } }).then((r) => r.createTask.id);
    const comment = (taskId: string, body: string, visibility: string) =>
      w.as.expert.data<{ addComment: { id: string; version: number } }>(`mutation($input: AddCommentInput!) { addComment(input: $input) { id version } }`, { input: { taskId, body, visibility } }).then((r) => r.addComment);
    const ownTask = await task(w.as.expert, w.company.id, '배출 시설 점검');
    const otherTask = await task(w.as.manager, w.otherCompany.id, '용수 재이용 검토');
    const shared = await comment(ownTask, '공유 의견', 'SHARED');
    const internal = await comment(ownTask, '내부 의견', 'INTERNAL');
    const deleted = await comment(ownTask, '지운 의견', 'SHARED');
    await w.as.expert.data(`mutation($id: ID!, $version: Int!) { deleteComment(id: $id, version: $version) { id } }`, deleted);
    const { createMeasure } = await w.as.expert.data<{ createMeasure: { id: string } }>(`mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id } }`, {
      input: { companyId: w.company.id, programYearId: w.year.id, category: 'PROCESS_CHANGE', title: '세척수 역류 방지', investmentKrw: 1_000_000, expectedAnnualSavingsKrw: 400_000 },
    });
    // Every kind, and targets the reader may not see: an internal comment (staff), another
    // company (expert, staff), a task without its company, a deleted comment. One statement,
    // one now() for every row: the page's cursors must still tell them apart.
    const p = w.people;
    await w.fx.rows(
      `insert into notification (id, recipient_id, kind, company_id, task_id, comment_id, measure_id, actor_id, read_at)
       select gen_random_uuid(), r.id, n.kind, n.company_id::uuid, n.task_id::uuid, n.comment_id::uuid, n.measure_id::uuid, n.actor_id::uuid,
              case when n.kind = 'DUE_SOON' then now() end
         from unnest(?::uuid[]) r(id)
        cross join (values
          ('MENTION', ?, ?, ?, null, ?), ('MENTION', ?, ?, ?, null, ?), ('MENTION', ?, ?, ?, null, null),
          ('ASSIGNMENT', ?, ?, null, null, ?), ('ASSIGNMENT', null, ?, null, null, ?),
          ('DUE_SOON', ?, ?, null, null, null), ('OVERDUE', ?, ?, null, null, null),
          ('FOLLOW_UP_DUE', ?, null, null, ?, ?), ('FOLLOW_UP_REMINDER', ?, null, null, ?, null)
        ) n(kind, company_id, task_id, comment_id, measure_id, actor_id)`,
      [
        `{${[p.manager.id, p.expert.id, p.staff.id, p.observer.id].join(',')}}`,
        w.company.id, ownTask, shared.id, p.expert.id,
        w.company.id, ownTask, internal.id, p.expert.id,
        w.company.id, ownTask, deleted.id,
        w.company.id, ownTask, p.manager.id,
        ownTask, p.manager.id,
        w.company.id, ownTask,
        w.otherCompany.id, otherTask,
        w.company.id, createMeasure.id, p.manager.id,
        w.company.id, createMeasure.id,
      ],
    );
  }, 120_000);
  afterAll(() => hub.close());

  it('answers like the entity read, field by field and page after page, for every kind and role', async () => {
    const kinds = new Set<unknown>();
    for (const role of roles) {
      for (const unreadOnly of [false, true]) {
        let after: string | null = null;
        let seen = 0;
        do {
          const { planned, entities } = await bothWays(w.as[role], unreadOnly, 2, after);
          expect(planned, `${role}, unreadOnly: ${unreadOnly}, after ${seen}`).toEqual(entities);
          for (const edge of planned.list.edges) kinds.add(edge.node.kind);
          seen += planned.list.edges.length;
          after = planned.list.pageInfo.hasNextPage ? planned.list.pageInfo.endCursor : null;
        } while (after);
        expect(seen, `${role}, unreadOnly: ${unreadOnly}`).toBe(listedFor(role, unreadOnly));
      }
    }
    expect([...kinds].sort()).toEqual(Object.values(NotificationKind).sort());
  });

  /** What each role is listed: nine notifications, the other company's not for its outsiders, none for observers (no work). */
  function listedFor(role: keyof WorkPeople, unreadOnly: boolean): number {
    const listed = role === 'manager' ? 9 : role === 'observer' ? 0 : 8;
    return unreadOnly && listed ? listed - 1 : listed;
  }

  it('shows a target only while the reader may see it, as the entity read does', async () => {
    const { list } = await w.as.staff.data<Page>(`{ list: notifications(first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${NODE} } } } }`);
    const mentions = list.edges.map((e) => e.node).filter((node) => node.kind === 'MENTION');
    // Staff read shared comments only; a deleted one keeps its place without its body.
    expect(mentions.map((node) => node.comment && (node.comment as { visibility: string; body: string | null }))).toEqual(
      expect.arrayContaining([null, expect.objectContaining({ visibility: 'SHARED', body: '공유 의견' }), expect.objectContaining({ body: null })]),
    );
    const withoutCompany = list.edges.map((e) => e.node).find((node) => node.kind === 'ASSIGNMENT' && node.company === null);
    expect(withoutCompany).toMatchObject({ task: null, actor: { id: w.people.manager.id } });
    expect(list.edges.some((e) => e.node.kind === 'OVERDUE')).toBe(false);
    // The expert's team loses the company: what the expert was notified about goes dark, both ways alike.
    await w.fx.rows(`update expert_team set lead_id = null where id = ?`, [w.team.id]);
    try {
      const { planned, entities } = await bothWays(w.as.expert, false, 50, null);
      expect(planned).toEqual(entities);
      expect(planned.list.edges.map((e) => [e.node.kind, e.node.task, e.node.company])).toEqual([['ASSIGNMENT', null, null]]);
    } finally {
      await w.fx.rows(`update expert_team set lead_id = ? where id = ?`, [w.people.expert.id, w.team.id]);
    }
  });

  // Session lookup, liveSequence (the outbox position the page subscribes from), the unread count and the page.
  it("reads the web client's notifications page in at most four statements and the bell in three, session lookup and liveSequence included, at any page size", async () => {
    const before: number[] = [];
    for (const role of roles) {
      before.push(await counter.count(w.as[role], NOTIFICATIONS, { unreadOnly: false }));
      expect(await counter.count(w.as[role], BELL), role).toBeLessThanOrEqual(3);
    }
    // Forty more for everyone: the count stays.
    await w.fx.rows(
      `insert into notification (id, recipient_id, kind, company_id, task_id, actor_id)
       select gen_random_uuid(), n.recipient_id, 'ASSIGNMENT', n.company_id, n.task_id, n.actor_id from notification n cross join generate_series(1, 20)
        where n.kind = 'ASSIGNMENT'`,
    );
    for (const [index, role] of roles.entries()) {
      const statements = await counter.count(w.as[role], NOTIFICATIONS, { unreadOnly: false });
      if (process.env.SHOW_SQL) console.info(role, counter.statements.join('\n'));
      expect(statements, role).toBeLessThanOrEqual(4);
      expect(statements, role).toBe(before[index]);
    }
  });
});
