import 'reflect-metadata';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getIntrospectionQuery, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../../testing/index.ts';
import { measureOperation, QUERY_LIMITS, websocketOperationErrors } from './limits.ts';
import { buildEcoHubSchema } from './schema.ts';

const sdl = buildSchema(`
  type Query { items(first: Int): ItemConnection!, list: [Item!]!, item: Item }
  type Subscription { itemChanged: Item! }
  type ItemConnection { edges: [ItemEdge!]!, totalCount: Int! }
  type ItemEdge { node: Item! }
  type Item { id: ID!, name: String!, children(first: Int): ItemConnection!, tags: [String!]!, parent: Item }
`);

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return measureOperation(sdl, document, operation, variables);
}

function nested(levels: number): string {
  return `{ item ${'{ parent '.repeat(levels - 2)}{ id }${' }'.repeat(levels - 2)} }`;
}

describe('measuring an operation', () => {
  it('counts depth through fragments and inline fragments', () => {
    expect(measure('{ item { id } }').depth).toBe(2);
    expect(measure(nested(10)).depth).toBe(10);
    expect(measure('query { item { ...F } } fragment F on Item { parent { ... on Item { parent { id } } } }').depth).toBe(4);
  });

  it('multiplies by page sizes, from literals or variables, and by a fixed size for unpaged lists', () => {
    expect(measure('{ items(first: 20) { edges { node { id name } } } }').cost).toBe(1 + 20 * (1 + 1 + 2));
    expect(measure('query($n: Int) { items(first: $n) { totalCount } }', { n: 100 }).cost).toBe(1 + 100);
    expect(measure('{ items { totalCount } }').cost).toBe(1 + 50);
    expect(measure('{ list { tags } }').cost).toBe(1 + 10);
    // Page sizes the resolvers would refuse are counted at the largest allowed one.
    expect(measure('{ items(first: 100000) { totalCount } }').cost).toBe(1 + 200);
  });

  it('counts aliases where fragments are spread, and aliased __typename like any alias', () => {
    const aliased = Array.from({ length: 5 }, (_, i) => `a${i}: id`).join(' ');
    expect(measure(`{ item { ...F ...F2 } } fragment F on Item { ${aliased} } fragment F2 on Item { ...F }`).aliases).toBe(10);
    expect(measure('{ __typename item { __typename t: __typename } }')).toEqual({ depth: 2, aliases: 1, cost: 1 + 1 + 1 + 1 });
    expect(measure(`{ ${Array.from({ length: 31 }, (_, i) => `t${i}: __typename`).join(' ')} }`).aliases).toBe(31);
  });

  it('measures a fragment bomb exactly without expanding it', () => {
    const levels = 30;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1 ? `fragment F${i} on Item { id }` : `fragment F${i} on Item { a: id ...F${i + 1} b: id ...F${i + 1} }`,
    ).join('\n');
    const started = Date.now();
    const result = measure(`{ item { ...F0 } } ${fragments}`);
    expect(result.aliases).toBe(2 ** levels - 2);
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('checks websocket operations with the same rules, and parse errors become errors, not a closed socket', () => {
    const tooDeep = `subscription { itemChanged ${'{ parent '.repeat(12)}{ id }${' }'.repeat(12)} }`;
    expect(websocketOperationErrors(sdl, { query: tooDeep }, { production: false })?.[0]?.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(websocketOperationErrors(sdl, { query: 'subscription {' }, { production: false })?.[0]?.message).toMatch(/Syntax Error/);
    expect(websocketOperationErrors(sdl, { query: 'subscription { itemChanged { id } }' }, { production: false })).toBeNull();
    const typo = websocketOperationErrors(sdl, { query: 'subscription { itemChanged { nam } }' }, { production: true });
    expect(typo?.[0]?.message).toBe('Cannot query field "nam" on type "Item".');
    const introspection = websocketOperationErrors(sdl, { query: '{ __schema { types { name } } }' }, { production: true });
    expect(introspection?.[0]?.message).toMatch(/introspection/i);
  });
});

describe('the operations of the web client', () => {
  it('are all within the limits (so the limits never break the app)', async () => {
    const webSrc = new URL('../../../../web/src', import.meta.url).pathname;
    const files: string[] = [];
    const visit = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) visit(path);
        else if (name.endsWith('.graphql')) files.push(path);
      }
    };
    visit(webSrc);
    expect(files.length).toBeGreaterThan(0);
    const document = parse(files.map((file) => readFileSync(file, 'utf8')).join('\n'));
    const schema = await buildEcoHubSchema();
    for (const operation of document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)) {
      const measured = measureOperation(schema, document, operation, {});
      expect({ operation: operation.name?.value, ok: measured.depth <= QUERY_LIMITS.maxDepth && measured.cost <= QUERY_LIMITS.maxCost && measured.aliases <= QUERY_LIMITS.maxAliases, measured }).toMatchObject({ ok: true });
    }
  });
});

