#!/usr/bin/env node
// The one entry point behind the root package.json scripts. It must run on whatever Node the
// machine has (even an old one), so it is plain JavaScript with no dependencies: it brings the
// project's own Node (>= 22.17) and pnpm into .toolchain/ when the installed ones do not fit,
// installs the workspace, then runs the task with that toolchain first on PATH.
import { spawn, spawnSync } from 'node:child_process';
import { Socket } from 'node:net';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const toolchainDir = join(root, '.toolchain');
const toolchainBin = join(toolchainDir, 'node_modules', '.bin');
const NODE_PACKAGE = 'node@24.21.0';
const PNPM_VERSION = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
const MIN_NODE = [22, 17];

function log(message) {
  process.stderr.write(`[ecohub] ${message}\n`);
}

function nodeIsRecentEnough(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}

function installedVersion(bin) {
  const result = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

function ensureToolchain() {
  const wanted = [];
  const systemNodeFits = nodeIsRecentEnough(process.versions.node);
  const localNode = join(toolchainBin, 'node');
  if (!systemNodeFits && !(existsSync(localNode) && nodeIsRecentEnough(installedVersion(localNode) ?? '0.0'))) {
    wanted.push(NODE_PACKAGE);
  }
  const localPnpm = join(toolchainBin, 'pnpm');
  if (installedVersion(localPnpm) !== PNPM_VERSION) wanted.push(`pnpm@${PNPM_VERSION}`);
  if (wanted.length > 0) {
    log(`installing ${wanted.join(' and ')} into .toolchain/ (Node ${process.versions.node} is ${systemNodeFits ? 'fine' : 'too old'})`);
    mkdirSync(toolchainDir, { recursive: true });
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(
      npm,
      ['install', '--prefix', toolchainDir, '--no-audit', '--no-fund', '--loglevel=error', '--no-save', ...wanted],
      { stdio: 'inherit' },
    );
    if (result.status !== 0) throw new Error('could not install the toolchain from the npm registry');
  }
  const path = [toolchainBin, join(root, 'node_modules', '.bin'), process.env.PATH].join(':');
  return { ...process.env, PATH: path, COREPACK_ENABLE_STRICT: '0', NPM_CONFIG_UPDATE_NOTIFIER: 'false' };
}

function run(env, command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env, cwd: options.cwd ?? root });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      if (code === 0 || (options.signalIsSuccess && signal)) resolve();
      else reject(Object.assign(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}`), { exitCode: code ?? 1, quiet: options.quiet }));
    });
  });
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

async function install(env) {
  const marker = join(root, 'node_modules', '.modules.yaml');
  const lock = join(root, 'pnpm-lock.yaml');
  if (existsSync(marker) && existsSync(lock) && statSync(marker).mtimeMs > statSync(lock).mtimeMs) return;
  const frozen = existsSync(lock) ? ['--frozen-lockfile'] : [];
  await run(env, 'pnpm', ['install', ...frozen, '--reporter=append-only']);
}

async function buildWebIfStale(env) {
  const web = join(root, 'apps', 'web');
  const built = join(web, 'dist', 'index.html');
  const sources = Math.max(newestMtime(join(web, 'src')), newestMtime(join(root, 'packages', 'domain', 'src')));
  if (existsSync(built) && statSync(built).mtimeMs > sources) return;
  log('building the web client');
  await run(env, 'pnpm', ['--filter', '@ecohub/web', 'run', 'build']);
}

const KOREAN_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/** Browser tests need Debian's Chromium, and a Korean font so screenshots show Hangul, not boxes. */
function ensureChromium(env) {
  const missing = [];
  if (!existsSync('/usr/bin/chromium') && !env.CHROMIUM_PATH) missing.push('chromium');
  if (!existsSync(KOREAN_FONT)) missing.push('fonts-noto-cjk');
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    log(`${missing.join(' and ')} missing and this user cannot install them: browser tests may be SKIPPED`);
    return;
  }
  log(`installing Debian ${missing.join(' and ')} for the browser tests (apt-get)`);
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  const result =
    update.status === 0
      ? spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
          stdio: 'inherit',
          env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
        })
      : update;
  if (result.status !== 0) log(`could not install ${missing.join(' and ')}: browser tests may be SKIPPED`);
}

const REDIS = { host: '127.0.0.1', port: 6379 };

/** Whether a Redis answers PING, as the Redis bus test checks before it runs. */
function redisAnswers() {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (answer) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
    socket.connect(REDIS.port, REDIS.host, () => socket.write('PING\r\n'));
  });
}

function redisSkippedBanner() {
  const line = '!'.repeat(78);
  log(
    [
      line,
      `!! NO REDIS at ${REDIS.host}:${REDIS.port}: the Redis bus test (live-instances.test.ts) was SKIPPED.`,
      '!! Cross-instance delivery over Redis pub/sub is NOT tested by this run. Start a Redis there',
      '!! (e.g. apt-get install redis-server) and run npm test again; CI (.ci/run) fails without one.',
      line,
    ].join('\n'),
  );
}

const serverTask = (script) => async (env) => run(env, 'pnpm', ['--filter', '@ecohub/server', 'run', script]);

const tasks = {
  async start(env) {
    await buildWebIfStale(env);
    // Spawned directly (not through pnpm) so that Ctrl-C and SIGTERM reach the server itself.
    // A failed start has already said why in one sentence: no second message here.
    await run(env, 'node', ['--import', 'tsx', 'src/main.ts'], {
      cwd: join(root, 'apps', 'server'),
      signalIsSuccess: true,
      quiet: true,
    });
  },
  /** The job worker on its own (mail, reminders, digests); hubs then run with RUN_JOBS=false. */
  async worker(env) {
    await run(env, 'node', ['--import', 'tsx', 'src/cli/worker.ts'], {
      cwd: join(root, 'apps', 'server'),
      signalIsSuccess: true,
    });
  },
  async dev(env) {
    await run(env, 'pnpm', ['--parallel', '--filter', '@ecohub/server', '--filter', '@ecohub/web', 'run', 'dev'], {
      signalIsSuccess: true,
    });
  },
  async build(env) {
    await run(env, 'pnpm', ['-r', 'run', 'build']);
  },
  async typecheck(env) {
    await run(env, 'pnpm', ['-r', '--workspace-concurrency=1', 'run', 'typecheck']);
  },
  async lint(env) {
    await run(env, 'pnpm', ['exec', 'eslint', '--max-warnings=0', '.']);
  },
  async codegen(env) {
    await serverTask('schema:emit')(env);
    await run(env, 'pnpm', ['--filter', '@ecohub/web', 'run', 'codegen']);
  },
  async test(env) {
    ensureChromium(env);
    await tasks.typecheck(env);
    await tasks.lint(env);
    const redis = await redisAnswers();
    if (!redis) redisSkippedBanner();
    try {
      await run(env, 'pnpm', ['exec', 'vitest', 'run']);
    } finally {
      // Again at the end, where it is read: the skip must not pass unnoticed.
      if (!redis) redisSkippedBanner();
    }
  },
  /** The server suite alone, e.g. against another PostgreSQL with TEST_DATABASE_URL. */
  async 'test:server'(env) {
    await run(env, 'pnpm', ['exec', 'vitest', 'run', '--project', 'server']);
  },
  async bench(env) {
    await buildWebIfStale(env);
    await run(env, 'pnpm', ['--filter', '@ecohub/bench', 'run', 'bench']);
  },
  'db:migrate': serverTask('db:migrate'),
  'db:seed': serverTask('db:seed'),
  'db:reset': serverTask('db:reset'),
};

const name = process.argv[2];
if (!tasks[name]) {
  log(`unknown task "${name}"; one of: ${Object.keys(tasks).join(', ')}`);
  process.exit(2);
}
try {
  const env = ensureToolchain();
  await install(env);
  await tasks[name](env);
} catch (error) {
  if (!error?.quiet) log(error instanceof Error ? error.message : String(error));
  process.exit(error?.exitCode || 1);
}
