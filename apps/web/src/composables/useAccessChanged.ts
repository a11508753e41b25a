import { ACCESS_CHANGED, ErrorCode } from '@ecohub/domain';
import type { CombinedError } from '@urql/vue';
import { useI18n } from 'vue-i18n';
import { markAccessChanged } from '@/graphql/connection';
import { problemOf } from '@/graphql/errors';
import { useToasts } from './useToasts';

/**
 * Recognizes a live subscription the server ended because the viewer's access changed (they no
 * longer see the company it was opened for): the header stops saying "live", one notice says
 * why, and the caller reloads the page's data, which then shows what the viewer may still see.
 * Not a sign-out: the session is still valid.
 */
export function useAccessChanged() {
  const { t } = useI18n();
  const { show } = useToasts();
  return (error: CombinedError | null | undefined): boolean => {
    const problem = problemOf(error);
    if (problem?.code !== ErrorCode.FORBIDDEN || problem.reason !== ACCESS_CHANGED) return false;
    if (markAccessChanged()) show(t('connection.accessChangedNotice'), 'warning', 10_000);
    return true;
  };
}
