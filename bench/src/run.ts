// `pnpm bench`: seeds a large program on the embedded PostgreSQL, runs every scenario against
// a hub in its own process, prints a table per scenario and writes the figures as JSON.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateData, type DataShape } from './data/generate.ts';
import { Hub } from './hub/hub.ts';
import { describeMachine, loadAverage } from './machine.ts';
import { PROFILES_DIR, RESULTS_DIR } from './paths.ts';
import { summarizeProfile } from './profile-summary.ts';
import { renderScenario, renderTable, type ScenarioResult } from './report/report.ts';
import { boardScenario } from './scenarios/board.ts';
import { boardViewersScenario } from './scenarios/board-viewers.ts';
import type { BenchContext } from './scenarios/context.ts';
import { crossInstanceScenario } from './scenarios/cross-instance.ts';
import { liveScenarios } from './scenarios/live.ts';
import { reportsScenario } from './scenarios/reports.ts';
import { startScenario } from './scenarios/start.ts';
import { taskPageScenario } from './scenarios/task-page.ts';
import { writePathScenario } from './scenarios/write-path.ts';

const quick = process.env.BENCH_QUICK === '1';
const only = process.env.BENCH_SCENARIOS ? new Set(process.env.BENCH_SCENARIOS.split(',').map(Number)) : null;
const cpuProfile = process.env.BENCH_CPU_PROFILE === '1';
/** A whole run stays under ten minutes: scenarios 1–6 start only before 8, the start runs fit in what is left. */
const RUN_LIMIT_MS = 10 * 60_000;
const BUDGET_MS = 8 * 60_000;

