/**
 * Which socket closes end the session. Only the server's own refusals do: 4401 (the session ended
 * or was revoked) and 4403 (the person may no longer connect). Everything else — 1006 from a dropped
 * network, 1011 from a crashing proxy or server, 1013 from an overloaded hub, graphql-ws's 4400/4500
 * — is a fault on the way, and the client reconnects and resumes.
 */
export const SESSION_REFUSALS: ReadonlySet<number> = new Set([4401, 4403]);

export interface CloseLike {
  code: number;
  reason: string;
  wasClean?: boolean;
}

export function isCloseLike(value: unknown): value is CloseLike {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'number' && 'reason' in value;
}

export function isSessionRefusal(value: unknown): boolean {
  return isCloseLike(value) && SESSION_REFUSALS.has(value.code);
}

/** 1013 Try Again Later: a code graphql-ws always retries. */
export const RETRYABLE_CLOSE = 1013;

/**
 * graphql-ws gives up for good on many close codes (1011, 1002, 4400, 4500, …) and would leave the
 * page without liveness; we only give up on a session refusal. This rewrites every other close into
 * a retryable one before graphql-ws sees it, keeping the original code in the reason for logs.
 */
export function asRetryableClose<E extends CloseLike>(event: E): CloseLike {
  if (SESSION_REFUSALS.has(event.code) || event.code === RETRYABLE_CLOSE) return event;
  return { code: RETRYABLE_CLOSE, reason: `${event.code}${event.reason ? ` ${event.reason}` : ''}`, wasClean: event.wasClean ?? false };
}

/**
 * A WebSocket class for graphql-ws's `webSocketImpl`: the same socket, except that the handler
 * graphql-ws installs on `onclose` receives `asRetryableClose(event)`.
 */
export function reconnectingWebSocket(Base: typeof WebSocket): typeof WebSocket {
  return class ReconnectingWebSocket extends Base {
    #handler: ((this: WebSocket, event: CloseEvent) => unknown) | null = null;
    override get onclose() {
      return this.#handler;
    }
    override set onclose(handler: ((this: WebSocket, event: CloseEvent) => unknown) | null) {
      this.#handler = handler;
      super.onclose = handler ? (event: CloseEvent) => handler.call(this, asRetryableClose(event) as CloseEvent) : null;
    }
  };
}
