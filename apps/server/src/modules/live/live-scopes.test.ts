import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventType } from '../../core/realtime/event-types.ts';
import type { LiveTopic } from '../../core/realtime/live-topic.ts';
import { appendToOutbox, type ChangeEvent } from '../../core/realtime/outbox.ts';
import { always, and, eq, isNull, oneOf, or, scopeMatches, type Condition, type OutboxColumn } from '../../core/realtime/outbox-scope.ts';
import type { OutboxRecord } from '../../core/realtime/outbox-store.ts';
import { startTestServer, type TestServer } from '../../testing/index.ts';
import { activityTopic } from '../activity/index.ts';
import { boardRowTopic } from '../board/index.ts';
import { commentTopic } from '../comment/index.ts';
import { companyTopic } from '../company/index.ts';
import { diagnosisTopic } from '../diagnosis/index.ts';
import { eventTopic } from '../event/index.ts';
import { measureTopic } from '../measure/index.ts';
import { notificationTopic } from '../notification/index.ts';
import { participationTopic, programYearScope } from '../participation/index.ts';
import { taskTopic } from '../task/index.ts';

const RECORDS = 600;
const RANDOM_SCOPES = 300;
const SEED = Number(process.env.SCOPE_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** mulberry32: small, seeded, reproducible. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}

/**
 * Scopes are one definition read two ways: as SQL by the replay and as a predicate for live
 * events. Over random records (real outbox rows in PostgreSQL) and random scopes (and every
 * topic's real scope, the program-year one included, after it has followed random companies
 * joining), both readings select exactly the same events.
 */
