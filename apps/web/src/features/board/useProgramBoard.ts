import { useQuery } from '@urql/vue';
import { computed, onScopeDispose, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { debounced, useLive, useLiveWindow, useRecentlyChanged } from '@/composables/useLive';
import { problemOf } from '@/graphql/errors';
import {
  BoardKpisDocument,
  BoardRowChangedDocument,
  BoardTrendDocument,
  ProgramBoardDocument,
  type BoardFilter,
  type YearTargetFieldsFragment,
} from '@/graphql/generated/graphql';
import { applyBoardRowChange, type BoardRowChange, type BoardView } from './board-live';

/** Events kept to re-apply over an answer that was read before them. */
const RECENT_EVENTS = 100;
const TREND_RELOAD_MS = 10_000;

/**
 * The program board of one year, live: each `boardRowChanged` event carries the company's
 * recomputed row and the year's totals, which are applied where they are shown — no reload per
 * event. The board reloads only when the server cannot replay what was missed (RESYNC_REQUIRED, or
 * a reconnect before any event), or under a category filter, whose figures the event does not carry.
 */
export function useProgramBoard(options: {
  programYearId: MaybeRefOrGetter<string | null>;
  filter: MaybeRefOrGetter<BoardFilter>;
  /** The board shows part of the program (a filter, or a viewer who sees some companies): its totals are its own. */
  partial?: MaybeRefOrGetter<boolean>;
}) {
  const variables = () => ({ programYearId: toValue(options.programYearId) ?? '', filter: toValue(options.filter) });
  const query = useQuery({ query: ProgramBoardDocument, variables, pause: () => !toValue(options.programYearId) });
  // A partial board's totals come from the server for its scope and filter; the events carry the
  // whole year's, so a partial board reloads just these after a change.
  const partial = () => toValue(options.partial) ?? false;
  const partialKpis = useQuery({ query: BoardKpisDocument, variables, pause: () => !toValue(options.programYearId) || !partial() });
  const reloadPartialKpis = debounced(() => partialKpis.executeQuery({ requestPolicy: 'network-only' }), 300);
  // The monthly trend changes slowly: after changes it reloads at most every TREND_RELOAD_MS.
  const trend = useQuery({ query: BoardTrendDocument, variables, pause: () => !toValue(options.programYearId) });
  let trendTimer: ReturnType<typeof setTimeout> | null = null;
  function reloadTrendLater() {
    trendTimer ??= setTimeout(() => {
      trendTimer = null;
      trend.executeQuery({ requestPolicy: 'network-only' });
    }, TREND_RELOAD_MS);
  }
  onScopeDispose(() => trendTimer && clearTimeout(trendTimer));
  // Targets as the manager's own mutation answered, until the year is read again at that version.
  const savedTargets = shallowRef<YearTargetFieldsFragment | null>(null);
  const changed = useRecentlyChanged();
  const liveWindow = useLiveWindow();
  const refetch = () => query.executeQuery({ requestPolicy: 'network-only' });
  const refetchSoon = debounced(refetch, 150);

  // The board as shown: the query's answer, then every live event applied to it. An answer read
  // before some events already applied (a filter change, a reload) gets those events again.
  const view = shallowRef<BoardView>({ rows: [], kpis: null });
  const recent: BoardRowChange[] = [];
  function apply(base: BoardView, changes: readonly BoardRowChange[]): BoardView | 'reload' {
    let next = base;
    for (const change of changes) {
      const applied = applyBoardRowChange(next, change, toValue(options.filter));
      if (applied === 'reload') return 'reload';
      next = applied;
    }
    return next;
  }
  watch(
    () => query.data.value,
    (data) => {
      const year = data?.programYear;
      const loaded: BoardView = { rows: year?.board ?? [], kpis: year?.kpis ?? null };
      const missed = recent.filter((change) => change.seq > (data?.liveSequence ?? Number.POSITIVE_INFINITY));
      const next = apply(loaded, missed);
      view.value = next === 'reload' ? loaded : next;
    },
    { immediate: true },
  );

  useLive({
    subscription: BoardRowChangedDocument,
    variables: () => ({ programYearId: toValue(options.programYearId) ?? '' }),
    liveSequence: () => query.data.value?.liveSequence,
    pause: () => !toValue(options.programYearId),
    refetch,
    onEvent: ({ boardRowChanged: change }) => {
      if (change.companyId) changed.mark(change.companyId);
      liveWindow.touch();
      recent.push(change);
      if (recent.length > RECENT_EVENTS) recent.shift();
      const next = apply(view.value, [change]);
      if (next === 'reload') refetchSoon();
      else view.value = next;
      if (partial()) reloadPartialKpis();
      reloadTrendLater();
    },
  });

  const year = computed(() => query.data.value?.programYear ?? null);
  // A year switch is not a live change: forget the marks of the previous year.
  watch(() => toValue(options.programYearId), () => changed.ids.value.clear());

  return {
    query,
    year,
    rows: computed(() => view.value.rows),
    kpis: computed(() => {
      const kpis = view.value.kpis;
      const own = partialKpis.data.value?.programYear.boardKpis;
      if (!kpis || !partial()) return kpis;
      return own ? { ...kpis, totals: own.totals, byCategory: own.byCategory } : null;
    }),
    teams: computed(() => year.value?.expertTeams ?? []),
    /** The whole year's totals (what targets compare with), whatever the board shows. */
    yearTotals: computed(() => view.value.kpis?.totals ?? null),
    targets: computed<YearTargetFieldsFragment | null>(() => {
      const loaded = year.value;
      const saved = savedTargets.value;
      return saved && loaded && saved.id === loaded.id && saved.version > loaded.version ? saved : loaded;
    }),
    takeTargets: (saved: YearTargetFieldsFragment) => (savedTargets.value = saved),
    trend: computed(() => trend.data.value?.programYear.boardTrend ?? []),
    changed,
    live: liveWindow.active,
    refetch,
    problem: computed(() => problemOf(query.error.value)),
    loading: computed(() => query.fetching.value && !query.data.value),
  };
}
