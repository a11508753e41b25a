import { Role } from '@ecohub/domain';
import { graphql, GraphQLError, GraphQLID, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLogin } from '../../seeders/ansan/people.data.ts';
import { startTestServer, type TestServer } from '../../testing/index.ts';
import { TestClient } from '../../testing/graphql-client.ts';
import { webOperation } from '../../testing/web-operation.ts';
import { CompiledExecutor } from './compiled-executor.ts';

describe('the compiled executor', () => {
  let calls = 0;
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        greeting: { type: new GraphQLNonNull(GraphQLString), args: { name: { type: new GraphQLNonNull(GraphQLString) } }, resolve: (_root, args: { name: string }) => `안녕 ${args.name}` },
        refused: { type: GraphQLString, resolve: () => { throw new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } }); } },
      },
    }),
    mutation: new GraphQLObjectType({ name: 'Mutation', fields: { touch: { type: GraphQLID, resolve: () => String(++calls) } } }),
  });
  const run = (executor: CompiledExecutor, query: string, variables?: Record<string, unknown>) =>
    executor.execute({ queryHash: query, document: parse(query), operationName: undefined, variables, context: {} });

  it('compiles a query the second time it runs, and answers as graphql-js does', async () => {
    const executor = new CompiledExecutor(schema);
    const query = 'query($n: String!) { a: greeting(name: $n) refused ...F } fragment F on Query { __typename }';
    const expected = JSON.parse(JSON.stringify(await graphql({ schema, source: query, variableValues: { n: '수진' } })));
    expect(JSON.parse(JSON.stringify(await run(executor, query, { n: '수진' })))).toEqual(expected);
    expect(executor.compiledCount).toBe(0);
    expect(JSON.parse(JSON.stringify(await run(executor, query, { n: '수진' })))).toEqual(expected);
    expect(executor.compiledCount).toBe(1);
    const refused = (await run(executor, query, { n: '수진' })).errors?.[0];
    expect(refused?.extensions?.code).toBe('FORBIDDEN');
    expect(refused?.path).toEqual(['refused']);
  });

  it("leaves variables that do not coerce to graphql-js's own error, and mutations uncompiled", async () => {
    const executor = new CompiledExecutor(schema);
    const query = 'query($n: String!) { greeting(name: $n) }';
    for (let i = 0; i < 3; i++) {
      const result = await run(executor, query, { n: 7 });
      expect(result.errors?.[0]?.message).toBe((await graphql({ schema, source: query, variableValues: { n: 7 } })).errors?.[0]?.message);
    }
    expect(executor.compiledCount).toBe(0);
    for (let i = 0; i < 3; i++) await run(executor, 'mutation { touch }');
    expect(executor.compiledCount).toBe(0);
    expect(calls).toBe(3);
  });

  it('keeps at most its bound of compiled documents, the least recently used evicted', async () => {
    const executor = new CompiledExecutor(schema, 3);
    for (let i = 0; i < 5; i++) for (let twice = 0; twice < 2; twice++) await run(executor, `{ g${i}: greeting(name: "${i}") }`);
    expect(executor.compiledCount).toBe(3);
  });
});

/** The web client's own queries with the variables a page sends, for one viewer. */
type Case = [file: string, operation: string, variables: Record<string, unknown>];

