import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../testing/index.ts';

describe('realtime layer lifecycle', () => {
  it('shuts down right after starting, while its first outbox reads are still in flight', async () => {
    const hub = await startTestServer({ seeded: false });
    const started = performance.now();
    await hub.close();
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
