import { createHash } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from '../logger.ts';
import { StartupError } from '../startup-error.ts';

/**
 * Where the embedded PostgreSQL's binaries and cluster live. As root, PostgreSQL runs as the
 * `postgres` user, who must be able to enter every folder above its binaries and its data: a
 * clone in a 0700 home (root's `~`, a CI runner's workspace) is out of its reach. Rather than
 * open the user's folders to it, what it cannot reach is kept under a root-owned shared folder
 * (`/var/lib/ecohub` by default): the binaries copied once per version (root-owned, read-only
 * for postgres), each relocated cluster in a 0700 folder of its own owned by postgres.
 */
export interface RunAs {
  uid: number;
  gid: number;
}

/** Whether `who` may enter `path` and every folder above it (search permission on each). */
export function canEnter(path: string, who: RunAs): boolean {
  const chain: string[] = [];
  for (let dir = realpathSync(path); ; dir = dirname(dir)) {
    chain.push(dir);
    if (dirname(dir) === dir) break;
  }
  return chain.every((dir) => {
    const stat = statSync(dir);
    // Supplementary groups are not looked up: at worst a reachable folder is relocated.
    const bit = stat.uid === who.uid ? 0o100 : stat.gid === who.gid ? 0o010 : 0o001;
    return (stat.mode & bit) !== 0;
  });
}

/**
 * A folder only `who` (or this user) can use: created 0700, or checked when it exists, so that
 * nobody can plant a folder or a symbolic link there first.
 */
export function privateDirectory(path: string, who: RunAs | null): string {
  if (!existsSync(path)) {
    mkdirSync(path, { mode: 0o700 });
    if (who) chownSync(path, who.uid, who.gid);
  }
  const stat = lstatSync(path);
  const owner = who?.uid ?? process.getuid?.();
  if (!stat.isDirectory() || (owner !== undefined && stat.uid !== owner) || (stat.mode & 0o077) !== 0) {
    throw new StartupError(`${path} exists but is not a private folder of the PostgreSQL user: remove it and start again.`);
  }
  return path;
}

function sharedFolder(sharedRoot: string, ...parts: string[]): string {
  const path = join(sharedRoot, ...parts);
  try {
    mkdirSync(path, { recursive: true, mode: 0o755 });
  } catch (error) {
    throw new StartupError(
      `The embedded PostgreSQL needs ${sharedRoot} (its user cannot enter this project's folder) and it cannot be created (${(error as Error).message}): clone EcoHub into a folder others may enter, or set DATABASE_URL.`,
      { cause: error },
    );
  }
  return path;
}

/** The packaged binaries, or a root-owned copy of them that `postgres` can run. */
export function placeBinaries<T extends { initdb: string; postgres: string }>(packaged: T, who: RunAs | null, sharedRoot: string, logger?: Logger): T {
  const nativeDir = dirname(dirname(packaged.postgres));
  if (!who || (canEnter(join(nativeDir, 'bin'), who) && canEnter(join(nativeDir, 'lib'), who))) return packaged;
  const version = (JSON.parse(readFileSync(join(nativeDir, '..', 'package.json'), 'utf8')) as { name: string; version: string });
  const target = join(sharedFolder(sharedRoot), `${version.name.replace(/[@/]/g, '-').replace(/^-+/, '')}-${version.version}`);
  if (!existsSync(join(target, '.complete'))) {
    logger?.info({ target }, 'copying the PostgreSQL binaries where the postgres user can run them');
    const partial = `${target}.${process.pid}.partial`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    chmodSync(partial, 0o755);
    writeFileSync(join(partial, '.complete'), `${version.version}\n`);
    try {
      renameSync(partial, target);
    } catch {
      // Another hub copied the same version at the same moment: use theirs.
      rmSync(partial, { recursive: true, force: true });
    }
  }
  return { ...packaged, initdb: join(target, 'bin', 'initdb'), postgres: join(target, 'bin', 'postgres') };
}

export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Names the relocated cluster of a data folder, so a moved clone keeps its data. */
export const CLUSTER_LOCATION_FILE = 'postgres-location';

/** `<DATA_DIR>/postgres`, or, when `postgres` cannot enter DATA_DIR, a cluster folder of its own. */
export function placeCluster(dataDir: string, who: RunAs | null, sharedRoot: string, logger?: Logger): string {
  const inPlace = join(dataDir, 'postgres');
  if (!who || canEnter(dataDir, who)) return inPlace;
  const locationFile = join(dataDir, CLUSTER_LOCATION_FILE);
  const recorded = existsSync(locationFile) ? readFileSync(locationFile, 'utf8').trim() : '';
  if (recorded && existsSync(join(recorded, 'PG_VERSION'))) return recorded;
  const clusterDir = join(sharedFolder(sharedRoot, 'clusters'), shortHash(dataDir));
  privateDirectory(clusterDir, who);
  writeFileSync(locationFile, `${clusterDir}\n`);
  logger?.info({ dataDir, clusterDir }, 'the postgres user cannot enter the data folder: the embedded cluster lives in its own folder');
  return clusterDir;
}
