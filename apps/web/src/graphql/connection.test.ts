import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectionStatus, retryDelay, waitBeforeRetry } from './connection';

function setOnline(online: boolean) {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

describe('the socket’s reconnect timing', () => {
  afterEach(() => {
    setOnline(true);
    vi.useRealTimers();
  });

  it('backs off exponentially with jitter, capped at 15 s', () => {
    expect(retryDelay(0, () => 0)).toBe(250);
    expect(retryDelay(0, () => 1)).toBe(500);
    expect(retryDelay(3, () => 1)).toBe(4000);
    expect(retryDelay(20, () => 1)).toBe(15_000);
  });

  it('waits the backoff while the network is up', async () => {
    vi.useFakeTimers();
    let done = false;
    void waitBeforeRetry(3).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(1900);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(2200);
    expect(done).toBe(true);
  });

  it('offline, waits for the network and reconnects the moment it is back, not at the end of a backoff', async () => {
    vi.useFakeTimers();
    setOnline(false);
    expect(connectionStatus.value).toBe('offline');
    let done = false;
    void waitBeforeRetry(10).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(done).toBe(false);
    setOnline(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
    expect(connectionStatus.value).toBe('reconnecting');
  });
});
