import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DocumentCache } from './document-cache.ts';
import { websocketOperationErrors } from './limits.ts';

const schema = buildSchema(`
  type Query { item: Item }
  type Subscription { itemChanged: Item! }
  type Item { id: ID!, name: String! }
`);

describe('the document cache', () => {
  it('parses and validates a document once: every later subscribe gets the same DocumentNode', () => {
    const cache = new DocumentCache(schema, { production: true });
    const query = 'subscription Changed { itemChanged { id name } }';
    const first = cache.prepare(query);
    const second = cache.prepare(query);
    expect(first.errors).toEqual([]);
    expect(second).toBe(first);
    expect(second.document).toBe(first.document);
    expect(cache.size).toBe(1);
    expect(websocketOperationErrors(schema, { query }, { production: true }, second)).toBeNull();
  });

  it('keeps failures too, with the same codes and production messages as without the cache', () => {
    const cache = new DocumentCache(schema, { production: true });
    const typo = 'subscription { itemChanged { nam } }';
    const cached = cache.prepare(typo);
    expect(cache.prepare(typo)).toBe(cached);
    expect(cached.errors.map((e) => e.extensions.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(cached.errors[0]!.message).not.toMatch(/Did you mean/);
    expect(websocketOperationErrors(schema, { query: typo }, { production: true }, cached)).toEqual(
      websocketOperationErrors(schema, { query: typo }, { production: true }),
    );
    expect(cache.prepare('subscription {').errors[0]!.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('stays bounded: the least recently used document goes first', () => {
    const cache = new DocumentCache(schema, { production: false, maxEntries: 2 });
    const a = cache.prepare('subscription A { itemChanged { id } }');
    cache.prepare('subscription B { itemChanged { id } }');
    expect(cache.prepare('subscription A { itemChanged { id } }')).toBe(a);
    cache.prepare('subscription C { itemChanged { id } }');
    expect(cache.size).toBe(2);
    expect(cache.prepare('subscription A { itemChanged { id } }')).toBe(a);
    expect(cache.prepare('subscription B { itemChanged { id } }')).not.toBe(undefined);
    expect(cache.size).toBe(2);
  });
});
