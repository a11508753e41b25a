import type { Client as WsClient, ExecutionResult } from 'graphql-ws';
import { Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { subscriptionExchange, type Exchange, type Operation } from '@urql/core';

/**
 * Live subscriptions that resume where they left off. Every event carries a `seq`; the exchange
 * remembers the last one per subscription and, because graphql-ws re-sends the same payload
 * object when it reconnects, writing `since` into that payload makes the server replay exactly
 * what was missed. A subscription that has seen no event yet cannot resume: its page is told to
 * refetch (`onResync` in the operation context) once the socket is back.
 */
export interface LiveContext {
  /** The page reloads its queries: called after a reconnect the server cannot replay. */
  onResync?: () => void;
}

function operationDefinition(query: DocumentNode): OperationDefinitionNode | undefined {
  return query.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
}

export function acceptsSince(query: DocumentNode): boolean {
  return operationDefinition(query)?.variableDefinitions?.some((v) => v.variable.name.value === 'since') ?? false;
}

/** The `seq` of the event in a subscription result (`{ someEvent: { seq } }`), if any. */
export function eventSeq(data: unknown): string | number | undefined {
  if (!data || typeof data !== 'object') return undefined;
  for (const value of Object.values(data as Record<string, unknown>)) {
    if (value && typeof value === 'object' && 'seq' in value) {
      const seq = (value as { seq: unknown }).seq;
      if (typeof seq === 'string' || typeof seq === 'number') return seq;
    }
  }
  return undefined;
}

interface LivePayload {
  query: string;
  operationName?: string;
  variables: Record<string, unknown>;
  extensions?: Record<string, unknown>;
}

export function liveSubscriptionExchange(
  socket: () => WsClient | null,
  onReconnected: (listener: () => void) => () => void,
): Exchange {
  return subscriptionExchange({
    enableAllOperations: false,
    forwardSubscription(request, operation: Operation) {
      const payload: LivePayload = {
        query: request.query ?? '',
        variables: { ...(request.variables ?? {}) },
        ...(request.operationName ? { operationName: request.operationName } : {}),
        ...(request.extensions ? { extensions: request.extensions } : {}),
      };
      const resumable = acceptsSince(operation.query);
      const context = operation.context as LiveContext;
      return {
        subscribe(sink) {
          const ws = socket();
          if (!ws) {
            // Signed out: there is no socket to listen on; pages stay usable without liveness.
            sink.complete();
            return { unsubscribe() {} };
          }
          const stopListening = onReconnected(() => {
            if (!resumable || payload.variables.since == null) context.onResync?.();
          });
          const dispose = ws.subscribe<Record<string, unknown>>(payload, {
            next(result: ExecutionResult<Record<string, unknown>>) {
              const seq = eventSeq(result.data);
              if (resumable && seq !== undefined) payload.variables.since = seq;
              sink.next(result);
            },
            error(error) {
              stopListening();
              sink.error(error);
            },
            complete() {
              stopListening();
              sink.complete();
            },
          });
          return {
            unsubscribe() {
              stopListening();
              dispose();
            },
          };
        },
      };
    },
  });
}
