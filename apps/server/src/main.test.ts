import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer, type Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runningPostmaster } from './core/database/embedded-postgres.ts';
import { freePort } from './testing/index.ts';

/** `node --import tsx src/main.ts`, as `npm start` runs it, on a data folder of the test's own. */
interface Hub {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const dataDirs: string[] = [];
const running: Hub[] = [];

function startHub(env: Record<string, string>): Hub {
  const dataDir = mkdtempSync(join(tmpdir(), 'ecohub-main-'));
  chmodSync(dataDir, 0o755);
  dataDirs.push(dataDir);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(import.meta.dirname, '..'),
    env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_ON_START: 'false', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const hub = { child, output: () => output, exited: new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))) };
  running.push(hub);
  return hub;
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const begin = Date.now();
  while (!condition()) {
    if (Date.now() - begin > timeoutMs) throw new Error(`${what} not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What a person reads: a sentence, no stack frames. */
function expectOneSentence(output: string, pattern: RegExp): void {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(output).not.toMatch(/^\s+at /m);
}

afterEach(async () => {
  for (const hub of running.splice(0)) {
    if (hub.child.exitCode === null && hub.child.signalCode === null) hub.child.kill('SIGTERM');
    await hub.exited;
  }
});
afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

describe('main.ts', () => {
  let blocker: NetServer | null = null;
  afterEach(() => blocker?.close());

  it('exits 1 with one sentence when the PORT it was given is busy', { timeout: 120_000 }, async () => {
    const port = await freePort();
    blocker = await new Promise<NetServer>((resolve) => {
      const server = createNetServer().listen(port, '127.0.0.1', () => resolve(server));
    });
    const hub = startHub({ PORT: String(port) });
    expect(await hub.exited).toBe(1);
    expectOneSentence(hub.output(), new RegExp(`^Port ${port} is already in use .*PORT=`));
  });

  it('exits 1 with one sentence when its embedded PostgreSQL dies and cannot be restarted', { timeout: 180_000 }, async () => {
    const hub = startHub({ PORT: '0' });
    await until(() => hub.output().includes('EcoHub is running at'), 120_000, 'the hub start');
    const clusterDir = join(dataDirs.at(-1)!, 'postgres');
    const postmaster = runningPostmaster(clusterDir);
    expect(postmaster).toBeTypeOf('number');
    const before = hub.output().length;
    // Killed, and its data folder made unusable: every restart attempt fails.
    rmSync(join(clusterDir, 'PG_VERSION'));
    process.kill(postmaster!, 'SIGKILL');
    expect(await hub.exited).toBe(1);
    expectOneSentence(hub.output().slice(before), /^The embedded PostgreSQL in .* stopped and could not be restarted .*EcoHub stops; start it again once the cause is fixed\.$/);
  });

  it('stops its PostgreSQL too when SIGTERM arrives in the middle of the start', { timeout: 180_000 }, async () => {
    const hub = startHub({ PORT: '0', SEED_ON_START: 'true' });
    const clusterDir = join(dataDirs.at(-1)!, 'postgres');
    let postmaster: number | null = null;
    await until(() => (postmaster = existsSync(clusterDir) ? runningPostmaster(clusterDir) : null) !== null, 120_000, 'the embedded PostgreSQL');
    hub.child.kill('SIGTERM');
    expect(await hub.exited).toBe(0);
    expect(existsSync(`/proc/${postmaster}`)).toBe(false);
    expect(hub.output()).not.toMatch(/EcoHub is running/);
  });
});