describe(`one scope definition, two readings (seed ${SEED}: SCOPE_SEED=${SEED} reproduces)`, () => {
  let hub: TestServer;
  let records: OutboxRecord[];
  let start: number;
  const rng = random(SEED);
  const pools: Record<Exclude<OutboxColumn, 'type'>, string[]> = { entity_id: [], company_id: [], program_year_id: [], task_id: [], recipient_id: [] };
  let programYearId: string;
  const types = Object.values(EventType);

  beforeAll(async () => {
    hub = await startTestServer();
    const em = hub.server.orm.em.fork();
    const years = await em.execute<{ id: string }[]>('select id from program_year order by id');
    programYearId = years[0]!.id;
    const participants = await em.execute<{ company_id: string }[]>('select company_id from participation where program_year_id = ? order by company_id limit 6', [programYearId]);
    const others = await em.execute<{ id: string }[]>(
      'select id from company where id not in (select company_id from participation where program_year_id = ?) order by id limit 3',
      [programYearId],
    );
    const fresh = (n: number) => Array.from({ length: n }, () => randomUUID());
    pools.company_id = [...participants.map((row) => row.company_id), ...others.map((row) => row.id), ...fresh(3)];
    pools.program_year_id = [...years.map((row) => row.id), ...fresh(1)];
    pools.task_id = fresh(5);
    pools.recipient_id = fresh(4);
    pools.entity_id = fresh(6);

    const maybe = (pool: string[], nullChance: number) => (rng.next() < nullChance ? null : rng.pick(pool));
    const events: ChangeEvent[] = Array.from({ length: RECORDS }, () => ({
      type: rng.pick(types),
      entityId: rng.pick(pools.entity_id),
      companyId: maybe(pools.company_id, 0.3),
      programYearId: maybe(pools.program_year_id, 0.5),
      taskId: maybe(pools.task_id, 0.5),
      recipientId: maybe(pools.recipient_id, 0.8),
    }));
    // A company joining the year mid-stream, with company events (no year) around it.
    const joining = randomUUID();
    events.splice(rng.int(events.length), 0, { type: EventType.TASK_UPDATED, entityId: pools.entity_id[0]!, companyId: joining });
    events.push({ type: EventType.PARTICIPATION_CREATED, entityId: pools.entity_id[1]!, companyId: joining, programYearId });
    events.push({ type: EventType.TASK_MOVED, entityId: pools.entity_id[0]!, companyId: joining });
    start = await hub.server.services.realtime.store.position();
    await em.transactional((tx) => appendToOutbox(tx, events));
    records = await hub.server.services.realtime.store.readAfter(start, RECORDS * 2);
    expect(records).toHaveLength(RECORDS + 3);
  });
  afterAll(() => hub.close());

  function randomCondition(depth: number): Condition {
    const roll = rng.int(depth > 0 ? 7 : 4);
    const column = rng.pick(Object.keys(pools) as (keyof typeof pools)[]);
    switch (roll) {
      case 0:
        return rng.next() < 0.5 ? eq('type', rng.pick(types)) : eq(column, rng.pick(pools[column]));
      case 1:
        return isNull(rng.pick([...Object.keys(pools), 'type'] as OutboxColumn[]));
      case 2:
        return rng.next() < 0.5
          ? oneOf('type', new Set(types.filter(() => rng.next() < 0.3)))
          : oneOf(column, new Set(pools[column].filter(() => rng.next() < 0.4)));
      case 3:
        return always;
      case 4:
      case 5:
        return (roll === 4 ? and : or)(...Array.from({ length: 1 + rng.int(3) }, () => randomCondition(depth - 1)));
      default:
        return or();
    }
  }

  async function bothReadings(condition: Condition): Promise<{ sql: number[]; live: number[] }> {
    const sql = (await hub.server.services.realtime.store.readAfter(start, RECORDS * 2, { filter: condition })).map((record) => record.seq);
    const live = records.filter((record) => scopeMatches(condition, record)).map((record) => record.seq);
    return { sql, live };
  }

  it(`agree on ${RANDOM_SCOPES} random scopes`, async () => {
    let nonTrivial = 0;
    for (let i = 0; i < RANDOM_SCOPES; i++) {
      const condition = randomCondition(3);
      const { sql, live } = await bothReadings(condition);
      expect(sql, `seed ${SEED}, scope ${i}: ${JSON.stringify(condition, (_key, value) => (value instanceof Set ? [...value] : value))}`).toEqual(live);
      if (sql.length > 0 && sql.length < RECORDS) nonTrivial++;
    }
    // The generator is useful only if most scopes select some records and not others.
    expect(nonTrivial).toBeGreaterThan(RANDOM_SCOPES / 3);
  });

  it("agree on every topic's own scope, the program year's after it followed companies joining", async () => {
    const em = hub.server.orm.em.fork();
    const company = { condition: eq('company_id', pools.company_id[0]!) };
    const year = () => programYearScope(em, programYearId);
    const topics: [string, LiveTopic<unknown>, ReturnType<typeof year> | null][] = [];
    const add = (name: string, topic: LiveTopic<unknown>) => topics.push([name, topic, null]);
    add('taskChanged(companyId)', taskTopic(company));
    add('measureChanged(companyId)', measureTopic(company));
    add('diagnosisChanged(companyId)', diagnosisTopic(company));
    add('companyChanged(companyId)', companyTopic(company));
    add('activityAdded', activityTopic({ condition: always }));
    add('activityAdded(companyId)', activityTopic(company));
    add('commentChanged(taskId)', commentTopic(pools.task_id[0]!, pools.company_id[0]!));
    add('notificationAdded', notificationTopic(pools.recipient_id[0]!));
    add('eventChanged', eventTopic({ condition: eq('program_year_id', programYearId) }));
    for (const [name, make] of [
      ['taskChanged(programYearId)', taskTopic],
      ['measureChanged(programYearId)', measureTopic],
      ['companyChanged(programYearId)', companyTopic],
      ['participationChanged', (scope: ReturnType<typeof year>) => participationTopic(programYearId, scope)],
      ['boardRowChanged', (scope: ReturnType<typeof year>) => boardRowTopic(programYearId, scope)],
    ] as const) {
      const scope = year();
      topics.push([name, make(scope) as LiveTopic<unknown>, scope]);
    }
    let grew = false;
    let selecting = 0;
    for (const [name, topic, yearScope] of topics) {
      if (yearScope) {
        await yearScope.prepare?.();
        const before = (await bothReadings(topic.scope.condition)).sql.length;
        // As live delivery does: every event passes `observe` in order (companies join).
        for (const record of records) topic.scope.observe?.(record);
        grew ||= (await bothReadings(topic.scope.condition)).sql.length > before;
      }
      const { sql, live } = await bothReadings(topic.scope.condition);
      expect(sql, `seed ${SEED}: ${name}`).toEqual(live);
      if (sql.length > 0) selecting++;
    }
    // Narrow topics (one recipient's notifications) may select nothing from 600 random rows.
    expect(selecting).toBeGreaterThanOrEqual(topics.length - 2);
    expect(grew, 'random participation.created events added companies to the program year').toBe(true);
  });
});
