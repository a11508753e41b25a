import { useSubscription, type AnyVariables, type TypedDocumentNode } from '@urql/vue';
import { ErrorCode } from '@ecohub/domain';
import { toValue, watch, type MaybeRefOrGetter } from 'vue';
import { problemOf } from '@/graphql/errors';
import type { LiveContext } from '@/graphql/live-exchange';

export interface UseLiveOptions<Data, Variables extends AnyVariables> {
  query: TypedDocumentNode<Data, Variables>;
  variables: MaybeRefOrGetter<Variables>;
  pause?: MaybeRefOrGetter<boolean>;
  /** One event from the server. */
  onEvent: (data: Data) => void;
  /** Reload the page's queries: the server could not replay what happened while we were away. */
  onResync: () => void;
}

/**
 * A subscription that only adds liveness to a page that already works without it. When the
 * server answers CONFLICT (the replay window has passed), the page refetches and subscribes anew.
 */
export function useLive<Data, Variables extends AnyVariables>(options: UseLiveOptions<Data, Variables>) {
  const context: LiveContext = { onResync: options.onResync };
  const subscription = useSubscription<Data, Data, Variables>(
    {
      query: options.query,
      variables: options.variables as MaybeRefOrGetter<Variables>,
      pause: () => toValue(options.pause) ?? false,
      context: context as never,
    } as never,
    (_previous: Data | undefined, data: Data) => {
      options.onEvent(data);
      return data;
    },
  );
  watch(subscription.error, (error) => {
    if (!error) return;
    const problem = problemOf(error);
    if (problem?.code === ErrorCode.CONFLICT || problem?.code === 'NETWORK') {
      options.onResync();
      subscription.executeSubscription();
    }
  });
  return subscription;
}
