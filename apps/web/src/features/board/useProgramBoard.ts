import { useQuery } from '@urql/vue';
import { computed, onScopeDispose, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { useLive, useLiveWindow, useRecentlyChanged } from '@/composables/useLive';
import { problemOf } from '@/graphql/errors';
import { BoardRowChangedDocument, BoardTrendDocument, ProgramBoardDocument, type BoardFilter, type YearTargetFieldsFragment } from '@/graphql/generated/graphql';
import { categoryView, placeRow, totalsOfRows, type BoardRowChange, type BoardRowData } from './board-live';

/** Events kept to re-apply over an answer that was read before them. */
const RECENT_EVENTS = 100;
const TREND_RELOAD_MS = 10_000;

/**
 * The program board of one year, live. Its rows live in the normalized cache (by id, the newer
 * version winning); each `boardRowChanged` event carries the company's row with its figures per
 * category and the year's totals, which the cache applies to every cached board (graphql/cache.ts).
 * A board that shows part of the program (a filter, or a viewer who sees some companies) totals
 * its own rows. Nothing reloads per event: only when the server cannot replay what was missed
 * (RESYNC_REQUIRED, or a reconnect beyond the window).
 */
export function useProgramBoard(options: {
  programYearId: MaybeRefOrGetter<string | null>;
  filter: MaybeRefOrGetter<BoardFilter>;
  /** The board shows part of the program (a filter, or a viewer who sees some companies): its totals are its own. */
  partial?: MaybeRefOrGetter<boolean>;
}) {
  const partial = () => toValue(options.partial) ?? false;
  const variables = () => ({ programYearId: toValue(options.programYearId) ?? '', filter: toValue(options.filter) });
  // Rows carry their per-category figures only where the board totals its own rows (or shows one category).
  const withCategories = () => partial() || Boolean(toValue(options.filter).category);
  const query = useQuery({ query: ProgramBoardDocument, variables: () => ({ ...variables(), withCategories: withCategories() }), pause: () => !toValue(options.programYearId) });
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

  // Events newer than the answer (one read before them: a filter change, a reload) are applied
  // over it again; over an answer the cache already updated they change nothing.
  const recent = shallowRef<readonly BoardRowChange[]>([]);
  const missed = computed(() => {
    const since = query.data.value?.liveSequence ?? Number.POSITIVE_INFINITY;
    return recent.value.filter((change) => change.seq > since);
  });
  const rows = computed(() => {
    const filter = toValue(options.filter);
    let rows: readonly BoardRowData[] = query.data.value?.programYear?.board ?? [];
    for (const change of missed.value) {
      // A copy older than one already seen arrives as its identity only (versionGuardExchange): its newer copy placed it.
      if (change.companyId && (!change.row || 'company' in change.row)) {
        rows = placeRow(rows, change.companyId, change.row, filter);
        // A row the cached list does not hold yet (it joined the board by an event) is this
        // event's copy: a later event's copy replaces it, or it would keep its first fields.
        const fresh = change.row;
        if (fresh) rows = rows.map((shown) => (shown.company.id === change.companyId && shown !== fresh && shown.version <= fresh.version ? fresh : shown));
      }
    }
    return filter.category ? rows.map((row) => categoryView(row, filter.category)) : rows;
  });
  const yearKpis = computed(() => {
    const loaded = query.data.value?.programYear?.kpis ?? null;
    const latest = missed.value.at(-1);
    return loaded && latest ? { ...loaded, totals: latest.totals, byCategory: latest.byCategory, budget: latest.budget } : loaded;
  });

  useLive({
    subscription: BoardRowChangedDocument,
    variables: () => ({ programYearId: toValue(options.programYearId) ?? '', withCategories: withCategories() }),
    liveSequence: () => query.data.value?.liveSequence,
    pause: () => !toValue(options.programYearId),
    refetch,
    onEvent: ({ boardRowChanged: change }) => {
      if (change.companyId) changed.mark(change.companyId);
      liveWindow.touch();
      recent.value = [...recent.value.slice(1 - RECENT_EVENTS), change];
      reloadTrendLater();
    },
  });

  const year = computed(() => query.data.value?.programYear ?? null);
  // A year switch is not a live change: forget the marks of the previous year.
  watch(() => toValue(options.programYearId), () => changed.ids.value.clear());

  return {
    query,
    year,
    rows,
    kpis: computed(() => {
      const kpis = yearKpis.value;
      return kpis && partial() ? { ...kpis, ...totalsOfRows(rows.value, toValue(options.filter).category) } : kpis;
    }),
    teams: computed(() => year.value?.expertTeams ?? []),
    /** The whole year's totals (what targets compare with), whatever the board shows. */
    yearTotals: computed(() => yearKpis.value?.totals ?? null),
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
