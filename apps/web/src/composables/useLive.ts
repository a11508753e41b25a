import { useSubscription, type AnyVariables, type TypedDocumentNode } from '@urql/vue';
import { ErrorCode } from '@ecohub/domain';
import { computed, ref, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { problemOf } from '@/graphql/errors';
import type { LiveContext } from '@/graphql/live-exchange';
import { useAccessChanged } from './useAccessChanged';

type WithoutSince<V> = Omit<V, 'since'>;

export interface UseLiveOptions<Data, Variables extends AnyVariables> {
  subscription: TypedDocumentNode<Data, Variables>;
  /** The subscription's arguments except `since`. */
  variables: MaybeRefOrGetter<WithoutSince<Variables>>;
  /** `liveSequence` from the page's query: the event position its data reflects. */
  liveSequence: MaybeRefOrGetter<number | null | undefined>;
  pause?: MaybeRefOrGetter<boolean>;
  /**
   * One event from the server (also the replayed ones after a reconnect), after the normalized
   * cache has applied it (graphql/cache.ts); pages that need nothing more leave it out.
   */
  onEvent?: (data: Data) => void;
  /** Reload the page's data: the server cannot replay what was missed. */
  refetch: () => void;
}

/**
 * Liveness on top of a page that works without it. The subscription starts from the position
 * the page's data was read at (`liveSequence`), so nothing between the query and the subscribe
 * is lost; the exchange resumes it after reconnects. When the server says the replay window has
 * passed (CONFLICT, RESYNC_REQUIRED), the page refetches and subscribes again from its new position.
 * When it ends the subscription because the viewer's access changed (FORBIDDEN, ACCESS_CHANGED),
 * the page refetches and stays without liveness (useAccessChanged).
 */
export function useLive<Data, Variables extends AnyVariables>(options: UseLiveOptions<Data, Variables>) {
  const since = ref<number | null>(null);
  watch(
    () => toValue(options.liveSequence),
    (sequence) => {
      if (since.value === null && typeof sequence === 'number') since.value = sequence;
    },
    { immediate: true },
  );
  function resync() {
    since.value = null;
    options.refetch();
  }
  const context: LiveContext = { onResync: resync };
  const accessChanged = useAccessChanged();
  const variables = computed(() => ({ ...toValue(options.variables), since: since.value }) as unknown as Variables);
  const subscription = useSubscription<Data, Data, Variables>(
    {
      query: options.subscription,
      variables,
      pause: () => since.value === null || (toValue(options.pause) ?? false),
      context: context as never,
    } as never,
    (_previous: Data | undefined, data: Data) => {
      options.onEvent?.(data);
      return data;
    },
  );
  watch(subscription.error, (error) => {
    if (accessChanged(error)) return options.refetch();
    const problem = problemOf(error);
    if (problem?.code === ErrorCode.CONFLICT) resync();
  });
  return subscription;
}

/** Ids that changed recently, for a subtle highlight that fades by itself. */
export function useRecentlyChanged(durationMs = 2500) {
  const ids = ref(new Set<string>());
  function mark(id: string | null | undefined) {
    if (!id) return;
    ids.value = new Set(ids.value).add(id);
    setTimeout(() => {
      const next = new Set(ids.value);
      next.delete(id);
      ids.value = next;
    }, durationMs);
  }
  return { ids, mark, has: (id: string) => ids.value.has(id) };
}

/** True for a few seconds after a live event: figures that change meanwhile glow. */
export function useLiveWindow(durationMs = 3000) {
  const active = ref(false);
  let timer: ReturnType<typeof setTimeout> | null = null;
  function touch() {
    active.value = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => (active.value = false), durationMs);
  }
  return { active, touch };
}

/** Collapses a burst of events into one refetch. */
export function debounced(fn: () => void, ms = 120): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fn();
    }, ms);
  };
}
