// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../codegen.ts';

const webRoot = resolve(import.meta.dirname, '../..');

describe('generated GraphQL types', () => {
  it('match schema.graphql and the operations beside the components (run `pnpm codegen` when this fails)', async () => {
    const previous = process.cwd();
    process.chdir(webRoot);
    try {
      const outputs = await generate({ ...config, silent: true }, false);
      expect(outputs.length).toBeGreaterThan(0);
      for (const output of outputs) {
        const committed = readFileSync(join(webRoot, output.filename), 'utf8');
        expect(committed, `${output.filename} is stale`).toBe(output.content);
      }
    } finally {
      process.chdir(previous);
    }
  }, 30_000);
});