describe('compiled queries answer the web client byte for byte as graphql-js does', () => {
  let hub: TestServer;
  beforeAll(async () => {
    hub = await startTestServer({ seeded: true });
  }, 180_000);
  afterAll(() => hub.close());

  async function body(client: TestClient, query: string, variables: Record<string, unknown>): Promise<string> {
    const response = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: client.cookie ?? '' },
      body: JSON.stringify({ query, variables }),
    });
    return `${response.status} ${await response.text()}`;
  }

  it('for every role, on its own records and on records it may not see', { timeout: 180_000 }, async () => {
    const manager = await new TestClient(hub.url).signInAs(demoLogin(Role.PROGRAM_MANAGER).email);
    const { programs } = await manager.data<{ programs: { years: { id: string }[] }[] }>('{ programs { years { id } } }');
    const programYearId = programs[0]!.years.at(-1)!.id;
    const staff = await new TestClient(hub.url).signInAs(demoLogin(Role.COMPANY_STAFF).email);
    const { viewer } = await staff.data<{ viewer: { company: { id: string } } }>('{ viewer { company { id } } }');
    const ownCompanyId = viewer.company.id;
    const { companies } = await manager.data<{ companies: { edges: { node: { id: string } }[] } }>('{ companies(first: 50) { edges { node { id } } } }');
    /** A task and a measure of the company, or null when it has none yet. */
    const recordsOf = async (companyId: string) => {
      const { tasks, measures } = await manager.data<{ tasks: { edges: { node: { id: string } }[] }; measures: { edges: { node: { id: string } }[] } }>(
        'query($c: ID!) { tasks(filter: { companyId: $c }, first: 1) { edges { node { id } } } measures(filter: { companyId: $c }, first: 1) { edges { node { id } } } }',
        { c: companyId },
      );
      return tasks.edges[0] && measures.edges[0] ? { taskId: tasks.edges[0].node.id, measureId: measures.edges[0].node.id } : null;
    };
    const own = (await recordsOf(ownCompanyId))!;
    let otherCompanyId = '';
    let other: typeof own | null = null;
    for (const { node } of companies.edges) {
      if (node.id === ownCompanyId) continue;
      other = await recordsOf(node.id);
      otherCompanyId = node.id;
      if (other) break;
    }
    const cases = (companyId: string, { taskId, measureId }: { taskId: string; measureId: string }): Case[] => [
      ['features/board/program-board.query.graphql', 'ProgramBoard', { programYearId }],
      ['features/board/program-board.query.graphql', 'BoardTrend', { programYearId, filter: null }],
      ['features/company/company-workspace.query.graphql', 'CompanyWorkspace', { id: companyId }],
      ['features/tasks/company-tasks.query.graphql', 'CompanyTasks', { companyId, first: 200 }],
      ['features/tasks/task-detail.query.graphql', 'TaskDetail', { id: taskId }],
      ['features/comments/task-comments.query.graphql', 'TaskComments', { taskId }],
      ['features/measures/measure-detail.query.graphql', 'MeasureDetail', { id: measureId }],
      ['features/measures/measures.query.graphql', 'Measures', { filter: { companyId }, first: 50, includeDropped: false }],
      ['features/company/company-diagnoses.query.graphql', 'CompanyDiagnoses', { companyId }],
      ['features/follow-up/company-follow-up.query.graphql', 'CompanyFollowUp', { companyId }],
      ['features/activity/activity.query.graphql', 'Activity', { filter: { companyId }, first: 30 }],
      ['features/events/events.query.graphql', 'Events', { programYearId }],
      ['features/notifications/notifications.graphql', 'Notifications', { unreadOnly: false }],
      ['features/my-tasks/my-tasks.query.graphql', 'MyTasks', { first: 200 }],
      ['features/search/search.query.graphql', 'Search', { query: '도금', first: 10 }],
      ['features/teams/teams.query.graphql', 'People', { filter: { companyId }, first: 50 }],
      ['features/reports/program-results.query.graphql', 'ProgramResults', { programYearId }],
      ['features/auth/viewer.query.graphql', 'Viewer', {}],
    ];
    const clients = [manager, staff, ...(await Promise.all([Role.EXPERT, Role.OBSERVER].map((role) => new TestClient(hub.url).signInAs(demoLogin(role).email))))];
    let answers = 0;
    let errors = 0;
    for (const [c, client] of clients.entries()) {
      for (const [k, [file, operation, variables]] of [...cases(ownCompanyId, own), ...cases(otherCompanyId, other!)].entries()) {
        // A comment makes each run's document new to the executor (its key is the text's hash):
        // the first run is graphql-js's, the second compiles, the third runs compiled.
        const query = `${webOperation(file, operation)}\n# ${c}.${k}`;
        const first = await body(client, query, variables);
        // The client's document as it sends it: refused only by the rules, never by validation.
        expect(first, operation).not.toContain('GRAPHQL_VALIDATION_FAILED');
        await body(client, query, variables);
        expect(await body(client, query, variables), `${operation} ${JSON.stringify(variables)}`).toBe(first);
        answers += 1;
        if (first.includes('"errors"')) errors += 1;
      }
    }
    // The comparison covered denials (staff and observers on another company) as well as data.
    expect(errors).toBeGreaterThan(0);
    expect(errors).toBeLessThan(answers);
  });
});
