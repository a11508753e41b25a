import { Client, CombinedError, makeResult, type Exchange, type GraphQLRequest, type Operation, type OperationResult } from '@urql/core';
import { buildSchema, execute, Kind, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { filter, fromValue, makeSubject, mergeMap, never, pipe, share, takeUntil, type Source, type Subject } from 'wonka';
import schemaSource from '../../../server/schema.graphql?raw';
import { normalizedCacheExchange, versionGuardExchange } from '@/graphql/cache';

/**
 * A stand-in for the urql client in component tests (the network is the one thing faked there;
 * browser tests use the real server). Answers are keyed by operation name.
 */
type Answer = { data?: unknown; error?: { code: string; message?: string } } | 'pending';
type Responder = (variables: Record<string, unknown>) => Answer;

export interface MockCall {
  name: string;
  variables: Record<string, unknown>;
}

/** The pageInfo of a list's only (or last) page in a fixture. */
export const LAST_PAGE = { hasNextPage: false, endCursor: null };

export function operationName(query: DocumentNode): string {
  const definition = query.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return definition?.name?.value ?? '';
}

export function mockClient(responders: Record<string, Responder>) {
  const calls: MockCall[] = [];
  const subjects = new Map<string, Subject<unknown>>();

  function answer(request: GraphQLRequest): Source<unknown> {
    const name = operationName(request.query);
    const variables = (request.variables ?? {}) as Record<string, unknown>;
    calls.push({ name, variables });
    const responder = responders[name];
    if (!responder) throw new Error(`mockClient: no answer for ${name}`);
    const result = responder(variables);
    if (result === 'pending') return never;
    const operation = { key: request.key, query: request.query, variables, kind: 'query', context: {} };
    const error = result.error
      ? new CombinedError({ graphQLErrors: [{ message: result.error.message ?? result.error.code, extensions: { code: result.error.code } }] })
      : undefined;
    return fromValue({ operation, data: result.data, error, stale: false, hasNext: false });
  }

  const client = {
    executeQuery: (request: GraphQLRequest) => answer(request),
    executeMutation: (request: GraphQLRequest) => answer(request),
    executeSubscription: (request: GraphQLRequest) => {
      const name = operationName(request.query);
      calls.push({ name, variables: (request.variables ?? {}) as Record<string, unknown> });
      const subject = makeSubject<unknown>();
      subjects.set(name, subject);
      return subject.source;
    },
  } as unknown as Client;

  return {
    client,
    calls,
    callsOf: (name: string) => calls.filter((call) => call.name === name),
    /** Pushes one subscription event to the component. */
    emit(name: string, data: unknown) {
      const subject = subjects.get(name);
      if (!subject) throw new Error(`mockClient: ${name} is not subscribed`);
      subject.next({ data, stale: false, hasNext: true });
    },
    /** Ends a subscription with an error, as the server does (`extensions.code`, and `reason` when given). */
    fail(name: string, code: string, reason?: string) {
      const subject = subjects.get(name);
      if (!subject) throw new Error(`mockClient: ${name} is not subscribed`);
      subject.next({ error: new CombinedError({ graphQLErrors: [{ message: code, extensions: { code, ...(reason ? { reason } : {}) } }] }), stale: false, hasNext: false });
      subject.complete();
    },
  };
}

/**
 * The same stand-in network behind the client's real exchanges: the normalized cache and the
 * version guard see every answer and event as in the app. Answers are shaped by the schema
 * (graphql-js executes each operation over the fixture), so they carry `__typename` and a
 * fixture that does not fit the schema fails loudly. `network` counts what reached the network.
 */
export function cachedMockClient(responders: Record<string, Responder>) {
  const network: MockCall[] = [];
  const subscriptions = new Map<string, { operation: Operation; subject: Subject<OperationResult> }>();

  function shaped(operation: Operation, data: unknown): OperationResult {
    const result = execute({ schema: apiSchema(), document: operation.query, rootValue: data, variableValues: operation.variables as Record<string, unknown> });
    if ('then' in result) throw new Error('cachedMockClient: answers are synchronous');
    if (result.errors?.length) throw new Error(`cachedMockClient: fixture does not fit the schema: ${result.errors.map((e) => e.message).join('; ')}`);
    return makeResult(operation, result);
  }

  function answer(operation: Operation): Source<OperationResult> {
    const name = operationName(operation.query);
    const variables = (operation.variables ?? {}) as Record<string, unknown>;
    network.push({ name, variables });
    if (operation.kind === 'subscription') {
      const subject = makeSubject<OperationResult>();
      subscriptions.set(name, { operation, subject });
      return subject.source;
    }
    const responder = responders[name];
    if (!responder) throw new Error(`cachedMockClient: no answer for ${name}`);
    const result = responder(variables);
    if (result === 'pending') return never;
    if (result.error) {
      const error = { message: result.error.message ?? result.error.code, extensions: { code: result.error.code } };
      return fromValue(makeResult(operation, { data: null, errors: [error] }));
    }
    return fromValue(shaped(operation, result.data));
  }

  const stub: Exchange = () => (operations$) => {
    const shared = share(operations$);
    return pipe(
      shared,
      filter((operation) => operation.kind !== 'teardown'),
      mergeMap((operation) =>
        pipe(
          answer(operation),
          takeUntil(pipe(shared, filter((other) => other.kind === 'teardown' && other.key === operation.key))),
        ),
      ),
    );
  };

  const client = new Client({
    url: '/graphql',
    exchanges: [normalizedCacheExchange(), versionGuardExchange(), stub],
    requestPolicy: 'cache-and-network',
  });

  return {
    client,
    network,
    networkOf: (name: string) => network.filter((call) => call.name === name),
    /** Pushes one subscription event through the cache to the component. */
    emit(name: string, data: unknown) {
      const subscription = subscriptions.get(name);
      if (!subscription) throw new Error(`cachedMockClient: ${name} is not subscribed`);
      subscription.subject.next({ ...shaped(subscription.operation, data), hasNext: true });
    },
  };
}

let schema: GraphQLSchema | null = null;
function apiSchema(): GraphQLSchema {
  schema ??= buildSchema(schemaSource);
  return schema;
}
