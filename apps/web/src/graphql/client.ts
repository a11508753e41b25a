import { cacheExchange, Client, fetchExchange } from '@urql/core';
import type { Client as WsClient } from 'graphql-ws';
import { createSocket, onReconnected, webSocketUrl } from './connection';
import { liveSubscriptionExchange } from './live-exchange';

export interface ApiClients {
  client: Client;
  socket: WsClient;
}

/**
 * urql over the same origin: queries and mutations by HTTP with the session cookie, subscriptions
 * over one graphql-ws socket. In development Vite proxies both to the API.
 */
export function createApiClients(location: Pick<Location, 'protocol' | 'host'> = window.location): ApiClients {
  const socket = createSocket(webSocketUrl(location));
  const client = new Client({
    url: '/graphql',
    exchanges: [cacheExchange, liveSubscriptionExchange(socket, onReconnected), fetchExchange],
    fetchOptions: () => ({
      credentials: 'include',
      // Apollo's CSRF prevention wants a non-simple request; JSON bodies already are, GETs need this.
      headers: { 'apollo-require-preflight': 'true' },
    }),
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
  });
  return { client, socket };
}

/** The server binds the socket to the session when it opens: after sign-in or -out, reopen it. */
export function restartSocket(socket: WsClient): void {
  socket.terminate();
}
