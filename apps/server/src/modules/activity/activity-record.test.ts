import { ReferenceKind, wrap } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EventType } from '../../core/realtime/event-types.ts';
import { appendToOutbox, parseCommittedBatch, type CommittedBatch } from '../../core/realtime/outbox.ts';
import { outboxNotifications } from '../../testing/outbox-notifications.ts';
import { Fixtures, startTestServer, type TestServer } from '../../testing/index.ts';
import { ACTIVITY_RECORD } from './activity-record.ts';
import type { ActivityEntry } from './activity-entry.entity.ts';

const UPDATE_COMPANY = 'mutation($input: UpdateCompanyInput!) { updateCompany(input: $input) { id version } }';

/** Every stored property of an entity (relations as their ids), and whether it is loaded. */
function columns(entity: object | null) {
  if (!entity) return null;
  const wrapped = wrap(entity, true);
  const values = Object.fromEntries(
    wrapped.__meta.props
      .filter((prop) => prop.kind === ReferenceKind.SCALAR || prop.kind === ReferenceKind.MANY_TO_ONE)
      .map((prop) => {
        const value = (entity as Record<string, unknown>)[prop.name];
        return [prop.name, value && prop.kind === ReferenceKind.MANY_TO_ONE ? wrap(value as object, true).getPrimaryKey() : value];
      }),
  );
  return { initialized: wrapped.isInitialized(), values };
}

/** The entry and the related rows a load populates. */
function snapshot(entry: ActivityEntry | null) {
  return entry && { entry: columns(entry), actor: columns(entry.actor?.unwrap() ?? null), company: columns(entry.company?.unwrap() ?? null) };
}

describe('the history entry a committed batch carries', () => {
  let hub: TestServer;
  let world: Awaited<ReturnType<Fixtures['world']>>;
  const statements: string[] = [];

  beforeAll(async () => {
    hub = await startTestServer({ seeded: false, onQuery: (sql) => statements.push(sql) });
    world = await new Fixtures(hub.server.orm).world(hub.url);
  });
  afterAll(() => hub.close());

  it('is the entry, actor and company a load returns, built without a statement', async () => {
    const committed = vi.spyOn(hub.server.services.realtime, 'committed');
    await world.clients.manager.data(UPDATE_COMPANY, { input: { id: world.own.id, version: 1, employees: 42, nameEn: 'Ganada Electronics' } });
    const batch = committed.mock.calls.at(-1)?.[0] as CommittedBatch;
    const record = batch.records.find((candidate) => typeof candidate.payload.activityId === 'string');
    expect(record?.carried?.activity).toBeDefined();

    const loaded = await ACTIVITY_RECORD.load(hub.server.orm.em.fork(), record!);
    statements.length = 0;
    const carried = ACTIVITY_RECORD.hydrate(hub.server.orm.em.fork(), record!.carried!.activity);
    expect(statements).toEqual([]);
    expect(snapshot(carried)).toEqual(snapshot(loaded));
    expect(snapshot(carried)).toMatchObject({ entry: { values: { action: 'company.updated' } }, actor: { initialized: true }, company: { initialized: true } });
    // Lazy columns stay out of the batch, as they stay out of a load.
    expect(JSON.stringify(batch.message)).not.toContain('password_hash');
  });

  it('is left out of the NOTIFY, not out of the batch, when it would make the payload 8,000 bytes or more', async () => {
    const em = hub.server.orm.em.fork();
    const [entry] = await em.execute<{ id: string }[]>('select id from activity_entry where actor_id is not null and company_id is not null order by created_at desc limit 1');
    const { payloads, close } = await outboxNotifications(hub);
    try {
      const events = Array.from({ length: 8 }, () => ({ type: EventType.HISTORY_RECORDED, entityId: entry!.id, payload: { activityId: entry!.id } }));
      const batch = await em.transactional((tx) => appendToOutbox(tx, events, [ACTIVITY_RECORD]));
      await vi.waitFor(() => expect(payloads).toHaveLength(1));
      expect(Buffer.byteLength(batch!.message)).toBeGreaterThanOrEqual(8_000);
      expect(batch!.records.every((record) => record.carried?.activity)).toBe(true);
      const notified = parseCommittedBatch(payloads[0]!);
      expect(notified?.after).toBe(batch!.after);
      expect(notified?.records).toEqual(batch!.records.map(({ carried: _carried, ...record }) => record));
      expect(notified?.records.some((record) => 'carried' in record)).toBe(false);
    } finally {
      await close();
    }
  });
});
