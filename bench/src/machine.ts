import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem, release } from 'node:os';
import pg from 'pg';
import { REPO_ROOT } from './paths.ts';

export interface Machine {
  /** What was measured: the commit, and whether the working tree differed from it. */
  commit: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  postgres: string;
  kernel: string;
  /** 1-minute load average when the run started and ended: other work on the machine skews figures. */
  loadAtStart: number;
  loadAtEnd?: number;
}

export async function describeMachine(databaseUrl: string): Promise<Machine> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let postgres: string;
  try {
    postgres = String((await client.query<{ v: string }>(`select current_setting('server_version') as v`)).rows[0]?.v);
  } finally {
    await client.end();
  }
  return {
    commit: commitOf(),
    cpu: cpuModel(),
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres: `PostgreSQL ${postgres} (embedded)`,
    kernel: release(),
    loadAtStart: loadAverage(),
  };
}

export function loadAverage(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}

/** os.cpus() is empty in some containers: lscpu still names the model there. */
function cpuModel(): string {
  const model = cpus()[0]?.model?.trim();
  if (model) return model;
  try {
    return /Model name:\s*(.+)/.exec(execFileSync('lscpu', { encoding: 'utf8' }))?.[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** BENCH_COMMIT names the commit of an exported tree (no .git), as `git archive` makes. */
function commitOf(): string {
  if (process.env.BENCH_COMMIT) return process.env.BENCH_COMMIT;
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit} + uncommitted changes` : commit;
  } catch {
    return 'unknown';
  }
}
