import { CombinedError, type Client, type GraphQLRequest } from '@urql/core';
import { Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { fromValue, makeSubject, never, type Source, type Subject } from 'wonka';

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
  };
}
