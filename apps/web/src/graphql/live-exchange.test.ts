import { Client, gql } from '@urql/core';
import type { Client as WsClient, Sink } from 'graphql-ws';
import { describe, expect, it, vi } from 'vitest';
import { acceptsSince, eventSeq, liveSubscriptionExchange } from './live-exchange';

const TASK_EVENTS = gql`
  subscription TaskEvents($companyId: ID!, $since: String) {
    taskChanged(companyId: $companyId, since: $since) {
      seq
      id
    }
  }
`;

/** A graphql-ws client stand-in that keeps the payload it was given, as the real one re-sends it on reconnect. */
function fakeSocket() {
  const subscriptions: { payload: { variables: Record<string, unknown> }; sink: Sink }[] = [];
  const socket = {
    subscribe(payload: { variables: Record<string, unknown> }, sink: Sink) {
      subscriptions.push({ payload, sink });
      return () => {};
    },
  } as unknown as WsClient;
  return { socket, subscriptions };
}

function reconnector() {
  const listeners = new Set<() => void>();
  return {
    onReconnected: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reconnect: () => listeners.forEach((listener) => listener()),
  };
}

describe('live subscription exchange', () => {
  it('reads the operation and event shapes it relies on', () => {
    expect(acceptsSince(TASK_EVENTS)).toBe(true);
    expect(eventSeq({ taskChanged: { seq: '42', id: 't' } })).toBe('42');
    expect(eventSeq({ taskChanged: null })).toBeUndefined();
  });

  it('writes the last seq into the payload graphql-ws re-sends after a reconnect', async () => {
    const { socket, subscriptions } = fakeSocket();
    const live = reconnector();
    const client = new Client({ url: '/graphql', exchanges: [liveSubscriptionExchange(() => socket, live.onReconnected)] });
    const onResync = vi.fn();
    const seen: unknown[] = [];
    client.subscription(TASK_EVENTS, { companyId: 'c1' }, { onResync } as never).subscribe((result) => seen.push(result.data));
    await vi.waitFor(() => expect(subscriptions).toHaveLength(1));
    const [subscription] = subscriptions;
    expect(subscription?.payload.variables).toEqual({ companyId: 'c1' });
    subscription?.sink.next({ data: { taskChanged: { seq: '7', id: 't1', __typename: 'TaskEvent' } } });
    subscription?.sink.next({ data: { taskChanged: { seq: '9', id: 't2', __typename: 'TaskEvent' } } });
    expect(subscription?.payload.variables.since).toBe('9');
    expect(seen).toHaveLength(2);
    live.reconnect();
    expect(onResync).not.toHaveBeenCalled();
  });

  it('asks the page to refetch when it reconnects before any event gave it a place to resume from', async () => {
    const { socket, subscriptions } = fakeSocket();
    const live = reconnector();
    const client = new Client({ url: '/graphql', exchanges: [liveSubscriptionExchange(() => socket, live.onReconnected)] });
    const onResync = vi.fn();
    client.subscription(TASK_EVENTS, { companyId: 'c1' }, { onResync } as never).subscribe(() => {});
    await vi.waitFor(() => expect(subscriptions).toHaveLength(1));
    live.reconnect();
    expect(onResync).toHaveBeenCalledTimes(1);
  });
});
