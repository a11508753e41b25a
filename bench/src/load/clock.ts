/**
 * Milliseconds on the machine's monotonic clock (CLOCK_MONOTONIC, one for every process), with
 * sub-millisecond precision: comparable between the hub's process and the load generator's.
 * Wall-clock time is not: `performance.timeOrigin` is read once per process, so a clock step
 * between two processes' starts (seen here: 13.7 s) shifts one against the other.
 */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
