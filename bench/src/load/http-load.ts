import { Pool } from 'undici';
import { Samples, round, type LatencySummary } from './samples.ts';

export interface HttpTarget {
  /** Origin, e.g. http://127.0.0.1:4123 */
  origin: string;
  /** A function to vary the request (e.g. a query string) per request. */
  path: string | (() => string);
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Request body, built per request (a write path needs fresh idempotency keys). */
  body?: () => string;
  /** Throws on a wrong answer: a fast error is not a fast response. */
  check?: (status: number, body: string) => void;
}

export interface LoadOptions {
  concurrency: number;
  durationMs: number;
  /** Stop earlier after this many measured requests. */
  maxRequests?: number;
  /** Requests sent before measuring (JIT, caches, connection pool). */
  warmupMs?: number;
}

export interface LoadResult {
  concurrency: number;
  requests: number;
  errors: number;
  firstError: string | null;
  seconds: number;
  rps: number;
  latency: LatencySummary;
}

/**
 * Closed-loop load at a fixed concurrency: `concurrency` keep-alive connections, each sending
 * its next request as soon as the previous answer is read. Bounded by time and count.
 */
export async function runLoad(target: HttpTarget, options: LoadOptions): Promise<LoadResult> {
  const pool = new Pool(target.origin, { connections: options.concurrency, pipelining: 1, keepAliveTimeout: 30_000 });
  const method = target.method ?? 'POST';
  const headers = { 'content-type': 'application/json', ...target.headers };
  let errors = 0;
  let firstError: string | null = null;

  const once = async (): Promise<boolean> => {
    try {
      const response = await pool.request({ path: typeof target.path === 'string' ? target.path : target.path(), method, headers, body: target.body?.() });
      const text = await response.body.text();
      if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}: ${text.slice(0, 300)}`);
      target.check?.(response.statusCode, text);
      return true;
    } catch (error) {
      errors++;
      firstError ??= error instanceof Error ? error.message : String(error);
      return false;
    }
  };

  const phase = async (ms: number, samples: Samples | null, max: number) => {
    const end = performance.now() + ms;
    let started = 0;
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (performance.now() < end && started < max) {
          started++;
          const t0 = performance.now();
          const ok = await once();
          if (ok && samples) samples.add(performance.now() - t0);
        }
      }),
    );
  };

  try {
    if (options.warmupMs) await phase(options.warmupMs, null, Number.POSITIVE_INFINITY);
    errors = 0;
    firstError = null;
    const samples = new Samples();
    const t0 = performance.now();
    await phase(options.durationMs, samples, options.maxRequests ?? Number.POSITIVE_INFINITY);
    const seconds = (performance.now() - t0) / 1000;
    return {
      concurrency: options.concurrency,
      requests: samples.count,
      errors,
      firstError,
      seconds: round(seconds),
      rps: round(samples.count / seconds, 1),
      latency: samples.summary(),
    };
  } finally {
    await pool.close();
  }
}

/** A GraphQL answer with errors is a failed request, whatever its HTTP status. */
export function graphqlCheck(status: number, body: string): void {
  if (body.includes('"errors"')) throw new Error(`GraphQL errors: ${body.slice(0, 400)}`);
  if (status !== 200) throw new Error(`HTTP ${status}`);
}
