import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../testing/index.ts';
import { createLogger } from '../logger.ts';
import { startJobRunner, type JobRunner } from './job-runner.ts';

const HELD_WORKER = fileURLToPath(new URL('./held-job-worker.test-kit.ts', import.meta.url));
/** The server package, where `--import tsx` resolves. */
const SERVER_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** "Within seconds of the next start" (graphile-worker alone would wait 4 hours). */
const RUNS_WITHIN_MS = 5_000;

interface HeldWorker {
  process: ChildProcess;
  /** The job it holds, and the worker id that locked it. */
  job: Promise<{ id: string; lockedBy: string }>;
}

function startHeldWorker(databaseUrl: string): HeldWorker {
  const child = spawn(process.execPath, ['--import', 'tsx', HELD_WORKER, databaseUrl], { cwd: SERVER_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const job = new Promise<{ id: string; lockedBy: string }>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running (\S+) (\S+)/.exec(output);
      if (match) resolve({ id: match[1]!, lockedBy: match[2]! });
    });
    child.once('exit', (code) => reject(new Error(`the held worker exited (${code}) before taking a job`)));
  });
  return { process: child, job };
}

function killed(worker: HeldWorker): Promise<void> {
  if (worker.process.exitCode !== null || worker.process.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => worker.process.once('exit', () => resolve()));
  worker.process.kill('SIGKILL');
  return exited;
}

describe('a job worker killed with -9 mid-job', () => {
  let database: { url: string; drop(): Promise<void> };
  let sql: pg.Pool;
  const workers: HeldWorker[] = [];
  let runner: JobRunner | null = null;

  beforeAll(async () => {
    database = await createTestDatabase(inject('testDatabaseAdminUrl'), false);
    sql = new pg.Pool({ connectionString: database.url, max: 2 });
  });
  afterAll(async () => {
    await runner?.stop();
    await Promise.all(workers.map(killed));
    await sql?.end();
    await database?.drop();
  });

  const addJob = async (n: number) => {
    const { rows } = await sql.query<{ id: string }>(`select id from graphile_worker.add_job('test:hold', json_build_object('n', $1::int))`, [n]);
    return rows[0]!.id;
  };

  it('leaves no 4-hour lock: the next start runs its job within seconds, and leaves a live worker’s job alone', async () => {
    await addJob(1);
    const dying = startHeldWorker(database.url);
    workers.push(dying);
    const lost = await dying.job;
    await addJob(2);
    const alive = startHeldWorker(database.url);
    workers.push(alive);
    const held = await alive.job;
    expect(held.lockedBy).not.toBe(lost.lockedBy);

    await killed(dying);
    const [stillLocked] = (await sql.query<{ locked_by: string | null }>('select locked_by from graphile_worker.jobs where id = $1', [lost.id])).rows;
    expect(stillLocked!.locked_by).toBe(lost.lockedBy);

    // The next start (this hub again, say) runs the dead worker's job.
    const ran = new Set<string>();
    let done: () => void;
    const lostJobRan = new Promise<void>((resolve) => (done = resolve));
    const started = performance.now();
    runner = await startJobRunner({
      databaseUrl: database.url,
      logger: createLogger({ logLevel: 'warn' }),
      concurrency: 2,
      pollIntervalMs: 200,
      crontab: '',
      tasks: {
        'test:hold': async (_payload, helpers) => {
          ran.add(helpers.job.id);
          if (helpers.job.id === lost.id) done();
        },
      },
    });
    await lostJobRan;
    const ms = performance.now() - started;
    console.log(`job of a worker killed with -9 ran ${Math.round(ms)} ms after the next start`);
    expect(ms).toBeLessThan(RUNS_WITHIN_MS);

    // The live worker (another instance) keeps its job: not unlocked, not run twice.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const [live] = (await sql.query<{ locked_by: string | null }>('select locked_by from graphile_worker.jobs where id = $1', [held.id])).rows;
    expect(live!.locked_by).toBe(held.lockedBy);
    expect([...ran]).toEqual([lost.id]);
  }, 60_000);
});
