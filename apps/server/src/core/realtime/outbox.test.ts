import { IsolationLevel } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/index.ts';
import { outboxNotifications } from '../../testing/outbox-notifications.ts';
import { OutboxDispatcher } from './dispatcher.ts';
import { EventType } from './event-types.ts';
import { appendToOutbox, type ChangeEvent, type CommittedBatch } from './outbox.ts';
import { OutboxStore } from './outbox-store.ts';

const WRITERS = 8;
const ENTITY = '00000000-0000-7000-8000-000000000000';
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
        const batch = await orm.em
          .fork()
          .transactional(async (em) => {
            // Work of varying length before the append, and a pause between the append and
            // the commit: without a commit-ordered position, a later number would commit first.
            await em.execute('select pg_sleep(?)', [Math.random() * 0.004]);
            const appended = await appendToOutbox(em, [
              { type: EventType.TASK_UPDATED, entityId: '00000000-0000-7000-8000-000000000000' },
              { type: EventType.TASK_MOVED, entityId: '00000000-0000-7000-8000-000000000000' },
            ]);
            await em.execute('select pg_sleep(?)', [Math.random() * 0.002]);
            if (rollback) throw new RolledBack();
            return appended;
          })
          .catch((error: unknown) => {
            if (!(error instanceof RolledBack)) throw error;
            rolledBack++;
            return null;
          });
        // As a mutation does: the instance's dispatcher takes the batch, in whatever order the
        // writers' commits return (and its LISTEN connection receives them too).
        if (batch) hub.server.services.outboxCommitted(batch);
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

describe('committed batches', () => {
  let hub: TestServer;
  beforeAll(async () => {
    hub = await startTestServer({ seeded: false });
  });
  afterAll(() => hub.close());

  const commit = async (events: ChangeEvent[], isolationLevel?: IsolationLevel): Promise<CommittedBatch> => {
    const batch = await hub.server.orm.em.fork().transactional((em) => appendToOutbox(em, events), { isolationLevel });
    if (!batch) throw new Error('no batch for a commit with events');
    return batch;
  };
  /** A dispatcher of its own (no poll), what it delivered, and its reads of the outbox. */
  const watchedDispatcher = async () => {
    const store = new OutboxStore(hub.server.orm);
    const dispatcher = new OutboxDispatcher(store, hub.server.logger, { safetyPollMs: 600_000 });
    await dispatcher.start();
    const seen: number[] = [];
    dispatcher.listen((record) => seen.push(record.seq));
    return { dispatcher, seen, reads: vi.spyOn(store, 'readAfter') };
  };
  const taskEvents = (count: number): ChangeEvent[] =>
    Array.from({ length: count }, () => ({ type: EventType.TASK_MOVED, entityId: ENTITY, companyId: ENTITY, taskId: ENTITY, payload: { activityId: ENTITY } }));

  it('hold exactly the records a read returns, after the position committed before them', async () => {
    const store = new OutboxStore(hub.server.orm);
    const before = await store.position();
    const batch = await commit([
      { type: EventType.TASK_MOVED, entityId: ENTITY, companyId: ENTITY, programYearId: ENTITY, taskId: ENTITY, payload: { activityId: ENTITY } },
      { type: EventType.NOTIFICATION_ADDED, entityId: ENTITY, recipientId: ENTITY, companyId: null },
    ]);
    expect(batch.after).toBe(before);
    expect(batch.records).toEqual(await store.readAfter(before, 10));
  });

  it('from a transaction above READ COMMITTED have no position before them, and are read instead', async () => {
    const { dispatcher, seen, reads } = await watchedDispatcher();
    try {
      const batch = await commit(taskEvents(1), IsolationLevel.REPEATABLE_READ);
      expect(batch.after).toBeNull();
      dispatcher.offer(batch);
      await vi.waitFor(() => expect(seen).toEqual(batch.records.map((record) => record.seq)));
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      await dispatcher.stop();
    }
  });

  it('travel in the NOTIFY, or an empty NOTIFY when 8,000 bytes or more', async () => {
    const { payloads, close } = await outboxNotifications(hub);
    try {
      const small = await commit(taskEvents(2));
      const large = await commit(taskEvents(100));
      await vi.waitFor(() => expect(payloads).toHaveLength(2));
      expect(Buffer.byteLength(large.message)).toBeGreaterThanOrEqual(8_000);
      expect(payloads).toEqual([small.message, '']);
    } finally {
      await close();
    }
  });

  it('are delivered without a read when they follow on; after a gap the dispatcher reads, and a batch it has seen is dropped', async () => {
    const { dispatcher, seen, reads } = await watchedDispatcher();
    const seqs = (...batches: CommittedBatch[]) => batches.flatMap((batch) => batch.records.map((record) => record.seq));
    try {
      const first = await commit(taskEvents(2));
      dispatcher.offer(first);
      expect(seen).toEqual(seqs(first));

      const skipped = await commit(taskEvents(1));
      const third = await commit(taskEvents(2));
      dispatcher.offer(third);
      await vi.waitFor(() => expect(seen).toEqual(seqs(first, skipped, third)));
      expect(reads).toHaveBeenCalledTimes(1);

      dispatcher.offer(skipped);
      dispatcher.offer(third);
      expect(seen).toEqual(seqs(first, skipped, third));
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      await dispatcher.stop();
    }
  });
});
