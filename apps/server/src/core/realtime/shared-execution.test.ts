import { GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../auth/viewer.ts';
import { SharedExecution } from './shared-execution.ts';

/** A subscriber's context: who it is, what its rights resolve to, and the events it is fed. */
interface TestContext {
  viewer: Viewer & { rights: string };
  events: AsyncIterableIterator<{ seq: number }>;
  /** Which unit of work rendered (set by `renew`). */
  unit?: number;
}

let failuresLeft = 0;
const Changed = new GraphQLObjectType<{ seq: number }, TestContext>({
  name: 'Changed',
  fields: {
    seq: { type: new GraphQLNonNull(GraphQLInt) },
    unit: { type: GraphQLInt, resolve: (_event, _args, ctx) => ctx.unit ?? null },
    value: {
      type: GraphQLString,
      resolve: (event) => {
        if (failuresLeft > 0) {
          failuresLeft--;
          throw new Error('the record could not be loaded');
        }
        return `value ${event.seq}`;
      },
    },
  },
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLInt } } }),
  subscription: new GraphQLObjectType<unknown, TestContext>({
    name: 'Subscription',
    fields: { changed: { type: Changed, subscribe: (_root, _args, ctx) => ctx.events, resolve: (event: unknown) => event } },
  }),
});
const document = parse('subscription { changed { seq unit value } }');

/** An event source fed by the test. */
function channel(): AsyncIterableIterator<{ seq: number }> & { push(seq: number): void } {
  const queue: number[] = [];
  let waiter: ((seq: number) => void) | null = null;
  return {
    push(seq) {
      if (waiter) {
        const resolve = waiter;
        waiter = null;
        resolve(seq);
      } else queue.push(seq);
    },
    async next() {
      const queued = queue.shift();
      const seq = queued ?? (await new Promise<number>((resolve) => (waiter = resolve)));
      return { value: { seq }, done: false };
    },
    async return() {
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

function harness() {
  let units = 0;
  const execution = new SharedExecution(async (viewer) => (viewer as TestContext['viewer']).rights);
  const subscribe = async (personId: string, rights: string) => {
    const events = channel();
    const context: TestContext = { viewer: { personId, role: 'EXPERT', companyId: null, sessionId: personId, rights } as TestContext['viewer'], events };
    const renew = (previous: unknown) => ({ ...(previous as TestContext), unit: ++units });
    const results = (await execution.subscribe({ schema, document, contextValue: context }, renew)) as AsyncIterableIterator<ExecutionResult>;
    return { events, next: async () => (await results.next()).value as ExecutionResult };
  };
  return { execution, subscribe };
}

describe('shared rendering of live events', () => {
  it('renders each event in a unit of work of its own, never the subscription’s', async () => {
    const { subscribe } = harness();
    const alone = await subscribe('p1', 'rights-a');
    alone.events.push(1);
    const first = await alone.next();
    alone.events.push(2);
    const second = await alone.next();
    expect(first.data).toEqual({ changed: { seq: 1, unit: 1, value: 'value 1' } });
    expect(second.data).toEqual({ changed: { seq: 2, unit: 2, value: 'value 2' } });
  });

  it('shares one rendering between subscribers whose rights resolve alike, and never across', async () => {
    const { execution, subscribe } = harness();
    const [a, b, c] = await Promise.all([subscribe('p1', 'rights-a'), subscribe('p2', 'rights-a'), subscribe('p3', 'rights-b')]);
    for (const subscriber of [a, b, c]) subscriber.events.push(10);
    const [forA, forB, forC] = await Promise.all([a.next(), b.next(), c.next()]);
    expect(forB).toBe(forA);
    expect(forC).not.toBe(forA);
    expect(forC.data).toEqual(forA.data && { changed: { ...(forA.data.changed as object), unit: expect.any(Number) } });
    expect(execution.stats).toEqual({ executed: 2, reused: 1 });
  });

  it('never hands an errored rendering to another subscriber: they render on their own', async () => {
    const { execution, subscribe } = harness();
    const [a, b] = await Promise.all([subscribe('p1', 'rights-a'), subscribe('p2', 'rights-a')]);
    failuresLeft = 1;
    a.events.push(20);
    b.events.push(20);
    // Both ask while the first rendering is still running.
    const [forA, forB] = await Promise.all([a.next(), b.next()]);
    expect(forA.errors?.[0]?.message).toBe('the record could not be loaded');
    expect(forB.errors).toBeUndefined();
    expect(forB.data).toEqual({ changed: { seq: 20, unit: expect.any(Number), value: 'value 20' } });
    expect(execution.stats.reused).toBe(0);
  });
});
