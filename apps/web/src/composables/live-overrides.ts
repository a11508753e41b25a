import { ref } from 'vue';

interface Versioned {
  id: string;
  version: number;
}

/**
 * Records delivered by live events, shown before the page's query catches up: a newer version
 * replaces the loaded one, null hides a deleted one, and an unknown id is appended. Once the
 * query reloads with that version (or newer), the loaded record wins again.
 */
export function useLiveOverrides<T extends Versioned>() {
  const overrides = ref(new Map<string, T | null>()) as unknown as { value: Map<string, T | null> };

  function put(id: string, record: T | null) {
    overrides.value = new Map(overrides.value).set(id, record);
  }

  function merge(loaded: readonly T[]): T[] {
    if (overrides.value.size === 0) return [...loaded];
    const seen = new Set<string>();
    const result: T[] = [];
    for (const record of loaded) {
      seen.add(record.id);
      if (!overrides.value.has(record.id)) {
        result.push(record);
        continue;
      }
      const live = overrides.value.get(record.id);
      if (live === null) continue;
      result.push(live && live.version > record.version ? live : record);
    }
    for (const [id, live] of overrides.value) if (live && !seen.has(id)) result.push(live);
    return result;
  }

  /** Forget overrides the loaded data has caught up with. */
  function settle(loaded: readonly T[]) {
    const byId = new Map(loaded.map((record) => [record.id, record]));
    const next = new Map(overrides.value);
    for (const [id, live] of next) {
      const current = byId.get(id);
      if (live === null ? !current : current && current.version >= live.version) next.delete(id);
    }
    if (next.size !== overrides.value.size) overrides.value = next;
  }

  return { put, merge, settle };
}
