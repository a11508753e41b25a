import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../hub/child.ts';
import { round } from '../load/samples.ts';
import { SERVER_DIR } from '../paths.ts';
import type { ScenarioResult } from '../report/report.ts';

const MAX_RUNS = 3;
/** What one start and stop may take on a busy machine: fewer runs when the run's time is short. */
const RUN_BUDGET_MS = 30_000;
const TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 45_000;

interface StartRun {
  readyMs: number;
  /** What the hub itself logs as its start (createServer to listening). */
  createServerMs: number | null;
  /** SIGTERM to exit (clean shutdown, PostgreSQL checkpoint included). */
  stopMs: number;
  /** The hub did not exit within STOP_TIMEOUT_MS of SIGTERM and was killed. */
  killed: boolean;
}

interface StartCommand {
  name: string;
  args: string[];
}

/** What `npm start` runs: TypeScript compiled by tsx as it loads. */
const TSX_START: StartCommand = { name: 'node --import tsx src/main.ts', args: ['--import', 'tsx', 'src/main.ts'] };
/** The production bundle (`npm run build`), what the Docker image runs; timed when it exists. */
const BUNDLE = join(SERVER_DIR, 'dist', 'main.js');
const BUNDLE_START: StartCommand = { name: 'node dist/main.js (npm run build)', args: ['dist/main.js'] };

/** One start on the data folder the benchmark filled, timed from spawn to the first 200 of /readyz. */
async function startOnce(dataDir: string, command: StartCommand): Promise<StartRun> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, command.args, {
    cwd: SERVER_DIR,
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, EMBEDDED_POSTGRES_PORT: String(await freePort()), SEED_ON_START: 'false', LOG_LEVEL: 'info', COOKIE_SECURE: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const result = { killed: false, stopMs: 0 };
  try {
    for (;;) {
      if (performance.now() - started > TIMEOUT_MS) throw new Error(`not ready within ${TIMEOUT_MS} ms:\n${output.slice(-1000)}`);
      if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}:\n${output.slice(-1000)}`);
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const readyMs = performance.now() - started;
    const logged = /"ms":(\d+),"msg":"EcoHub is ready"/.exec(output)?.[1];
    // A SIGTERM in the first moments after ready races the start-up outbox prune and the hub
    // never exits (reported): give it a second, as any real stop would.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await stop();
    return { readyMs: round(readyMs, 0), createServerMs: logged ? Number(logged) : null, stopMs: result.stopMs, killed: result.killed };
  } finally {
    await stop();
  }

  async function stop(): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const stopping = performance.now();
    child.kill('SIGTERM');
    // A hub that does not finish its shutdown is reported, not waited for forever.
    const killer = setTimeout(() => {
      result.killed = true;
      child.kill('SIGKILL');
    }, STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(killer);
    result.stopMs = round(performance.now() - stopping, 0);
    if (result.killed) await stopOrphanedPostgres(dataDir);
  }
}

/** A killed hub leaves its embedded PostgreSQL running (it is detached): stop it as the hub would. */
async function stopOrphanedPostgres(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  for (let i = 0; i < 100 && existsSync(pidFile); i++) await new Promise((resolve) => setTimeout(resolve, 100));
}

export async function startScenario(dataDir: string, budgetMs: number): Promise<ScenarioResult> {
  const commands = existsSync(BUNDLE) && budgetMs >= 2 * RUN_BUDGET_MS ? [TSX_START, BUNDLE_START] : [TSX_START];
  const perCommand = Math.max(1, Math.min(MAX_RUNS, Math.floor(budgetMs / RUN_BUDGET_MS / commands.length)));
  const runs: { command: string; run: StartRun }[] = [];
  for (const command of commands) for (let i = 0; i < perCommand; i++) runs.push({ command: command.name, run: await startOnce(dataDir, command) });
  const medianOf = (name: string) => {
    const sorted = runs.filter((r) => r.command === name).map((r) => r.run.readyMs).sort((a, b) => a - b);
    return { median: sorted[Math.floor(sorted.length / 2)] as number, worst: sorted.at(-1) as number };
  };
  const start = medianOf(TSX_START.name);
  const killed = runs.filter((r) => r.run.killed).length;
  return {
    id: 7,
    title: 'Start: from the start command to /readyz on an existing data folder',
    tables: [
      {
        columns: ['command', 'to /readyz ms', 'createServer ms (logged)', 'process boot + imports ms', 'SIGTERM to exit ms'],
        rows: runs.map(({ command, run }) => [
          command,
          run.readyMs,
          run.createServerMs,
          run.createServerMs === null ? null : run.readyMs - run.createServerMs,
          run.killed ? `killed after ${STOP_TIMEOUT_MS}` : run.stopMs,
        ]),
      },
    ],
    targets: [{ target: 'start ≤ 5 s (npm start)', measured: `median ${start.median} ms, worst ${start.worst} ms`, met: start.median <= 5_000 }],
    notes: [
      ...(killed ? [`${killed} of ${runs.length} hubs did not exit within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM and were killed (the next start then recovers PostgreSQL).`] : []),
      ...(commands.includes(BUNDLE_START)
        ? [`With the production bundle: median ${medianOf(BUNDLE_START.name).median} ms.`]
        : ['The production bundle (apps/server/dist/main.js) is timed too once `npm run build` has made it and the run has time left.']),
      'In apps/server, with the embedded PostgreSQL on the data folder this run left (SEED_ON_START=false: nothing to seed); `npm start` itself first checks the toolchain and the web build.',
    ],
    figures: { runs },
  };
}
