import { ErrorCode, type MeasureStatus } from '@ecohub/domain';
import { useMutation, useQuery } from '@urql/vue';
import { useI18n } from 'vue-i18n';
import { useToasts } from '@/composables/useToasts';
import { computed, onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import type { Client } from '@urql/core';
import { useLive, useLiveWindow, useRecentlyChanged } from '@/composables/useLive';
import { useApi } from '@/graphql/api';
import { problemMessageKey, problemOf } from '@/graphql/errors';
import {
  MeasureChangedDocument,
  MeasuresAfterDocument,
  MeasuresDocument,
  TransitionMeasureDocument,
  type MeasureFilter,
  type MeasureRowFragment,
  type MeasurePageFragment,
} from '@/graphql/generated/graphql';

const PAGE = 200;

/**
 * A filtered register of measures with its totals, kept live at any length: measureChanged carries
 * the row, and the normalized cache changes it, adds it to or takes it from the loaded page its
 * place falls in by the register's filter and order, and adds the totals up again when the loaded
 * pages hold all the register's rows (graphql/cache.ts); while pages are left to load, the totals
 * reload. The changed row is marked.
 */
export function useMeasures(options: {
  filter: MaybeRefOrGetter<MeasureFilter>;
  /** Add the stopped (dropped) measures to the totals' sums too. */
  includeDropped?: MaybeRefOrGetter<boolean>;
  live: MaybeRefOrGetter<{ programYearId?: string | null; companyId?: string | null }>;
  pause?: MaybeRefOrGetter<boolean>;
}) {
  const { client } = useApi();
  const { t } = useI18n();
  const toasts = useToasts();
  const transitionMutation = useMutation(TransitionMeasureDocument);
  const query = useQuery({
    query: MeasuresDocument,
    variables: () => ({ filter: toValue(options.filter), first: PAGE, includeDropped: toValue(options.includeDropped) ?? false }),
    pause: () => toValue(options.pause) ?? false,
  });
  const later = useLaterPages(client, () => ({ filter: toValue(options.filter), first: PAGE }), () => query.data.value?.measures.pageInfo);
  const rows = computed<MeasureRowFragment[]>(() => [
    ...(query.data.value?.measures.edges.map((edge) => edge.node) ?? []),
    ...later.pages.value.flatMap((page) => page.edges.map((edge) => edge.node)),
  ]);
  const changed = useRecentlyChanged();
  const liveWindow = useLiveWindow();
  const refetch = () => query.executeQuery({ requestPolicy: 'network-only' });

  useLive({
    subscription: MeasureChangedDocument,
    variables: () => {
      const scope = toValue(options.live);
      return { programYearId: scope.programYearId ?? null, companyId: scope.companyId ?? null };
    },
    liveSequence: () => query.data.value?.liveSequence,
    pause: () => {
      const scope = toValue(options.live);
      return (toValue(options.pause) ?? false) || (!scope.programYearId && !scope.companyId);
    },
    onEvent: (data) => {
      changed.mark(data.measureChanged.measureId);
      liveWindow.touch();
    },
    refetch,
  });

  /** Every page of the current filter (for export), fetched on demand. */
  async function loadAll(): Promise<MeasureRowFragment[]> {
    const all = [...rows.value];
    const loaded = later.pages.value.at(-1)?.pageInfo ?? query.data.value?.measures.pageInfo;
    let cursor = loaded?.endCursor ?? null;
    let more = loaded?.hasNextPage ?? false;
    while (more) {
      const page = await client
        .query(MeasuresAfterDocument, { filter: toValue(options.filter), first: PAGE, after: cursor }, { requestPolicy: 'network-only' })
        .toPromise();
      if (!page.data) throw page.error ?? new Error('no data');
      all.push(...page.data.measures.edges.map((edge) => edge.node));
      cursor = page.data.measures.pageInfo.endCursor ?? null;
      more = page.data.measures.pageInfo.hasNextPage;
    }
    return all;
  }

  /** Moves a measure to its next status (the answer updates the cache); a lost race reloads the register with a message. */
  async function transition(row: MeasureRowFragment, to: MeasureStatus) {
    const result = await transitionMutation.executeMutation({ id: row.id, to, version: row.version });
    const problem = problemOf(result.error);
    if (!problem) return;
    toasts.show(problem.code === ErrorCode.CONFLICT ? t('errors.CONFLICT') : t(problemMessageKey(problem)), problem.code === ErrorCode.CONFLICT ? 'warning' : 'danger');
    refetch();
  }

  return {
    query,
    transition,
    rows,
    totals: computed(() => query.data.value?.measureTotals ?? null),
    totalCount: computed(() => query.data.value?.measures.totalCount ?? 0),
    problem: computed(() => problemOf(query.error.value)),
    loading: computed(() => query.fetching.value && !query.data.value),
    changed,
    live: liveWindow.active,
    refetch,
    loadAll,
    loadMore: later.loadMore,
    loadingMore: later.loading,
  };
}

/**
 * The register's pages after the first, each a query kept open on the normalized cache, so a
 * loaded page stays live like the first: its rows change, and rows enter or leave it where the
 * register's filter and order say (graphql/cache.ts). A filter change starts again from the first page.
 */
function useLaterPages(client: Client, variables: () => { filter: MeasureFilter; first: number }, firstPage: () => MeasurePageFragment['pageInfo'] | undefined) {
  const pages = shallowRef<MeasurePageFragment[]>([]);
  const loading = ref(false);
  let open: { unsubscribe: () => void }[] = [];
  /** Bumped by a reset: answers of pages opened before it are dropped. */
  let generation = 0;
  function reset() {
    for (const page of open) page.unsubscribe();
    open = [];
    generation += 1;
    pages.value = [];
    loading.value = false;
  }
  watch(() => JSON.stringify(variables()), reset);
  onScopeDispose(reset);

  function loadMore() {
    const end = pages.value.at(-1)?.pageInfo ?? firstPage();
    if (!end?.hasNextPage || !end.endCursor || loading.value) return;
    const index = pages.value.length;
    const opened = generation;
    loading.value = true;
    const subscription = client.query(MeasuresAfterDocument, { ...variables(), after: end.endCursor }, { requestPolicy: 'cache-and-network' }).subscribe((result) => {
      if (!result.data || opened !== generation) return;
      const next = [...pages.value];
      next[index] = result.data.measures;
      pages.value = next;
      loading.value = false;
    });
    open[index] = subscription;
  }
  return { pages, loading, loadMore };
}
