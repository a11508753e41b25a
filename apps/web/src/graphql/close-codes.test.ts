import { describe, expect, it } from 'vitest';
import { asRetryableClose, isSessionRefusal, reconnectingWebSocket, RETRYABLE_CLOSE } from './close-codes';

describe('socket close codes', () => {
  it('ends the session only for the server’s refusals 4401 and 4403', () => {
    expect(isSessionRefusal({ code: 4401, reason: 'Unauthorized' })).toBe(true);
    expect(isSessionRefusal({ code: 4403, reason: 'Forbidden' })).toBe(true);
    for (const code of [1000, 1006, 1011, 1013, 4400, 4499, 4500]) expect(isSessionRefusal({ code, reason: '' })).toBe(false);
    expect(isSessionRefusal(new Error('network'))).toBe(false);
  });

  it('turns every other close into one graphql-ws retries, keeping the original code in the reason', () => {
    expect(asRetryableClose({ code: 1011, reason: 'Internal Error' })).toEqual({ code: RETRYABLE_CLOSE, reason: '1011 Internal Error', wasClean: false });
    expect(asRetryableClose({ code: 4500, reason: '' }).code).toBe(RETRYABLE_CLOSE);
    const refusal = { code: 4401, reason: 'Unauthorized', wasClean: true };
    expect(asRetryableClose(refusal)).toBe(refusal);
  });

  it('hands graphql-ws’s close handler the rewritten event', () => {
    class FakeSocket extends EventTarget {
      #onclose: ((event: CloseEvent) => unknown) | null = null;
      get onclose() {
        return this.#onclose;
      }
      set onclose(handler: ((event: CloseEvent) => unknown) | null) {
        this.#onclose = handler;
      }
      fire(code: number, reason: string) {
        this.#onclose?.({ code, reason, wasClean: false } as CloseEvent);
      }
    }
    const Socket = reconnectingWebSocket(FakeSocket as unknown as typeof WebSocket);
    const socket = new Socket('ws://x') as unknown as FakeSocket;
    const seen: { code: number; reason: string }[] = [];
    socket.onclose = (event: CloseEvent) => seen.push({ code: event.code, reason: event.reason });
    socket.fire(1011, 'boom');
    socket.fire(4403, 'Forbidden');
    expect(seen).toEqual([
      { code: RETRYABLE_CLOSE, reason: '1011 boom' },
      { code: 4403, reason: 'Forbidden' },
    ]);
    expect(typeof socket.onclose).toBe('function');
  });
});
