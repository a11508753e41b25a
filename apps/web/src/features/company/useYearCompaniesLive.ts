import { toValue, type MaybeRefOrGetter } from 'vue';
import { useLive } from '@/composables/useLive';
import { useProgramYear } from '@/features/program/useProgramYear';
import { YearCompaniesChangedDocument } from '@/graphql/generated/graphql';

/**
 * Company edits of the year the user works in, subscribed once by the shell rather than per page:
 * the normalized cache applies each edited company once, so the measures register, my tasks,
 * events, the activity feed, notifications and teams all show the new name without a reload. The
 * server sends each viewer only the companies it lets them see. The subscription starts where the
 * year list was read (a year-wide page reads its data after that) and follows a change of year.
 */
export function useYearCompaniesLive(signedIn: MaybeRefOrGetter<boolean>) {
  const programYear = useProgramYear({ pause: () => !toValue(signedIn) });
  useLive({
    subscription: YearCompaniesChangedDocument,
    variables: () => ({ programYearId: programYear.yearId.value ?? '' }),
    liveSequence: () => programYear.programs.data.value?.liveSequence,
    pause: () => !toValue(signedIn) || !programYear.yearId.value,
    refetch: () => programYear.programs.executeQuery({ requestPolicy: 'network-only' }),
  });
}
