import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printEcoHubSchema } from './schema.ts';

describe('schema.graphql', () => {
  it('is the schema the server builds (run `pnpm codegen` after changing the API)', async () => {
    const committed = readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(await printEcoHubSchema());
  });
});
