import { defineConfig } from 'vitest/config';

// One run covers every workspace project (domain units, server integration, web components, e2e).
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/server', 'apps/web', 'apps/web/e2e'],
  },
});
