import { useQuery } from '@urql/vue';
import { computed, ref, watch } from 'vue';
import { useLive } from '@/composables/useLive';
import { NotificationAddedDocument, UnreadNotificationCountDocument } from '@/graphql/generated/graphql';

/** Notifications this browser marked read since the count was last loaded (the mutation's answer). */
const readHere = ref(0);

/** Called with `markNotificationsRead`'s answer (how many changed): the bell follows at once. */
export function notificationsMarkedRead(count: number): void {
  readHere.value += count;
}

/**
 * The unread count: loaded once, then counted from `notificationAdded` events (the viewer's own
 * notifications only) and the viewer's own mark-read answers — no query per event. It reloads
 * only when the server cannot replay what was missed.
 */
export function useUnreadNotificationCount() {
  const query = useQuery({ query: UnreadNotificationCountDocument, requestPolicy: 'network-only' });
  const added = ref<number[]>([]);
  const reload = () => query.executeQuery({ requestPolicy: 'network-only' });
  watch(query.data, () => (readHere.value = 0));
  useLive({
    subscription: NotificationAddedDocument,
    variables: () => ({}),
    liveSequence: () => query.data.value?.liveSequence,
    onEvent: (data) => {
      if (!data.notificationAdded.notification.readAt) added.value = [...added.value, data.notificationAdded.seq];
    },
    refetch: reload,
  });
  const count = computed(() => {
    const loaded = query.data.value;
    if (!loaded) return 0;
    const since = loaded.liveSequence;
    return Math.max(0, loaded.unreadNotificationCount + added.value.filter((seq) => seq > since).length - readHere.value);
  });
  return { count, reload };
}
