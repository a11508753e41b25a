/** Retry delays after a failure: quick first retries, then at most every few seconds. */
export function backoffMs(attempt: number): number {
  return Math.min(100 * 2 ** attempt, 5_000);
}
