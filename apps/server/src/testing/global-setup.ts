import type { TestProject } from 'vitest/node';
import { startTestCluster } from './test-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseAdminUrl: string;
  }
}

/** Starts (or connects to) the test PostgreSQL once for the whole run. */
export default async function setup(project: TestProject) {
  const cluster = await startTestCluster();
  project.provide('testDatabaseAdminUrl', cluster.adminUrl);
  return () => cluster.stop();
}
