import type { AnyVariables, Client, TypedDocumentNode } from '@urql/core';
import { onScopeDispose, ref, shallowRef, watch } from 'vue';

/** What a page of any connection needs for "more": where it ends. */
export interface PageEnd {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * A register's pages after the first ("more"), each a query kept open on the normalized cache, so
 * a loaded page stays live like the first: its rows change, and rows enter or leave it where the
 * register's filter and order say (graphql/cache.ts places them). Changed variables (a filter, a
 * year) start again from the first page.
 */
export function useLaterPages<Data, Variables extends AnyVariables, Page extends PageEnd>(options: {
  client: Client;
  /** A query for one page after a cursor (`$after`). */
  document: TypedDocumentNode<Data, Variables>;
  /** The register's variables, without the cursor. */
  variables: () => Omit<Variables, 'after'>;
  /** The connection in a page's answer. */
  pageOf: (data: Data) => Page;
  /** The first page's end, as the register's own query read it. */
  firstPage: () => PageEnd['pageInfo'] | undefined;
}) {
  const pages = shallowRef<Page[]>([]);
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
  watch(() => JSON.stringify(options.variables()), reset);
  onScopeDispose(reset);

  function loadMore() {
    const end = pages.value.at(-1)?.pageInfo ?? options.firstPage();
    if (!end?.hasNextPage || !end.endCursor || loading.value) return;
    const index = pages.value.length;
    const opened = generation;
    loading.value = true;
    const variables = { ...options.variables(), after: end.endCursor } as unknown as Variables;
    const subscription = options.client.query(options.document, variables, { requestPolicy: 'cache-and-network' }).subscribe((result) => {
      if (!result.data || opened !== generation) return;
      const next = [...pages.value];
      next[index] = options.pageOf(result.data);
      pages.value = next;
      loading.value = false;
    });
    open[index] = subscription;
  }
  return { pages, loading, loadMore };
}
