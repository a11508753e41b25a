import { Client, fetchExchange, mapExchange, type CombinedError } from '@urql/core';
import { ErrorCode } from '@ecohub/domain';
import type { Client as WsClient } from 'graphql-ws';
import { createSocket, markOffline, onReconnected, webSocketUrl } from './connection';
import { normalizedCacheExchange, versionGuardExchange } from './cache';
import { liveSubscriptionExchange } from './live-exchange';

/** Starts and stops the session's websocket; subscriptions always use the current one. */
export interface LiveConnection {
  current(): WsClient | null;
  /** (Re)opens the socket for the session that is signed in now. */
  start(): void;
  stop(): void;
}

export function createLiveConnection(url: string, onRefused: (code: number) => void): LiveConnection {
  let socket: WsClient | null = null;
  return {
    current: () => socket,
    start() {
      void socket?.dispose();
      socket = createSocket(url, onRefused);
    },
    stop() {
      void socket?.dispose();
      socket = null;
      markOffline();
    },
  };
}

/**
 * urql over the same origin: queries and mutations by HTTP with the session cookie, subscriptions
 * over the session's graphql-ws socket. In development Vite proxies both to the API. Every answer
 * and event passes the version guard, then lands in the one normalized cache.
 */
export function createApiClient(live: LiveConnection, onSessionEnded: () => void = () => {}): Client {
  return new Client({
    url: '/graphql',
    exchanges: [
      mapExchange({ onError: (error) => (endsSession(error) ? onSessionEnded() : undefined) }),
      normalizedCacheExchange(),
      versionGuardExchange(),
      liveSubscriptionExchange(live.current, onReconnected),
      fetchExchange,
    ],
    fetchOptions: () => ({
      credentials: 'include',
      // Apollo's CSRF prevention wants a non-simple request; JSON bodies already are, GETs need this.
      headers: { 'apollo-require-preflight': 'true' },
    }),
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
  });
}

/**
 * An answer that says the session is gone (UNAUTHENTICATED for a signed-in request, over HTTP or
 * the socket). A wrong password while signing in or changing it is not one (INVALID_CREDENTIALS).
 */
export function endsSession(error: CombinedError): boolean {
  return error.graphQLErrors.some(
    (e) => e.extensions?.code === ErrorCode.UNAUTHENTICATED && e.extensions?.reason !== 'INVALID_CREDENTIALS',
  );
}

export function defaultSocketUrl(): string {
  return webSocketUrl(window.location);
}
