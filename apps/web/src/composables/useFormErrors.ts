import { ErrorCode, type Violation } from '@ecohub/domain';
import type { CombinedError } from '@urql/core';
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { problemMessageKey, problemOf } from '@/graphql/errors';
import { useFormat } from './useFormat';
import { useToasts } from './useToasts';

/**
 * Errors of one form: the first broken rule of each field, as a sentence that states what is
 * allowed (limits formatted in the UI language), whether the client's own check or the API found it.
 * A failure with no field to mark becomes a toast (CONFLICT: someone else changed it first).
 */
export function useFormErrors() {
  const { t } = useI18n();
  const format = useFormat();
  const toasts = useToasts();
  const errors = ref<Record<string, string>>({});

  function sentence(violation: Violation): string {
    if (!violation.params) return t(`validation.${violation.rule}`);
    // A rule that states its limits has its own sentence ("At most 200 characters."), the bare rule a generic one.
    const params = Object.fromEntries(Object.entries(violation.params).map(([key, value]) => [key, format.value.integer(value)]));
    return t(`validation.${violation.rule}Limits`, params);
  }

  /** Shows the violations beside their fields; true when there were any. */
  function show(violations: readonly Violation[]): boolean {
    const next: Record<string, string> = {};
    for (const violation of violations) next[violation.field] ??= sentence(violation);
    errors.value = next;
    return violations.length > 0;
  }

  /** Shows what went wrong with a mutation; true when it failed. */
  function failed(error: CombinedError | null | undefined): boolean {
    const problem = problemOf(error);
    if (!problem) return false;
    if (show(problem.violations)) return true;
    toasts.show(t(problemMessageKey(problem)), problem.code === ErrorCode.CONFLICT ? 'warning' : 'danger');
    return true;
  }

  return { errors, show, failed, clear: () => (errors.value = {}) };
}

/** A typed amount: empty is null, commas are allowed as people type them, anything else may be NaN. */
export function numberOrNull(value: string): number | null {
  const trimmed = value.replace(/,/g, '').trim();
  return trimmed === '' ? null : Number(trimmed);
}
