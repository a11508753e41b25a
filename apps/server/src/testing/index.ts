export { startTestServer, type TestServer } from './test-server.ts';
export { TestClient, type GraphQLResponse } from './graphql-client.ts';
export { startTestCluster, createTestDatabase, freePort, databaseUrl } from './test-database.ts';
export { Fixtures, FIXTURE_PASSWORD, businessNumberFor } from './fixtures.ts';
export { seededRandom } from './seeded-random.ts';
