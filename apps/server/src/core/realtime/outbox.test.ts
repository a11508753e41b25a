import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/index.ts';
import { OutboxDispatcher } from './dispatcher.ts';
import { EventType } from './event-types.ts';
import { appendToOutbox } from './outbox.ts';
import { OutboxStore } from './outbox-store.ts';

const WRITERS = 8;
const TRANSACTIONS_PER_WRITER = 20;

class RolledBack extends Error {}

describe('outbox positions', () => {
  let hub: TestServer;
  beforeAll(async () => {
    hub = await startTestServer({ seeded: false });
  });
  afterAll(() => hub.close());

  it('are final in commit order: tailers reading during many concurrent writers see every event once, in order', async () => {
    const { orm, logger } = hub.server;
    const store = new OutboxStore(orm);
    // Two tailers: the instance's own (woken by NOTIFY) and one that reads back to back, which
    // is the reader most likely to observe a position committed out of order.
    const seenByDispatcher: number[] = [];
    const seenByPoller: number[] = [];
    hub.server.services.realtime.dispatcher.listen((record) => seenByDispatcher.push(record.seq));
    const poller = new OutboxDispatcher(store, logger, { safetyPollMs: 1 });
    await poller.start();
    const start = poller.position;
    poller.listen((record) => seenByPoller.push(record.seq));

    let rolledBack = 0;
    const writer = async (w: number) => {
      for (let i = 0; i < TRANSACTIONS_PER_WRITER; i++) {
        const rollback = (w + i) % 7 === 0;
        await orm.em
          .fork()
          .transactional(async (em) => {
            // Work of varying length before the append, and a pause between the append and
            // the commit: without a commit-ordered position, a later number would commit first.
            await em.execute('select pg_sleep(?)', [Math.random() * 0.004]);
            await appendToOutbox(em, [
              { type: EventType.TASK_UPDATED, entityId: '00000000-0000-7000-8000-000000000000' },
              { type: EventType.TASK_MOVED, entityId: '00000000-0000-7000-8000-000000000000' },
            ]);
            await em.execute('select pg_sleep(?)', [Math.random() * 0.002]);
            if (rollback) throw new RolledBack();
          })
          .catch((error: unknown) => {
            if (!(error instanceof RolledBack)) throw error;
            rolledBack++;
          });
        hub.server.services.outboxCommitted();
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    await hub.server.services.realtime.dispatcher.caughtUp();
    await poller.caughtUp();
    await poller.stop();

    const committed = (await store.readAfter(start, 100_000)).map((record) => record.seq);
    expect(rolledBack).toBeGreaterThan(0);
    expect(committed).toHaveLength((WRITERS * TRANSACTIONS_PER_WRITER - rolledBack) * 2);
    expect(seenByPoller).toEqual(committed);
    expect(seenByDispatcher.filter((seq) => seq > start)).toEqual(committed);
  });

  it('prunes a prefix by position and remembers how far, so resuming below it is detectable', async () => {
    const store = new OutboxStore(hub.server.orm);
    const em = hub.server.orm.em.fork();
    await em.transactional((tx) => appendToOutbox(tx, [{ type: EventType.BUDGET_CHANGED, entityId: '00000000-0000-7000-8000-000000000000' }]));
    const position = await store.position();
    const [cut] = await em.execute<{ seq: string }[]>('select seq from outbox_event order by seq desc offset 10 limit 1');
    const cutoff = Number(cut?.seq);
    await em.execute(`update outbox_event set created_at = now() - interval '10 hours' where seq <= ?`, [cutoff]);
    expect(await store.prune(5)).toBeGreaterThan(0);
    expect(await store.prunedThrough()).toBe(cutoff);
    expect(await store.position()).toBe(position);
    expect((await store.readAfter(0, 1))[0]?.seq).toBeGreaterThan(cutoff);
    expect(await store.readAfter(0, 100)).toHaveLength(10);
  });
});
