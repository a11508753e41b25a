import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { readonly, ref } from 'vue';

/** What the header shows: live (socket up), reconnecting (trying), offline (browser has no network). */
export type ConnectionStatus = 'live' | 'reconnecting' | 'offline';

const status = ref<ConnectionStatus>('reconnecting');
const reconnectListeners = new Set<() => void>();

export const connectionStatus = readonly(status);

/** Called after the socket comes back from a drop (not on the first connect). */
export function onReconnected(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}

/** Exponential backoff with jitter, capped at 15 s; the first retry is quick. */
export function retryDelay(retries: number, random: () => number = Math.random): number {
  const base = Math.min(15_000, 500 * 2 ** retries);
  return Math.round(base / 2 + (random() * base) / 2);
}

export function webSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;
}

/**
 * The one websocket: opened eagerly so the indicator tells the truth even on pages without
 * subscriptions, retried forever. The server reads the session cookie when the socket opens,
 * so signing in or out restarts it (see `restartSocket`).
 */
export function createSocket(url: string): WsClient {
  let connectedBefore = false;
  const online = () => typeof navigator === 'undefined' || navigator.onLine !== false;
  const client = createWsClient({
    url,
    lazy: false,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelay(retries))),
    keepAlive: 20_000,
    on: {
      connecting: () => {
        status.value = online() ? 'reconnecting' : 'offline';
      },
      connected: () => {
        status.value = 'live';
        if (connectedBefore) for (const listener of reconnectListeners) listener();
        connectedBefore = true;
      },
      closed: () => {
        status.value = online() ? 'reconnecting' : 'offline';
      },
    },
  });
  if (typeof window !== 'undefined') {
    window.addEventListener('offline', () => {
      status.value = 'offline';
    });
    window.addEventListener('online', () => {
      if (status.value === 'offline') status.value = 'reconnecting';
    });
  }
  return client;
}

/** Test seam: components read the status through this module only. */
export function setConnectionStatusForTests(value: ConnectionStatus): void {
  status.value = value;
}
