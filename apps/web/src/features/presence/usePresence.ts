import { useMutation, useSubscription } from '@urql/vue';
import { computed, onBeforeUnmount, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { useAccessChanged } from '@/composables/useAccessChanged';
import { useViewer } from '@/features/auth/session';
import { PresenceDocument, ReportPresenceDocument, type PresencePage, type PresenceState } from '@/graphql/generated/graphql';

/** A report lasts 25 s on the server: repeat it well before that while the state holds. */
const REPORT_AGAIN_MS = 10_000;
/** A presence subscription that failed is opened again after this long. */
const SUBSCRIBE_AGAIN_MS = 2_000;
const ORDER: readonly PresenceState[] = ['VIEWING', 'EDITING', 'TYPING'];

type Send = (state: PresenceState) => void;

/**
 * What the viewer does on each page, from every part of it (an edit form, a comment composer):
 * the most active state is reported, repeated while it holds, and VIEWING once nothing holds.
 */
interface PageReport {
  holds: Map<symbol, PresenceState>;
  sent: PresenceState;
  renewal: ReturnType<typeof setInterval> | null;
}
const reports = new Map<string, PageReport>();

function update(key: string, send: Send) {
  const report = reports.get(key);
  if (!report) return;
  const state = [...report.holds.values()].reduce<PresenceState>((a, b) => (ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a), 'VIEWING');
  if (state === report.sent) return;
  report.sent = state;
  if (report.renewal) clearInterval(report.renewal);
  report.renewal = state === 'VIEWING' ? null : setInterval(() => send(state), REPORT_AGAIN_MS);
  send(state);
}

/**
 * Who else is on a page (a board, a company, a task, a measure), live; the viewer counts as
 * VIEWING while the page is open. `report` tells the others what this part of the page does
 * (EDITING, TYPING, or VIEWING again); `hold` reports EDITING while a condition is true.
 */
export function usePresence(page: PresencePage, id: MaybeRefOrGetter<string>) {
  const { viewer } = useViewer();
  const topic = computed(() => ({ page, id: toValue(id) }));
  const key = computed(() => `${page}:${toValue(id)}`);
  const subscription = useSubscription({ query: PresenceDocument, variables: () => ({ topic: topic.value }) });
  // The page's own data subscription reloads it; presence only has to say why it stopped. Any
  // other failure (a database that did not answer in time) is asked again: presence cannot be
  // resumed from a position, and a page must not go on showing nobody for the rest of its life.
  const accessChanged = useAccessChanged();
  let again: ReturnType<typeof setTimeout> | null = null;
  watch(subscription.error, (error) => {
    if (!error || accessChanged(error) || again) return;
    again = setTimeout(() => {
      again = null;
      subscription.executeSubscription();
    }, SUBSCRIBE_AGAIN_MS);
  });
  onBeforeUnmount(() => again && clearTimeout(again));
  const others = computed(() => (subscription.data.value?.presence.people ?? []).filter((person) => person.personId !== viewer.value?.id));
  const typing = computed(() => others.value.filter((person) => person.state === 'TYPING'));
  const reporting = useMutation(ReportPresenceDocument);
  const self = Symbol('presence');
  const sendFor = (pageTopic: { page: PresencePage; id: string }): Send => (state) => void reporting.executeMutation({ topic: pageTopic, state });

  function report(state: PresenceState) {
    const report = reports.get(key.value) ?? { holds: new Map(), sent: 'VIEWING' as PresenceState, renewal: null };
    reports.set(key.value, report);
    if (state === 'VIEWING') report.holds.delete(self);
    else report.holds.set(self, state);
    update(key.value, sendFor(topic.value));
  }

  function hold(active: MaybeRefOrGetter<boolean>) {
    watch(
      () => toValue(active),
      (on) => report(on ? 'EDITING' : 'VIEWING'),
      { immediate: true },
    );
  }

  function release(pageKey: string, pageTopic: { page: PresencePage; id: string }) {
    const report = reports.get(pageKey);
    if (!report?.holds.delete(self)) return;
    update(pageKey, sendFor(pageTopic));
    if (report.holds.size === 0) reports.delete(pageKey);
  }
  watch(topic, (_now, before) => release(`${before.page}:${before.id}`, before));
  onBeforeUnmount(() => release(key.value, topic.value));
  return { others, typing, report, hold };
}