const began = performance.now();
const log = (message: string) => process.stderr.write(`[bench ${((performance.now() - began) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);
const shape: DataShape = {
  programs: [
    { key: 's', companies: 20 },
    { key: 'l', companies: 200 },
  ],
  tasksPerCompany: 50,
  measuresPerCompany: 10,
  commentsPerCompany: 200,
  sessions: 10_500,
};

const dataDir = join(RESULTS_DIR, 'data', 'main');
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(PROFILES_DIR, { recursive: true });
log('starting the hub (embedded PostgreSQL, migrations)');
const hub = await Hub.start({ name: 'hub', dataDir });
/** The statement-counting instance, started by the first scenario that asks for it. */
const counting: { hub: Promise<Hub> | null } = { hub: null };
const results: ScenarioResult[] = [];
const profiles: string[] = [];
let machine;
let dataFigures;
try {
  log(`hub ready in ${Math.round(hub.startMs)} ms; generating data`);
  const data = await generateData(hub.databaseUrl, shape);
  dataFigures = { ms: Math.round(data.ms), rows: data.rows };
  log(`generated ${Object.values(data.rows).reduce((a, b) => a + b, 0).toLocaleString('en-US')} rows in ${Math.round(data.ms)} ms`);
  machine = await describeMachine(hub.databaseUrl);
  const ctx: BenchContext = {
    hub,
    data,
    quick,
    ...(process.env.BENCH_VIEWERS ? { viewerCounts: process.env.BENCH_VIEWERS.split(',').map(Number) } : {}),
    profiling: cpuProfile,
    log,
    counter: () => (counting.hub ??= Hub.start({ name: 'counter', databaseUrl: hub.databaseUrl, countStatements: true })),
  };
  const scenarios: [number[], string, () => Promise<ScenarioResult | ScenarioResult[]>][] = [
    [[1], 'Board query', () => boardScenario(ctx)],
    [[8], 'Report files', () => reportsScenario(ctx)],
    [[2], 'Task page', () => taskPageScenario(ctx)],
    [[9], 'Board viewers', () => boardViewersScenario(ctx)],
    [[5], 'Write path', () => writePathScenario(ctx)],
    [[6], 'Cross-instance', () => crossInstanceScenario(ctx)],
    [[3, 4], 'Live fan-out and idle scale', () => liveScenarios(ctx)],
  ];
  for (const [ids, title, run] of scenarios) {
    if (only && !ids.some((id) => only.has(id))) continue;
    if (performance.now() - began > BUDGET_MS) {
      results.push(...ids.map((id) => failed(id, title, 'skipped: the run reached its time budget')));
      continue;
    }
    const started = performance.now();
    if (cpuProfile) await hub.startProfile();
    try {
      const produced = await run();
      for (const result of [produced].flat()) results.push({ ...result, seconds: Math.round((performance.now() - started) / 1000) });
    } catch (error) {
      log(`${title} failed: ${error instanceof Error ? error.stack : String(error)}`);
      results.push(...ids.map((id) => failed(id, title, `failed: ${error instanceof Error ? error.message : String(error)}`)));
    }
    if (cpuProfile) {
      const file = join(PROFILES_DIR, `scenario-${ids.join('-')}-${Date.now()}.cpuprofile`);
      await hub.stopProfile(file);
      profiles.push(profileReport(`${ids.join(', ')}. ${title}`, file));
    }
    if (ids.some((id) => id === 2 || id === 9) && counting.hub) {
      await (await counting.hub).stop();
      counting.hub = null;
    }
  }
} finally {
  if (counting.hub) await (await counting.hub.catch(() => null))?.stop();
  await hub.stop();
}

if (!only || only.has(7)) {
  log('start time');
  try {
    results.push(await startScenario(dataDir, RUN_LIMIT_MS - (performance.now() - began) - 15_000));
  } catch (error) {
    results.push(failed(7, 'Start', `failed: ${error instanceof Error ? error.message : String(error)}`));
  }
}

const finishedAt = new Date();
if (machine) machine.loadAtEnd = loadAverage();
const totalSeconds = Math.round((performance.now() - began) / 1000);
const output = [
  `## EcoHub benchmark — ${finishedAt.toISOString()}${quick ? ' (BENCH_QUICK: small sizes, not comparable)' : ''}`,
  machine
    ? renderTable({
        columns: ['machine', ''],
        rows: [
          ['commit', machine.commit],
          ['CPU', `${machine.cpu}, ${machine.cores} cores`],
          ['memory', `${machine.memoryGiB} GiB`],
          ['Node.js', machine.node],
          ['database', machine.postgres],
          ['kernel', machine.kernel],
          ['load average (1 min) at start / end', `${machine.loadAtStart} / ${machine.loadAtEnd}`],
          ['data', `${shape.programs.map((p) => p.companies).join(' + ')} companies × ${shape.tasksPerCompany} tasks, ${shape.measuresPerCompany} measures, ${shape.commentsPerCompany} comments; generated in ${((dataFigures?.ms ?? 0) / 1000).toFixed(1)} s`],
          ['whole run', `${totalSeconds} s`],
        ],
      })
    : 'machine: unknown (the hub did not start)',
  ...(machine && machine.loadAtStart > 2
    ? [`> Measured while the machine was busy with other work (load average ${machine.loadAtStart} on ${machine.cores} cores): every figure here is pessimistic.`]
    : []),
  ...[...results].sort((a, b) => a.id - b.id).map(renderScenario),
  renderTable({
    title: '### Targets',
    columns: ['#', 'target', 'measured', 'status'],
    rows: [...results]
      .sort((a, b) => a.id - b.id)
      .flatMap((r) => r.targets.map((t) => [r.id, t.target, t.measured, t.met === null ? 'not measured' : t.met ? 'met' : 'MISSED'])),
  }),
  ...profiles,
].join('\n\n');
process.stdout.write(`${output}\n`);

mkdirSync(RESULTS_DIR, { recursive: true });
const json = JSON.stringify({ finishedAt, quick, machine, data: dataFigures, totalSeconds, scenarios: results, report: output }, null, 2);
const file = join(RESULTS_DIR, `${finishedAt.toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, json);
writeFileSync(join(RESULTS_DIR, 'latest.json'), json);
writeFileSync(join(RESULTS_DIR, 'latest.md'), `${output}\n`);
log(`wrote ${file} (and latest.json, latest.md)`);

function failed(id: number, title: string, why: string): ScenarioResult {
  return { id, title, tables: [], targets: [], notes: [why], figures: { error: why } };
}

function profileReport(title: string, file: string): string {
  const summary = summarizeProfile(file);
  return [
    `### CPU profile of the hub during ${title} (${file.slice(RESULTS_DIR.length + 1)}; busy ${summary.busyPercent}% of the time)`,
    renderTable({ columns: ['self time by package', '% of busy'], rows: summary.owners.map((line) => [line.name, line.percent]) }),
    renderTable({ columns: ['self time by function', '% of busy'], rows: summary.functions.map((line) => [line.name, line.percent]) }),
    renderTable({ columns: ['EcoHub function, inclusive time', '% of busy'], rows: summary.own.map((line) => [line.name, line.percent]) }),
  ].join('\n\n');
}
