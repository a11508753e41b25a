/** Latency samples in milliseconds; percentiles by sorting (a run keeps at most ~10⁶). */
export class Samples {
  private values = new Float64Array(1024);
  private size = 0;

  add(ms: number): void {
    if (this.size === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.size++] = ms;
  }

  get count(): number {
    return this.size;
  }

  summary(): LatencySummary {
    if (this.size === 0) return { count: 0, p50: null, p99: null, max: null, mean: null };
    const sorted = this.values.slice(0, this.size).sort();
    let sum = 0;
    for (const value of sorted) sum += value;
    const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number);
    return { count: this.size, p50: at(0.5), p99: at(0.99), max: round(sorted[sorted.length - 1] as number), mean: round(sum / this.size) };
  }
}

export interface LatencySummary {
  count: number;
  p50: number | null;
  p99: number | null;
  max: number | null;
  mean: number | null;
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
