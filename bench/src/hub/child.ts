import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, closeSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { BENCH_DIR, LOGS_DIR } from '../paths.ts';

/** Messages a child sends back: replies carry the id of the request they answer. */
export interface ChildMessage {
  type: string;
  id?: number;
  [key: string]: unknown;
}

export interface SpawnOptions {
  /** Entry file under bench/src, run with `node --import tsx`. */
  entry: string;
  /** Name of the log file under .bench-results/logs. */
  name: string;
  env: Record<string, string | undefined>;
  /** Extra node flags (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** Working folder: tsx applies the tsconfig found there (the hub needs the server's decorators setting). */
  cwd?: string;
}

/**
 * A server under test in its own process, so that the load generator never shares its event
 * loop. Started through `sh -c 'ulimit -n …; exec node …'`: thousands of sockets need more file
 * descriptors than the default soft limit, and `exec` keeps the pid and the IPC channel.
 */
export class Child {
  private nextId = 1;
  private readonly pending = new Map<number, (message: ChildMessage) => void>();
  private readonly listeners = new Set<(message: ChildMessage) => void>();
  private exited: Promise<number | null>;

  private constructor(
    readonly process: ChildProcess,
    readonly name: string,
  ) {
    process.on('message', (message: ChildMessage) => {
      if (message.id !== undefined && this.pending.has(message.id)) {
        const resolve = this.pending.get(message.id);
        this.pending.delete(message.id);
        resolve?.(message);
        return;
      }
      for (const listener of this.listeners) listener(message);
    });
    this.exited = new Promise((resolve) => process.once('exit', (code) => resolve(code)));
  }

  static spawn(options: SpawnOptions): Child {
    mkdirSync(LOGS_DIR, { recursive: true });
    const log = openSync(join(LOGS_DIR, `${options.name}.log`), 'a');
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries({ ...process.env, ...options.env })) {
      if (value !== undefined && key !== 'NODE_OPTIONS') env[key] = value;
    }
    const child = spawn(
      'sh',
      ['-c', 'ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$0" "$@"', process.execPath, ...(options.nodeArgs ?? []), '--import', 'tsx', join(BENCH_DIR, 'src', options.entry)],
      { cwd: options.cwd ?? BENCH_DIR, env, stdio: ['ignore', log, log, 'ipc'] },
    );
    closeSync(log);
    return new Child(child, options.name);
  }

  get pid(): number {
    return this.process.pid as number;
  }

  /** Resolves with the first message of this type (e.g. 'ready'); rejects if the child exits first. */
  waitFor(type: string, timeoutMs = 120_000): Promise<ChildMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error(`${this.name}: no "${type}" within ${timeoutMs} ms (see .bench-results/logs/${this.name}.log)`)), timeoutMs);
      const onExit = (code: number | null) => fail(new Error(`${this.name} exited with ${code} before "${type}" (see .bench-results/logs/${this.name}.log)`));
      const listener = (message: ChildMessage) => {
        if (message.type === 'error') fail(new Error(`${this.name}: ${String(message.message)}`));
        if (message.type !== type) return;
        cleanup();
        resolve(message);
      };
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(listener);
        this.process.off('exit', onExit);
      };
      const fail = (error: Error) => {
        cleanup();
        reject(error);
      };
      this.listeners.add(listener);
      this.process.once('exit', onExit);
    });
  }

  on(listener: (message: ChildMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  request(type: string, payload: Record<string, unknown> = {}, timeoutMs = 60_000): Promise<ChildMessage> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.name}: no answer to "${type}" within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, (message) => {
        clearTimeout(timer);
        resolve(message);
      });
      this.process.send({ ...payload, type, id });
    });
  }

  /** Resident memory of the process, from /proc (Linux). */
  rssBytes(): number | null {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
      return kb ? Number(kb) * 1024 : null;
    } catch {
      return null;
    }
  }

  /** Asks the child to stop cleanly (it answers "stop" by closing and exiting), then waits. */
  async stop(timeoutMs = 30_000): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    if (this.process.connected) this.process.send({ type: 'stop' });
    const timer = setTimeout(() => this.process.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
