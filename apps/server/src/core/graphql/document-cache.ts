import { createHash } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { prepareDocument, type PreparedDocument } from './limits.ts';

const DEFAULT_MAX_ENTRIES = 1_000;

/**
 * Parsed and validated documents by the hash of their text, least recently used evicted first.
 * Thousands of sockets subscribe with the same few documents: each is parsed and validated once
 * and every subscription executes the one shared DocumentNode (HTTP has Apollo's own document
 * store, which does the same). Failures are kept too: a client repeating a bad document costs a
 * lookup.
 */
export class DocumentCache {
  private readonly entries = new Map<string, PreparedDocument>();
  private readonly max: number;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly options: { production: boolean; maxEntries?: number },
  ) {
    this.max = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  }

  get size(): number {
    return this.entries.size;
  }

  prepare(query: string): PreparedDocument {
    const key = createHash('sha256').update(query).digest('base64url');
    let entry = this.entries.get(key);
    if (entry) {
      // Re-inserting keeps the Map in least-recently-used order.
      this.entries.delete(key);
    } else {
      entry = prepareDocument(this.schema, query, this.options);
      if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, entry);
    return entry;
  }
}
