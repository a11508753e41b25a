import type { MeasureCategory, ParticipationStatus } from '@ecohub/domain';
import { computed, watch, type Ref } from 'vue';
import { useRoute, useRouter, type LocationQueryRaw } from 'vue-router';
import type { BoardFilter } from '@/graphql/generated/graphql';
import { isSortKey, type BoardSort } from './board-table';

/**
 * The board's view in the URL — year, filters and sort — so a view can be bookmarked and shared:
 * `/board?year=…&team=…&stage=ACTIVE&category=ON_SITE_REUSE&sort=savings&dir=desc`. Changes
 * replace the history entry (a filter click is not a page to go back to).
 */
export function useBoardRouteState(programYear: { yearId: Ref<string | null>; choose: (id: string) => void }) {
  const route = useRoute();
  const router = useRouter();
  const read = (key: string) => (typeof route.query[key] === 'string' ? (route.query[key] as string) : '');
  function update(patch: Record<string, string | null>) {
    const query: LocationQueryRaw = { ...route.query };
    for (const [key, value] of Object.entries(patch)) {
      if (value) query[key] = value;
      else delete query[key];
    }
    void router.replace({ query });
  }
  const field = (key: string) =>
    computed({
      get: () => read(key),
      set: (value: string) => update({ [key]: value || null }),
    });

  const teamId = field('team');
  const stage = field('stage');
  const category = field('category');
  const sort = computed<BoardSort | null>({
    get: (): BoardSort | null => {
      const key = read('sort');
      return isSortKey(key) ? { key, dir: read('dir') === 'asc' ? 'asc' : 'desc' } : null;
    },
    set: (value: BoardSort | null) => update({ sort: value?.key ?? null, dir: value?.dir ?? null }),
  });
  const filter = computed<BoardFilter>(() => ({
    teamId: teamId.value || null,
    status: (stage.value || null) as ParticipationStatus | null,
    category: (category.value || null) as MeasureCategory | null,
  }));
  const filtered = computed(() => !!(teamId.value || stage.value || category.value));

  // The URL's year wins over the one remembered on this device; the shown year goes into the URL.
  watch(
    () => read('year'),
    (year) => {
      if (year && year !== programYear.yearId.value) programYear.choose(year);
    },
    { immediate: true },
  );
  watch(programYear.yearId, (id) => {
    if (id && id !== read('year')) update({ year: id });
  }, { immediate: true });

  function clear() {
    update({ team: null, stage: null, category: null });
  }

  return { teamId, stage, category, sort, filter, filtered, clear };
}
