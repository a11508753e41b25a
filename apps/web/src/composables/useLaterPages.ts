import { LIMITS } from '@ecohub/domain';
import type { AnyVariables, Client, CombinedError, TypedDocumentNode } from '@urql/core';
import { useQuery } from '@urql/vue';
import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue';
import { useApi } from '@/graphql/api';

/** What a page of any connection needs for "more": where it ends. */
export interface PageEnd {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** The cursor a page after `end` starts from, or null when nothing follows it. */
function nextCursor(end: PageEnd['pageInfo'] | undefined): string | null {
  return end?.hasNextPage ? (end.endCursor ?? null) : null;
}

/**
 * A list's pages after the first, each a query kept open on the normalized cache, so a loaded page
 * stays live like the first: its rows change, and rows enter or leave it where the list's filter
 * and order say (graphql/cache.ts places them). Pages load on "more" (`loadMore`), or, with
 * `followAll`, one after the other until the last, for views that need the whole set (a board's
 * columns and counts). Changed variables (a filter, a year) start again from the first page; a
 * page whose end moved (read again from the server) drops the pages read after its old end, and
 * with `followAll` they load again from the new one. A page the server did not give is `failed`:
 * following stops there until `refetch` (or "more") asks again.
 */
export function useLaterPages<Data, Variables extends AnyVariables, Page extends PageEnd>(options: {
  client: Client;
  /** A query for one page after a cursor (`$after`). */
  document: TypedDocumentNode<Data, Variables>;
  /** The list's variables, without the cursor. */
  variables: () => Omit<Variables, 'after'>;
  /** The connection in a page's answer. */
  pageOf: (data: Data) => Page;
  /** The first page's end, as the list's own query read it. */
  firstPage: () => PageEnd['pageInfo'] | undefined;
  /** Load every page, not only on "more". */
  followAll?: boolean;
}) {
  const pages = shallowRef<Page[]>([]);
  const loading = ref(false);
  const failed = shallowRef<CombinedError | null>(null);
  /** Each opened page (the one still loading included): the cursor it was read after, and its query. */
  const open = shallowRef<{ after: string; query: { unsubscribe: () => void } }[]>([]);

  /** Closes the opened pages from `index` on. */
  function dropFrom(index: number) {
    for (const page of open.value.slice(index)) page.query.unsubscribe();
    open.value = open.value.slice(0, index);
    if (pages.value.length > index) pages.value = pages.value.slice(0, index);
    loading.value = false;
    failed.value = null;
  }
  const reset = () => dropFrom(0);
  watch(() => JSON.stringify(options.variables()), reset);
  onScopeDispose(reset);

  /** Where the page at `index` starts, as the page before it now ends. */
  const startOf = (index: number) => nextCursor(index === 0 ? options.firstPage() : pages.value[index - 1]?.pageInfo);
  // A page that no longer starts where the page before it ends shows rows twice or leaves a gap.
  watch(
    () => open.value.findIndex((page, index) => index <= pages.value.length && page.after !== startOf(index)),
    (broken) => {
      if (broken >= 0) dropFrom(broken);
    },
  );

  function loadMore() {
    const index = pages.value.length;
    const after = startOf(index);
    if (!after || loading.value) return;
    // A page asked again after it failed: its first query is closed.
    dropFrom(index);
    loading.value = true;
    const variables = { ...options.variables(), after } as unknown as Variables;
    const query = options.client.query(options.document, variables, { requestPolicy: 'cache-and-network' }).subscribe((result) => {
      if (!result.data) {
        if (result.error) {
          failed.value = result.error;
          loading.value = false;
        }
        return;
      }
      const next = [...pages.value];
      next[index] = options.pageOf(result.data);
      pages.value = next;
      loading.value = false;
    });
    open.value = [...open.value.slice(0, index), { after, query }];
  }

  if (options.followAll) {
    watch(
      () => !loading.value && !failed.value && startOf(pages.value.length),
      (after) => {
        if (after) loadMore();
      },
      { immediate: true },
    );
  }

  /** Reads the loaded pages again from the server (the open queries show the answers); a failed page is asked again. */
  function refetch() {
    failed.value = null;
    for (const page of open.value.slice(0, pages.value.length)) {
      void options.client.query(options.document, { ...options.variables(), after: page.after } as unknown as Variables, { requestPolicy: 'network-only' }).toPromise();
    }
  }

  return { pages, loading, failed, loadMore, refetch };
}

/** A page of a connection whose rows a view shows. */
export interface RowsPage<Node> extends PageEnd {
  totalCount: number;
  edges: readonly { node: Node }[];
}

/**
 * A whole list for views that need every row (a board's columns and counts, a picker, a list
 * grouped by urgency): its first page, then every page after it, each kept live on the normalized
 * cache, read in the largest pages the server gives (`LIMITS.pageSize`).
 */
export function useEveryPage<FirstData, Data, Variables extends AnyVariables, Node>(options: {
  /** The first page, with whatever else the view reads once (`liveSequence`). */
  query: TypedDocumentNode<FirstData, Omit<Variables, 'after'>>;
  /** A page after a cursor (`$after`). */
  after: TypedDocumentNode<Data, Variables>;
  /** The list's variables, without the page size and the cursor. */
  variables: () => Omit<Variables, 'after' | 'first'>;
  firstPageOf: (data: FirstData) => RowsPage<Node>;
  pageOf: (data: Data) => RowsPage<Node>;
}) {
  const { client } = useApi();
  const variables = () => ({ ...options.variables(), first: LIMITS.pageSize }) as Omit<Variables, 'after'>;
  const query = useQuery({ query: options.query, variables });
  const firstPage = computed(() => (query.data.value ? options.firstPageOf(query.data.value) : undefined));
  const later = useLaterPages({ client, document: options.after, variables, pageOf: options.pageOf, firstPage: () => firstPage.value?.pageInfo, followAll: true });
  const rows = computed<Node[]>(() => [firstPage.value, ...later.pages.value].flatMap((page) => page?.edges.map((edge) => edge.node) ?? []));
  function refetch() {
    query.executeQuery({ requestPolicy: 'network-only' });
    later.refetch();
  }
  return {
    query,
    rows,
    /** The list's count as the server gives it (kept live with the pages): rows still to come count too. */
    totalCount: computed(() => firstPage.value?.totalCount ?? 0),
    /** A later page the server did not give: the rows are not all there. */
    laterPageProblem: computed(() => later.failed.value),
    refetch,
  };
}
