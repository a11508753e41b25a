import { useQuery } from '@urql/vue';
import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import { useLaterPages } from '@/composables/useLaterPages';
import { useLive, useRecentlyChanged } from '@/composables/useLive';
import { useApi } from '@/graphql/api';
import { problemOf } from '@/graphql/errors';
import { CompanyRegisterAfterDocument, CompanyRegisterChangedDocument, CompanyRegisterDocument, type CompanyRegisterRowFragment } from '@/graphql/generated/graphql';

/** A page of the register: "more" reads the rest, a page at a time. */
export const REGISTER_PAGE = 100;

/**
 * Every company of a program year, page by page, kept live at any length: participationChanged
 * carries the register's row, and the normalized cache changes it in place, or puts a company that
 * joins the year into the loaded page its application day falls in (graphql/cache.ts), so neither
 * the first nor any later page reloads.
 */
export function useCompanyRegister(options: { programYearId: MaybeRefOrGetter<string | null | undefined> }) {
  const { client } = useApi();
  const first = REGISTER_PAGE;
  const variables = () => ({ programYearId: toValue(options.programYearId) ?? '', first });
  const query = useQuery({
    query: CompanyRegisterDocument,
    variables,
    pause: () => !toValue(options.programYearId),
    requestPolicy: 'cache-and-network',
  });
  const later = useLaterPages({
    client,
    document: CompanyRegisterAfterDocument,
    variables,
    pageOf: (data) => data.participations,
    firstPage: () => query.data.value?.participations.pageInfo,
  });
  const rows = computed<CompanyRegisterRowFragment[]>(() => [
    ...(query.data.value?.participations.edges.map((edge) => edge.node) ?? []),
    ...later.pages.value.flatMap((page) => page.edges.map((edge) => edge.node)),
  ]);
  const totalCount = computed(() => query.data.value?.participations.totalCount ?? 0);
  const changed = useRecentlyChanged();
  const refetch = () => query.executeQuery({ requestPolicy: 'network-only' });

  useLive({
    subscription: CompanyRegisterChangedDocument,
    variables: () => ({ programYearId: toValue(options.programYearId) ?? '' }),
    liveSequence: () => query.data.value?.liveSequence,
    pause: () => !toValue(options.programYearId),
    onEvent: (data) => changed.mark(data.participationChanged.participationId),
    refetch,
  });

  return {
    query,
    rows,
    totalCount,
    /** How many rows "more" would add: the rest, up to a page. */
    nextPageSize: computed(() => Math.min(first, Math.max(0, totalCount.value - rows.value.length))),
    problem: computed(() => problemOf(query.error.value)),
    changed,
    refetch,
    loadMore: later.loadMore,
    loadingMore: later.loading,
  };
}
