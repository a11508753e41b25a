import { useQuery } from '@urql/vue';
import { computed, ref, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { todayLocalDate } from '@/composables/useFormat';
import { ProgramsDocument, type ProgramsQuery } from '@/graphql/generated/graphql';

type Program = ProgramsQuery['programs'][number];
type Year = Program['years'][number];

export interface YearChoice {
  program: Program;
  year: Year;
}

const STORAGE_KEY = 'ecohub.programYear';
const chosenId = ref<string | null>(readStored());

function readStored(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/**
 * The program year a page is about when the URL does not say: the one chosen on this device,
 * else the one running today, else the latest one with a budget (a finished program's last
 * active year), else the first.
 */
export function defaultYear(programs: readonly Program[], today: string): YearChoice | null {
  const all = programs.flatMap((program) => program.years.map((year) => ({ program, year })));
  return (
    all.find(({ year }) => year.startsOn <= today && today <= year.endsOn) ??
    [...all].reverse().find(({ year }) => year.startsOn <= today && year.plannedTotalKrw > 0) ??
    all[0] ??
    null
  );
}

/** `pause`: while there is nobody to read the years for (the shell of an anonymous visitor). */
export function useProgramYear(options: { pause?: MaybeRefOrGetter<boolean> } = {}) {
  const programs = useQuery({ query: ProgramsDocument, pause: () => toValue(options.pause) ?? false });
  const choices = computed<YearChoice[]>(() =>
    (programs.data.value?.programs ?? []).flatMap((program) => program.years.map((year) => ({ program, year }))),
  );
  const current = computed<YearChoice | null>(
    () =>
      choices.value.find((choice) => choice.year.id === chosenId.value) ??
      defaultYear(programs.data.value?.programs ?? [], todayLocalDate()),
  );
  watch(chosenId, (id) => {
    try {
      if (id) globalThis.localStorage?.setItem(STORAGE_KEY, id);
    } catch {
      // Storage may be refused; the choice then lasts for this visit.
    }
  });
  return {
    programs,
    choices,
    current,
    yearId: computed(() => current.value?.year.id ?? null),
    choose(id: string) {
      chosenId.value = id;
    },
  };
}
