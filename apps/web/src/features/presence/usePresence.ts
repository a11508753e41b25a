import { useMutation, useSubscription } from '@urql/vue';
import { computed, onBeforeUnmount, toValue, type MaybeRefOrGetter } from 'vue';
import { useViewer } from '@/features/auth/session';
import { PresenceDocument, ReportPresenceDocument, type PresencePage, type PresenceState } from '@/graphql/generated/graphql';

/** A report lasts 25 s on the server: repeat it well before that while the state holds. */
const REPORT_AGAIN_MS = 10_000;

/**
 * Who else is on a page (a board, a company, a task, a measure), live; the viewer counts as
 * VIEWING while the page is open. `report` tells the others the viewer is EDITING or TYPING
 * (repeated while it holds) or back to VIEWING.
 */
export function usePresence(page: PresencePage, id: MaybeRefOrGetter<string>) {
  const { viewer } = useViewer();
  const topic = computed(() => ({ page, id: toValue(id) }));
  const subscription = useSubscription({ query: PresenceDocument, variables: () => ({ topic: topic.value }) });
  const others = computed(() => (subscription.data.value?.presence.people ?? []).filter((person) => person.personId !== viewer.value?.id));
  const typing = computed(() => others.value.filter((person) => person.state === 'TYPING'));
  const reporting = useMutation(ReportPresenceDocument);
  let current: PresenceState = 'VIEWING';
  let lastSent = 0;

  function report(state: PresenceState) {
    const now = Date.now();
    if (state === current && (state === 'VIEWING' || now - lastSent < REPORT_AGAIN_MS)) return;
    current = state;
    lastSent = now;
    void reporting.executeMutation({ topic: topic.value, state });
  }
  onBeforeUnmount(() => {
    if (current !== 'VIEWING') report('VIEWING');
  });
  return { others, typing, report };
}