describe('limits over HTTP', () => {
  let hub: TestServer;
  let client: TestClient;
  beforeAll(async () => {
    hub = await startTestServer({ seeded: false });
    client = new TestClient(hub.url);
  });
  afterAll(() => hub.close());

  it('rejects a query past the depth limit with QUERY_TOO_COMPLEX and status 400', async () => {
    const query = `{ programs ${'{ years { program '.repeat(5)}{ id }${' } }'.repeat(5)} }`;
    const result = await client.request(query);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measured: { depth: 12 } });
    expect(result.errors?.[0]?.message).toMatch(/nested too deeply/);
  });

  it('rejects a query past the cost limit', async () => {
    const query = '{ programs { years { program { years { budgetLines { id source plannedKrw spentKrw label } } } } } }';
    const result = await client.request(query);
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(result.errors?.[0]?.message).toMatch(/too much at once/);
  });

  it('rejects too many aliases', async () => {
    const query = `{ ${Array.from({ length: 31 }, (_, i) => `p${i}: programs { id }`).join(' ')} }`;
    expect(await client.errorCode(query)).toBe('QUERY_TOO_COMPLEX');
    const fine = `{ ${Array.from({ length: 30 }, (_, i) => `p${i}: programs { id }`).join(' ')} }`;
    expect((await client.request(fine)).errors).toBeUndefined();
  });

  it('refuses batched requests, documents past the token limit and bodies over 1 MB', async () => {
    const post = (body: string, contentType = 'application/json') =>
      fetch(`${hub.url}/graphql`, { method: 'POST', headers: { 'content-type': contentType }, body });
    const batch = await post(JSON.stringify([{ query: '{ programs { id } }' }, { query: '{ programs { id } }' }]));
    expect(batch.status).toBe(400);
    const tokens = await post(JSON.stringify({ query: `{ ${'programs { id } '.repeat(1300)} }` }));
    expect(tokens.status).toBe(400);
    expect(JSON.stringify(await tokens.json())).toMatch(/more that 5000 tokens/);
    const huge = await post(JSON.stringify({ query: '{ programs { id } }', variables: { x: 'x'.repeat(1_100_000) } }));
    expect(huge.status).toBe(413);
  });

  it('keeps CSRF prevention on: a simple cross-site form post is refused', async () => {
    const response = await fetch(`${hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ programs { id } }"}' });
    expect(response.status).toBe(400);
    const get = await fetch(`${hub.url}/graphql?query=${encodeURIComponent('{ programs { id } }')}`);
    expect(get.status).toBe(400);
  });

  it('sends the security headers with every response, the web app\'s included', async () => {
    for (const path of ['/graphql?query=%7B__typename%7D', '/', '/healthz']) {
      const response = await fetch(`${hub.url}${path}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('allows introspection outside production (the development tools need it)', async () => {
    expect((await client.request(getIntrospectionQuery())).errors).toBeUndefined();
  });
});

describe('limits in production', () => {
  let hub: TestServer;
  let client: TestClient;
  beforeAll(async () => {
    hub = await startTestServer({ seeded: false, env: { NODE_ENV: 'production', COOKIE_SECURE: 'false' } });
    client = new TestClient(hub.url);
  });
  afterAll(() => hub.close());

  it('turns introspection, field suggestions and the landing page off', async () => {
    const introspection = await client.request('{ __schema { types { name } } }');
    expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await client.request('{ programs { nam } }');
    expect(typo.errors?.[0]?.message).toBe('Cannot query field "nam" on type "Program".');
    const landing = await fetch(`${hub.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await landing.text()).not.toMatch(/<html|sandbox/i);
  });
});
