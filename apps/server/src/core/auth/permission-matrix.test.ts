import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveClient, type LiveSubscription } from '../../testing/live-client.ts';
import { startTestServer, type TestServer } from '../../testing/index.ts';
import { buildEcoHubSchema } from '../graphql/schema.ts';
import { judge, RULES, SUBSCRIPTION_RULES, type Expectation, type Outcome } from './permission-matrix.rules.ts';
import { Matrix, WHO, type Scope, type Who } from './permission-matrix.world.ts';

const SCOPES: Scope[] = ['own', 'other'];

function expected(expectation: Expectation, who: Who, scope: Scope): Outcome {
  const cell = expectation[who];
  return typeof cell === 'string' ? cell : cell[scope === 'own' ? 0 : 1];
}

/** Every root field of the built schema, as `Query.tasks`, `Mutation.moveTask`, `Subscription.taskChanged`. */
async function schemaOperations(): Promise<string[]> {
  const schema = await buildEcoHubSchema();
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
    type ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`) : [],
  );
}

describe('the permission matrix', () => {
  let hub: TestServer;
  let m: Matrix;
  beforeAll(async () => {
    hub = await startTestServer();
    m = await Matrix.build(hub);
  }, 120_000);
  afterAll(() => hub.close());

  it('has a rule for every query, mutation and subscription of the schema (a new operation needs one)', async () => {
    const operations = await schemaOperations();
    const ruled = new Set([...Object.keys(RULES), ...Object.keys(SUBSCRIPTION_RULES)]);
    expect(operations.filter((operation) => !ruled.has(operation)), 'operations without a rule in permission-matrix.rules.ts').toEqual([]);
    expect([...ruled].filter((operation) => !operations.includes(operation)), 'rules for operations that no longer exist').toEqual([]);
  });

  it('answers every query and mutation × role × own/other company as the policy says', async () => {
    const operations = new Set(await schemaOperations());
    const mismatches: string[] = [];
    for (const [operation, rule] of Object.entries(RULES)) {
      if (!operations.has(operation)) continue;
      const field = operation.split('.')[1]!;
      // The cells of one operation run together; every cell that changes something has records of its own.
      const cells = WHO.flatMap((who) => SCOPES.map((scope) => ({ who, scope })));
      await Promise.all(
        cells.map(async ({ who, scope }) => {
          const client = rule.throwaway ? (await m.throwaway(who, scope)).client : m.client(who);
          const c = m.world.companies[scope];
          const variables = rule.variables ? await rule.variables({ m, who, scope, c, client }) : {};
          const result = await client.request(rule.document, variables);
          const actual = judge(result, field, rule, c);
          const want = expected(rule.expect, who, scope);
          if (actual !== want) {
            mismatches.push(`${operation} as ${who} (${scope}): expected ${want}, got ${actual} ${JSON.stringify(result.errors?.[0] ?? result.data)}`);
          }
        }),
      );
    }
    expect(mismatches.sort()).toEqual([]);
  }, 300_000);

  it('answers every subscription × role × own/other company over a real socket as the policy says', async () => {
    const operations = new Set(await schemaOperations());
    const sockets = new Map<Who, LiveClient>();
    for (const who of WHO) sockets.set(who, new LiveClient(hub.url, { cookie: m.client(who).cookie, retry: false }));
    try {
      const { liveSequence: since } = await m.admin.data<{ liveSequence: number }>('{ liveSequence }');
      const cells: { operation: string; who: Who; scope: Scope; subscription: LiveSubscription<{ seq: number }> }[] = [];
      for (const [operation, rule] of Object.entries(SUBSCRIPTION_RULES)) {
        if (!operations.has(operation)) continue;
        for (const who of WHO) {
          for (const scope of SCOPES) {
            const variables = { ...rule.variables({ m, c: m.world.companies[scope] }), since };
            cells.push({ operation, who, scope, subscription: sockets.get(who)!.subscribe(rule.document, variables) });
          }
        }
      }
      // `since` makes every subscription receive these events even if it registers after them.
      for (const [operation, rule] of Object.entries(SUBSCRIPTION_RULES)) {
        if (!operations.has(operation)) continue;
        for (const scope of SCOPES) await rule.trigger(m, m.world.companies[scope]);
      }
      const mismatches: string[] = [];
      await Promise.all(
        cells.map(async ({ operation, who, scope, subscription }) => {
          const rule = SUBSCRIPTION_RULES[operation]!;
          const c = m.world.companies[scope];
          const want = expected(rule.expect, who, scope);
          const arrived = () => subscription.events.some((event) => (rule.matches ?? (() => true))(event as unknown as Record<string, unknown>, c));
          // Allowed events arrive within moments; a refusal comes at once. Silence is waited out.
          const deadline = Date.now() + (want === 'ALLOW' ? 10_000 : 2_000);
          while (Date.now() < deadline && !arrived() && subscription.errors.length === 0) await new Promise((r) => setTimeout(r, 25));
          const error = subscription.errors[0];
          const code = error?.extensions?.code;
          let actual: string;
          if (arrived()) actual = 'ALLOW';
          else if (error) actual = code === undefined || ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'].includes(code) ? 'DENY' : `ERROR ${code}`;
          else actual = rule.refuse ? 'SILENT' : 'DENY';
          if (actual !== want) mismatches.push(`${operation} as ${who} (${scope}): expected ${want}, got ${actual} ${JSON.stringify(error ?? '')}`);
        }),
      );
      expect(mismatches.sort()).toEqual([]);
    } finally {
      await Promise.all([...sockets.values()].map((socket) => socket.close()));
    }
  }, 120_000);
});
