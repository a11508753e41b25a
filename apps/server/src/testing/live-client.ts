import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface LiveError {
  message: string;
  extensions?: { code?: string; reason?: string; [key: string]: unknown };
}

/**
 * A graphql-ws client over a real socket, signed in with a session cookie. It resumes like the
 * web client: whenever the socket reconnects, each subscription is sent again with `since` set
 * to the last `seq` it received (graphql-ws re-sends the same payload object on reconnect).
 */
export class LiveClient {
  readonly client: Client;
  readonly closes: number[] = [];
  connections = 0;

  constructor(url: string | (() => string | Promise<string>), options: { cookie?: string | null; retry?: boolean } = {}) {
    const cookie = options.cookie;
    class CookieWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, cookie ? { headers: { cookie } } : {});
      }
    }
    const wsUrl = async () => (typeof url === 'function' ? await url() : url).replace(/^http/, 'ws') + '/graphql';
    this.client = createClient({
      url: wsUrl,
      webSocketImpl: CookieWebSocket,
      lazy: false,
      // A refused socket reaches the subscriptions' error sinks; graphql-ws would also print it.
      onNonLazyError: () => {},
      retryAttempts: options.retry === false ? 0 : Number.POSITIVE_INFINITY,
      shouldRetry: () => options.retry !== false,
      retryWait: () => new Promise((resolve) => setTimeout(resolve, 50)),
      on: {
        connected: () => {
          this.connections++;
        },
        closed: (event) => {
          this.closes.push((event as { code: number }).code);
        },
      },
    });
  }

  /** Subscribes and collects every event; `since` follows the last `seq` received. */
  subscribe<T extends { seq: number }>(query: string, variables: Record<string, unknown> = {}): LiveSubscription<T> {
    return new LiveSubscription<T>(this.client, query, variables);
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}

export class LiveSubscription<T extends { seq: number }> {
  readonly events: T[] = [];
  /** `performance.now()` when each event arrived (latency measurements). */
  readonly receivedAt: number[] = [];
  readonly errors: LiveError[] = [];
  completed = false;
  private readonly payload: { query: string; variables: Record<string, unknown> };
  private readonly waiters = new Set<() => void>();
  private readonly dispose: () => void;

  constructor(client: Client, query: string, variables: Record<string, unknown>) {
    this.payload = { query, variables: { ...variables } };
    this.dispose = client.subscribe<Record<string, T>>(this.payload, {
      next: (result) => {
        if (result.errors) this.errors.push(...(result.errors as LiveError[]));
        const event = result.data ? Object.values(result.data)[0] : undefined;
        if (event) {
          this.events.push(event);
          this.receivedAt.push(performance.now());
          this.payload.variables.since = event.seq;
        }
        this.notify();
      },
      error: (error) => {
        const closeCode = (error as { code?: unknown })?.code;
        const errors = Array.isArray(error)
          ? (error as LiveError[])
          : [{ message: String((error as Error)?.message ?? error), ...(typeof closeCode === 'number' ? { extensions: { closeCode } } : {}) }];
        this.errors.push(...errors);
        this.notify();
      },
      complete: () => {
        this.completed = true;
        this.notify();
      },
    });
  }

  /** Resolves when `condition` holds (checked after every event), or rejects after `timeoutMs`. */
  until(condition: (events: T[]) => boolean, timeoutMs = 10_000): Promise<T[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (condition(this.events)) {
          clearTimeout(timer);
          this.waiters.delete(check);
          resolve(this.events);
        } else if (this.errors.length > 0) {
          clearTimeout(timer);
          this.waiters.delete(check);
          reject(new Error(`subscription failed: ${JSON.stringify(this.errors)}`));
        }
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out with ${this.events.length} events: ${JSON.stringify(this.events.slice(-3))}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  /** Resolves with the first error the subscription receives. */
  error(timeoutMs = 10_000): Promise<LiveError> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const first = this.errors[0];
        if (!first) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(first);
      };
      const timer = setTimeout(() => reject(new Error('no error received')), timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  unsubscribe(): void {
    this.dispose();
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
