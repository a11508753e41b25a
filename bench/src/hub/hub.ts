import { join } from 'node:path';
import { RESULTS_DIR, SERVER_DIR } from '../paths.ts';
import { Child, freePort } from './child.ts';

export interface HubOptions {
  name: string;
  /** The embedded PostgreSQL's data folder (this hub owns the cluster)… */
  dataDir?: string;
  /** …or a database another hub started (a second instance). */
  databaseUrl?: string;
  redisUrl?: string;
  /** Count SQL statements through createServer's onQuery (costs a little per statement). */
  countStatements?: boolean;
  env?: Record<string, string>;
}

export interface HubStats {
  subscriptions: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  /** Memory of C++ objects bound to JS ones (buffers included). */
  external: number;
  arrayBuffers: number;
}

/** One EcoHub instance in a child process, as the benchmark sees it. */
export class Hub {
  private constructor(
    readonly child: Child,
    readonly url: string,
    readonly databaseUrl: string,
    readonly startMs: number,
  ) {}

  static async start(options: HubOptions): Promise<Hub> {
    const started = performance.now();
    const child = Child.spawn({
      entry: 'hub/hub-process.ts',
      name: options.name,
      cwd: SERVER_DIR,
      nodeArgs: ['--expose-gc'],
      env: {
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(await freePort()),
        DATA_DIR: options.dataDir ?? join(RESULTS_DIR, 'data', options.name),
        EMBEDDED_POSTGRES_PORT: String(await freePort()),
        DATABASE_URL: options.databaseUrl,
        REDIS_URL: options.redisUrl,
        SEED_ON_START: 'false',
        LOG_LEVEL: 'info',
        COOKIE_SECURE: 'false',
        BENCH_COUNT_STATEMENTS: options.countStatements ? '1' : '0',
        ...options.env,
      },
    });
    try {
      const ready = await child.waitFor('ready');
      return new Hub(child, String(ready.url), String(ready.databaseUrl), performance.now() - started);
    } catch (error) {
      await child.stop();
      throw error;
    }
  }

  async statements(): Promise<number> {
    return Number((await this.child.request('statements')).count);
  }

  async startProfile(): Promise<void> {
    await this.child.request('profile-start');
  }

  /** Writes the CPU profile taken since startProfile() to `file` (.cpuprofile, V8's format). */
  async stopProfile(file: string): Promise<void> {
    await this.child.request('profile-stop', { file });
  }

  /** Samples allocations from now on; the profile keeps those still alive when it stops. */
  async startHeapSampling(): Promise<void> {
    await this.child.request('heap-start');
  }

  async stopHeapSampling(file: string): Promise<void> {
    await this.child.request('heap-stop', { file });
  }

  async collectGarbage(): Promise<void> {
    await this.child.request('gc');
  }

  async stats(): Promise<HubStats> {
    const reply = await this.child.request('stats');
    return {
      subscriptions: Number(reply.subscriptions),
      rss: Number(reply.rss),
      heapUsed: Number(reply.heapUsed),
      heapTotal: Number(reply.heapTotal),
      external: Number(reply.external),
      arrayBuffers: Number(reply.arrayBuffers),
    };
  }

  /** Resolves once the hub holds at least this many live subscriptions. */
  async waitForSubscriptions(count: number, timeoutMs: number): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const { subscriptions } = await this.stats();
      if (subscriptions >= count) return subscriptions;
      if (performance.now() > deadline) throw new Error(`only ${subscriptions} of ${count} subscriptions registered within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Resolves once every closed socket's subscription has ended on the hub. */
  async waitForNoSubscriptions(timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const { subscriptions } = await this.stats();
      if (subscriptions === 0) return;
      if (performance.now() > deadline) throw new Error(`${subscriptions} subscriptions still open ${timeoutMs} ms after their sockets closed`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Commit times (ms since the epoch, sub-ms precision) of transactions with outbox events. */
  async traceCommits(listener: ((at: number) => void) | null): Promise<void> {
    this.stopTracing?.();
    this.stopTracing = listener ? this.child.on((message) => message.type === 'committed' && listener(Number(message.at))) : null;
    await this.child.request('trace-commits', { on: listener !== null });
  }

  private stopTracing: (() => void) | null = null;

  rssBytes(): number | null {
    return this.child.rssBytes();
  }

  get pid(): number {
    return this.child.pid;
  }

  stop(): Promise<void> {
    return this.child.stop();
  }
}
