import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { computed, readonly, ref } from 'vue';
import { isCloseLike, isSessionRefusal, reconnectingWebSocket } from './close-codes';

/** What the header shows: live (socket up), reconnecting (trying), offline (no network or no socket). */
export type ConnectionStatus = 'live' | 'reconnecting' | 'offline';

const status = ref<ConnectionStatus>('offline');
const reconnectListeners = new Set<() => void>();

export const connectionStatus = readonly(status);

/**
 * The server ended a live subscription of this page because the viewer's access changed
 * (FORBIDDEN, ACCESS_CHANGED). The socket is still up, but the page is no longer live: the
 * header says so until the person navigates elsewhere.
 */
const accessChanged = ref(false);

/** What the header shows: the socket's status, or that this page stopped being live. */
export type ShownStatus = ConnectionStatus | 'accessChanged';
export const shownStatus = computed<ShownStatus>(() => (accessChanged.value && status.value === 'live' ? 'accessChanged' : status.value));

/** Returns true the first time on this page (one notice for several subscriptions ending together). */
export function markAccessChanged(): boolean {
  if (accessChanged.value) return false;
  accessChanged.value = true;
  return true;
}

/** A new page: its subscriptions start from the viewer's current rights. */
export function clearAccessChanged(): void {
  accessChanged.value = false;
}

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

const online = () => typeof navigator === 'undefined' || navigator.onLine !== false;

/** A browser that knows it has no network says so at once, not after the socket times out. */
const networkListeners = new Set<(isOnline: boolean) => void>();
if (typeof window !== 'undefined') {
  window.addEventListener('offline', () => {
    status.value = 'offline';
    for (const listener of networkListeners) listener(false);
  });
  window.addEventListener('online', () => {
    if (status.value === 'offline') status.value = 'reconnecting';
    for (const listener of networkListeners) listener(true);
  });
}

/**
 * The wait before the next connection attempt: the backoff while the network is up, until the
 * network comes back while it is down, and cut short the moment the browser is online again.
 */
export function waitBeforeRetry(retries: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      networkListeners.delete(onNetwork);
      resolve();
    };
    const onNetwork = (isOnline: boolean) => {
      if (isOnline) done();
    };
    const timer = setTimeout(done, online() ? retryDelay(retries) : 15_000);
    networkListeners.add(onNetwork);
  });
}

/** How long a ping may go unanswered before the socket counts as dead (a half-open connection). */
const PONG_TIMEOUT_MS = 5_000;
const KEEP_ALIVE_MS = 10_000;

/**
 * One websocket per signed-in session: the server binds it to the session cookie when it opens
 * and refuses anonymous ones. It is opened eagerly, so the indicator tells the truth even on pages
 * without subscriptions, and retried forever with backoff; every subscription resumes on the new
 * socket from its last `seq` (live-exchange). Only a session refusal (4401, 4403) stops it, and
 * `onRefused` then signs the person out; any other close (1006, 1011, 1013, 4500…) reconnects.
 */
export function createSocket(url: string, onRefused: (code: number) => void): WsClient {
  let connectedBefore = false;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  status.value = online() ? 'reconnecting' : 'offline';
  const client = createWsClient({
    url,
    lazy: false,
    webSocketImpl: typeof WebSocket === 'undefined' ? undefined : reconnectingWebSocket(WebSocket),
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: (error) => !isSessionRefusal(error),
    retryWait: waitBeforeRetry,
    keepAlive: KEEP_ALIVE_MS,
    onNonLazyError: (error) => {
      status.value = 'offline';
      if (isCloseLike(error) && isSessionRefusal(error)) onRefused(error.code);
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
      // Anything the server sends proves the socket is alive.
      message: () => {
        if (status.value !== 'live' && connectedBefore) status.value = 'live';
      },
      ping: (received) => {
        if (received) return;
        clearTimeout(pongTimer);
        pongTimer = setTimeout(() => client.terminate(), PONG_TIMEOUT_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
      closed: () => {
        clearTimeout(pongTimer);
        status.value = online() ? 'reconnecting' : 'offline';
      },
    },
  });
  // Offline, the old socket may look open for minutes: drop it now and reconnect when online.
  const onNetwork = (isOnline: boolean) => {
    if (!isOnline) client.terminate();
  };
  networkListeners.add(onNetwork);
  const dispose = client.dispose.bind(client);
  client.dispose = () => {
    networkListeners.delete(onNetwork);
    clearTimeout(pongTimer);
    return dispose();
  };
  return client;
}

/** The socket is gone (signed out): nothing is live. */
export function markOffline(): void {
  status.value = 'offline';
}
