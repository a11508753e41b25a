import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

// The hub runs inside the test process: resolve graphql exactly as the server project does
// (type-graphql loads its CommonJS build; every import must get that same copy).
const serverRequire = createRequire(fileURLToPath(new URL('../../server/package.json', import.meta.url)));

export default defineProject({
  resolve: {
    alias: [{ find: /^graphql$/, replacement: serverRequire.resolve('graphql') }],
  },
  test: {
    name: 'e2e',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['../../server/src/testing/global-setup.ts', './build-web.global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});
