import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { readonly, ref } from 'vue';

/** What the header shows: live (socket up), reconnecting (trying), offline (no network or no socket). */
export type ConnectionStatus = 'live' | 'reconnecting' | 'offline';

const status = ref<ConnectionStatus>('offline');
const reconnectListeners = new Set<() => void>();

export const connectionStatus = readonly(status);

/** Called after the socket comes back from a drop (not on its first connect). */
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

function isCloseEvent(value: unknown): value is { code: number } {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'number';
}

const online = () => typeof navigator === 'undefined' || navigator.onLine !== false;

if (typeof window !== 'undefined') {
  window.addEventListener('offline', () => (status.value = 'offline'));
  window.addEventListener('online', () => {
    if (status.value === 'offline') status.value = 'reconnecting';
  });
}

/**
 * One websocket per signed-in session: the server binds it to the session cookie when it opens
 * and refuses anonymous ones. It is opened eagerly, so the indicator tells the truth even on pages
 * without subscriptions, and retried forever; only a refusal (4401 session ended, 4403 forbidden)
 * stops it, and `onRefused` then signs the person out.
 */
export function createSocket(url: string, onRefused: (code: number) => void): WsClient {
  let connectedBefore = false;
  status.value = 'reconnecting';
  return createWsClient({
    url,
    lazy: false,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelay(retries))),
    keepAlive: 20_000,
    onNonLazyError: (error) => {
      status.value = 'offline';
      if (isCloseEvent(error)) onRefused(error.code);
    },
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
}

/** The socket is gone (signed out): nothing is live. */
export function markOffline(): void {
  status.value = 'offline';
}
