import { ErrorCode, type Violation } from '@ecohub/domain';
import type { CombinedError } from '@urql/core';

/** What the UI needs from a failed operation: a stable code and the fields to mark. */
export interface ApiProblem {
  code: ErrorCode | 'NETWORK';
  violations: Violation[];
  retryAfterSeconds?: number;
  /** `extensions.reason`: a finer cause under one code (RESYNC_REQUIRED, ACCESS_CHANGED). */
  reason?: string;
}

const KNOWN = new Set<string>(Object.values(ErrorCode));

export function problemOf(error: CombinedError | null | undefined): ApiProblem | null {
  if (!error) return null;
  if (error.networkError && error.graphQLErrors.length === 0) return { code: 'NETWORK', violations: [] };
  const first = error.graphQLErrors[0];
  const code = first?.extensions?.code;
  const violations = (first?.extensions?.violations as Violation[] | undefined) ?? [];
  const retry = first?.extensions?.retryAfterSeconds;
  const reason = first?.extensions?.reason;
  return {
    code: typeof code === 'string' && KNOWN.has(code) ? (code as ErrorCode) : ErrorCode.INTERNAL_SERVER_ERROR,
    violations,
    ...(typeof retry === 'number' ? { retryAfterSeconds: retry } : {}),
    ...(typeof reason === 'string' ? { reason } : {}),
  };
}

export function hasCode(error: CombinedError | null | undefined, code: ErrorCode): boolean {
  return problemOf(error)?.code === code;
}

/** The locale key of the plain-language sentence for a problem. */
export function problemMessageKey(problem: ApiProblem): string {
  return `errors.${problem.code}`;
}

/** Field → locale key of the first rule it broke (`validation.<rule>`), for errors beside inputs. */
export function fieldErrors(problem: ApiProblem | null): Record<string, string> {
  const result: Record<string, string> = {};
  for (const violation of problem?.violations ?? []) {
    result[violation.field] ??= `validation.${violation.rule}`;
  }
  return result;
}
