import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/index.ts';
import { EventType } from './event-types.ts';
import { LiveStream, type LiveStreamOptions } from './live-stream.ts';
import { appendToOutbox } from './outbox.ts';
import { and, eq, ofTypes } from './outbox-scope.ts';
import type { OutboxRecord } from './outbox-store.ts';

const COMPANY = '00000000-0000-7000-8000-00000000c0de';

describe('a live stream never loops on a record and never skips in silence', () => {
  let hub: TestServer;
  beforeAll(async () => {
    hub = await startTestServer({ seeded: false });
  });
  afterAll(() => hub.close());

  async function append(count: number): Promise<void> {
    const events = Array.from({ length: count }, (_, i) => ({
      type: EventType.TASK_UPDATED,
      entityId: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
      companyId: COMPANY,
    }));
    await hub.server.orm.em.fork().transactional((em) => appendToOutbox(em, events));
  }

  function stream(options: Partial<LiveStreamOptions<OutboxRecord>> & { since: number | null; livePosition: number }) {
    const gaveUp: number[] = [];
    const live = new LiveStream<OutboxRecord>({
      store: hub.server.services.realtime.store,
      filter: and(ofTypes([EventType.TASK_UPDATED]), eq('company_id', COMPANY)),
      queueLimit: 1_000,
      deliver: async (record) => record,
      onEnd: () => {},
      onStop: () => {},
      onReadError: () => {},
      databaseAnswers: async () => true,
      onGiveUp: (seq) => gaveUp.push(seq),
      ...options,
    });
    return { live, gaveUp };
  }

  it('ends the subscription with RESYNC_REQUIRED after a few failed renderings of one record, and says which', async () => {
    const position = await hub.server.services.realtime.store.position();
    let attempts = 0;
    const { live, gaveUp } = stream({
      since: null,
      livePosition: position,
      renderAttempts: 3,
      deliver: async (record) => {
        if (record.seq === position + 2) {
          attempts++;
          throw new Error('cannot render this record');
        }
        return record;
      },
    });
    const at = (seq: number) => ({ seq, type: EventType.TASK_UPDATED }) as OutboxRecord;
    live.push(at(position + 1));
    live.push(at(position + 2));
    live.push(at(position + 3));
    expect((await live.next()).value?.seq).toBe(position + 1);
    const failure = await live.next().then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ extensions: { code: 'CONFLICT', reason: 'RESYNC_REQUIRED', detail: 'RENDER_FAILED' } });
    expect(String((failure as Error).message)).toContain(`event ${position + 2}`);
    expect(attempts).toBe(3);
    expect(gaveUp).toEqual([position + 2]);
    // Ended: the record after it is not delivered, and nothing retries in the background.
    expect(await live.next()).toEqual({ value: undefined, done: true });
    expect(attempts).toBe(3);
  });

  it('waits out failures while the database does not answer (a restart) without counting them', async () => {
    const position = await hub.server.services.realtime.store.position();
    let attempts = 0;
    let down = 5;
    const { live, gaveUp } = stream({
      since: null,
      livePosition: position,
      renderAttempts: 2,
      databaseAnswers: async () => down-- <= 0,
      deliver: async (record) => {
        if (++attempts <= 5) throw new Error('connection terminated');
        return record;
      },
    });
    live.push({ seq: position + 1, type: EventType.TASK_UPDATED } as OutboxRecord);
    expect((await live.next()).value?.seq).toBe(position + 1);
    expect(attempts).toBe(6);
    expect(gaveUp).toEqual([]);
  });

  it('ends a replay with RESYNC_REQUIRED when rows it has not read yet are pruned between two pages', async () => {
    const since = await hub.server.services.realtime.store.position();
    await append(700);
    const livePosition = await hub.server.services.realtime.store.position();
    const { live } = stream({ since, livePosition });
    const seen: number[] = [];
    // The first page (500 rows) is read before pruning.
    for (let i = 0; i < 500; i++) seen.push(((await live.next()).value as OutboxRecord).seq);
    expect(seen[0]).toBe(since + 1);
    // Retention runs now and removes rows the replay has not reached.
    await hub.server.orm.em.fork().execute(
      `with deleted as (delete from outbox_event where seq <= ? returning seq)
       update outbox_retention set pruned_through = (select max(seq) from deleted) where id = 1`,
      [since + 600],
    );
    const failure = await live.next().then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ extensions: { code: 'CONFLICT', reason: 'RESYNC_REQUIRED', detail: 'EVENTS_PRUNED' } });
  });
});
