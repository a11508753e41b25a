import { useQuery } from '@urql/vue';
import { computed, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { debounced, useLive, useLiveWindow, useRecentlyChanged } from '@/composables/useLive';
import { problemOf } from '@/graphql/errors';
import {
  MeasureChangedDocument,
  ParticipationChangedDocument,
  ProgramBoardDocument,
  TaskChangedDocument,
  type BoardFilter,
} from '@/graphql/generated/graphql';

/**
 * The program board of one year, live: any task, measure or participation change in the year
 * refetches the rows and the totals (the server computes every figure) and marks the company
 * whose row changed.
 */
export function useProgramBoard(options: { programYearId: MaybeRefOrGetter<string | null>; filter: MaybeRefOrGetter<BoardFilter> }) {
  const query = useQuery({
    query: ProgramBoardDocument,
    variables: () => ({ programYearId: toValue(options.programYearId) ?? '', filter: toValue(options.filter) }),
    pause: () => !toValue(options.programYearId),
  });
  const changed = useRecentlyChanged();
  const liveWindow = useLiveWindow();
  const refetch = () => query.executeQuery({ requestPolicy: 'network-only' });
  const refetchSoon = debounced(refetch, 150);
  const onEvent = (companyId: string) => {
    changed.mark(companyId);
    liveWindow.touch();
    refetchSoon();
  };
  const scope = () => ({ programYearId: toValue(options.programYearId) ?? '' });
  const liveSequence = () => query.data.value?.liveSequence;
  const pause = () => !toValue(options.programYearId);

  useLive({ subscription: TaskChangedDocument, variables: scope, liveSequence, pause, refetch, onEvent: (data) => onEvent(data.taskChanged.companyId) });
  useLive({ subscription: MeasureChangedDocument, variables: scope, liveSequence, pause, refetch, onEvent: (data) => onEvent(data.measureChanged.companyId) });
  useLive({
    subscription: ParticipationChangedDocument,
    variables: scope,
    liveSequence,
    pause,
    refetch,
    onEvent: (data) => onEvent(data.participationChanged.companyId),
  });

  const year = computed(() => query.data.value?.programYear ?? null);
  // A year switch is not a live change: forget the marks of the previous year.
  watch(() => toValue(options.programYearId), () => changed.ids.value.clear());

  return {
    query,
    year,
    rows: computed(() => year.value?.board ?? []),
    kpis: computed(() => year.value?.kpis ?? null),
    teams: computed(() => year.value?.expertTeams ?? []),
    changed,
    live: liveWindow.active,
    refetch,
    problem: computed(() => problemOf(query.error.value)),
    loading: computed(() => query.fetching.value && !query.data.value),
  };
}
