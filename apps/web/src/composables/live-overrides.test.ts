import { describe, expect, it } from 'vitest';
import { useLiveOverrides } from './live-overrides';

describe('live overrides', () => {
  it('shows newer, new and deleted records from events until the loaded data catches up', () => {
    const live = useLiveOverrides<{ id: string; version: number; title: string }>();
    const loaded = [
      { id: 'a', version: 1, title: 'A' },
      { id: 'b', version: 1, title: 'B' },
    ];
    live.put('a', { id: 'a', version: 2, title: 'A2' });
    live.put('b', null);
    live.put('c', { id: 'c', version: 1, title: 'C' });
    expect(live.merge(loaded).map((r) => r.title)).toEqual(['A2', 'C']);

    const reloaded = [{ id: 'a', version: 2, title: 'A2' }, { id: 'c', version: 1, title: 'C' }];
    live.settle(reloaded);
    expect(live.merge(reloaded).map((r) => r.title)).toEqual(['A2', 'C']);
    // An older event does not undo what was loaded.
    live.put('a', { id: 'a', version: 1, title: 'old' });
    expect(live.merge(reloaded).map((r) => r.title)).toEqual(['A2', 'C']);
  });
});
