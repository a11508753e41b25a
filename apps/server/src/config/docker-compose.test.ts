import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from './config.ts';

/**
 * No Docker engine runs where the tests do, so docker/ is checked as files: what compose.yaml
 * gives the hub must be exactly what config.ts accepts, every path it names must exist, and the
 * Dockerfile must put the web client and the bundle where the settings say they are.
 */
const repoRoot = resolve(import.meta.dirname, '../../../..');
const dockerDir = join(repoRoot, 'docker');
const read = (path: string) => readFileSync(path, 'utf8');

interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  environment?: Record<string, string | number | boolean | null> | string[];
  env_file?: string | (string | { path: string })[];
  volumes?: (string | { type?: string; source?: string; target: string })[];
  healthcheck?: { test?: string | string[]; disable?: boolean };
  depends_on?: string[] | Record<string, { condition?: string }>;
  deploy?: { replicas?: number };
}

const composeText = read(join(dockerDir, 'compose.yaml'));
const compose = parse(composeText, { merge: true }) as { services: Record<string, Service>; volumes?: Record<string, unknown> };
const services = compose.services;

/** The services built from docker/Dockerfile: the hub replicas. */
const hubNames = Object.keys(services).filter((name) => {
  const build = services[name]?.build;
  if (!build) return false;
  const { context = '.', dockerfile = 'Dockerfile' } = typeof build === 'string' ? { context: build } : build;
  return resolve(dockerDir, context, dockerfile) === join(dockerDir, 'Dockerfile');
});

function environmentOf(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  const entries = Array.isArray(env)
    ? env.map((item) => [item.split('=')[0] ?? '', item.includes('=') ? item.slice(item.indexOf('=') + 1) : ''] as const)
    : Object.entries(env).map(([key, value]) => [key, value === null ? '' : String(value)] as const);
  return Object.fromEntries(entries);
}

/** KEY=VALUE lines of a dotenv file. */
function dotenv(path: string): Record<string, string> {
  const pairs = read(path)
    .split('\n')
    .map((line) => /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim()))
    .filter((match) => match !== null)
    .map((match) => [match[1]!, match[2]!] as const);
  return Object.fromEntries(pairs);
}

const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Compose's interpolation: ${X}, ${X:-default}, ${X-default}, ${X:?error}, ${X?error}, $X and $$. */
function interpolate(value: string, env: Record<string, string>): string {
  return value
    .split('$$')
    .map((part) =>
      part.replace(VARIABLE, (_match, braced: string | undefined, operator: string | undefined, argument: string | undefined, bare: string | undefined) => {
        const name = (braced ?? bare)!;
        const given = env[name];
        const unset = operator?.startsWith(':') ? !given : given === undefined;
        if (!unset || !operator) return given ?? '';
        if (operator.endsWith('?')) throw new Error(`${name} is required: ${argument}`);
        return argument ?? '';
      }),
    )
    .join('$');
}

/** Variables compose refuses to run without (${X:?…} or ${X?…}). */
function requiredVariables(text: string): string[] {
  return [...new Set([...text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*):?\?/g)].map((match) => match[1]!))].sort();
}

function variablesRead(text: string): string[] {
  return [...new Set([...text.split('$$').join('').matchAll(VARIABLE)].map((match) => (match[1] ?? match[4])!))].sort();
}

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  name: string | null;
  instructions: Instruction[];
}

/** The Dockerfile as stages of instructions (continuation lines joined, comments dropped). */
function dockerfileStages(text: string): Stage[] {
  const stages: Stage[] = [];
  const logical = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  for (const line of logical) {
    const [keyword = '', ...rest] = line.split(/\s+/);
    const instruction = { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    if (instruction.keyword === 'FROM') {
      stages.push({ name: /\sAS\s+(\S+)$/i.exec(instruction.args)?.[1] ?? null, instructions: [] });
    }
    stages.at(-1)?.instructions.push(instruction);
  }
  return stages;
}

interface Copy {
  from: string | null;
  sources: string[];
  /** Absolute, resolved against the WORKDIR in force. */
  destination: string;
}

function copiesOf(stage: Stage): Copy[] {
  const copies: Copy[] = [];
  let workdir = '/';
  for (const { keyword, args } of stage.instructions) {
    if (keyword === 'WORKDIR') workdir = posix.resolve(workdir, args);
    if (keyword !== 'COPY') continue;
    const words = args.split(/\s+/);
    const paths = words.filter((word) => !word.startsWith('--'));
    copies.push({
      from: words.find((word) => word.startsWith('--from='))?.slice('--from='.length) ?? null,
      sources: paths.slice(0, -1),
      destination: posix.resolve(workdir, paths.at(-1)!),
    });
  }
  return copies;
}

function envOfStage(stage: Stage): Record<string, string> {
  const pairs = stage.instructions
    .filter((instruction) => instruction.keyword === 'ENV')
    .flatMap((instruction) => [...instruction.args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=(\S+)/g)].map((match) => [match[1]!, match[2]!] as const));
  return Object.fromEntries(pairs);
}

const dockerfileText = read(join(dockerDir, 'Dockerfile'));
const stages = dockerfileStages(dockerfileText);
const runtime = stages.at(-1)!;
const exampleEnv = dotenv(join(dockerDir, '.env.example'));

describe('docker/compose.yaml', () => {
  it('runs at least two hub replicas', () => {
    const replicas = hubNames.reduce((sum, name) => sum + (services[name]?.deploy?.replicas ?? 1), 0);
    expect(hubNames.length).toBeGreaterThan(0);
    expect(replicas).toBeGreaterThanOrEqual(2);
  });

  it.each(hubNames)('gives %s every setting config.ts accepts, and nothing else', (name) => {
    const names = Object.keys(environmentOf(services[name]!));
    expect(names.filter((variable) => !(CONFIG_VARIABLES as string[]).includes(variable))).toEqual([]);
    expect(CONFIG_VARIABLES.filter((variable) => !names.includes(variable))).toEqual([]);
  });

  // Once as .env.example fills them in, once with compose's own defaults (only the secrets given).
  const requiredOnly = Object.fromEntries(requiredVariables(composeText).map((variable) => [variable, exampleEnv[variable] ?? '']));
  it.each(hubNames.flatMap((name) => [[name, '.env.example', exampleEnv] as const, [name, 'compose defaults', requiredOnly] as const]))(
    'gives %s values that pass the hub\'s validation (%s)',
    (name, _source, dotenvValues) => {
      const env = Object.fromEntries(
        Object.entries(environmentOf(services[name]!)).map(([key, value]) => [key, interpolate(value, dotenvValues)]),
      );
      const config = loadConfig(env);
      expect(config.env).toBe('production');
      expect(new URL(config.databaseUrl ?? '').hostname).toBe('postgres');
      expect(new URL(config.redisUrl ?? '').hostname).toBe('redis');
      expect(config.trustProxy).toBe(true);
      const mounts = (services[name]!.volumes ?? []).map((volume) => (typeof volume === 'string' ? volume.split(':')[1] : volume.target));
      expect(mounts).toContain(config.attachmentsDir);
    },
  );

  it('shares one attachments volume between the replicas', () => {
    const sources = hubNames.map((name) =>
      (services[name]!.volumes ?? [])
        .map((volume) => (typeof volume === 'string' ? volume.split(':') : [volume.source, volume.target]))
        .find(([, target]) => target === environmentOf(services[name]!).ATTACHMENTS_DIR)?.[0],
    );
    expect(new Set(sources).size).toBe(1);
    expect(Object.keys(compose.volumes ?? {})).toContain(sources[0]);
  });

  it('checks the health of postgres, redis and every replica, and starts replicas after healthy postgres and redis', () => {
    for (const name of ['postgres', 'redis', ...hubNames]) {
      const check = services[name]?.healthcheck;
      expect(check?.disable, name).not.toBe(true);
      expect(check?.test, name).toBeTruthy();
    }
    for (const name of hubNames) {
      expect(services[name]!.depends_on).toMatchObject({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      });
    }
  });

  it('runs PostgreSQL 18 with its data in a volume at the path 18+ images use', () => {
    const postgres = services.postgres!;
    expect(postgres.image).toMatch(/^postgres:18(\b|$)/);
    const [source, target] = (postgres.volumes?.[0] as string).split(':');
    expect(target).toBe('/var/lib/postgresql');
    expect(Object.keys(compose.volumes ?? {})).toContain(source);
  });

  it('references only files that exist', () => {
    const missing: string[] = [];
    const mustExist = (path: string, kind: 'file' | 'directory') => {
      if (!existsSync(path) || statSync(path).isFile() !== (kind === 'file')) missing.push(path);
    };
    for (const service of Object.values(services)) {
      if (service.build) {
        const { context = '.', dockerfile = 'Dockerfile' } = typeof service.build === 'string' ? { context: service.build } : service.build;
        mustExist(resolve(dockerDir, context), 'directory');
        mustExist(resolve(dockerDir, context, dockerfile), 'file');
      }
      for (const file of [service.env_file ?? []].flat()) mustExist(resolve(dockerDir, typeof file === 'string' ? file : file.path), 'file');
      for (const volume of service.volumes ?? []) {
        const source = typeof volume === 'string' ? volume.split(':')[0]! : (volume.source ?? '');
        if (/^[./~]/.test(source)) mustExist(resolve(dockerDir, source), 'file');
      }
    }
    expect(missing).toEqual([]);
  });

  it('reads only variables that .env.example describes, and .env.example describes no others', () => {
    expect(variablesRead(composeText)).toEqual(Object.keys(exampleEnv).sort());
  });

  it('puts the replicas, and only them, behind the entry on the port they listen on', () => {
    const caddyfile = read(join(dockerDir, 'Caddyfile'));
    const upstreams = /reverse_proxy\s+([^{\n]+)\{/.exec(caddyfile)?.[1]?.trim().split(/\s+/) ?? [];
    expect(upstreams.sort()).toEqual(hubNames.map((name) => `${name}:${environmentOf(services[name]!).PORT}`).sort());
    expect(caddyfile).toMatch(/health_uri\s+\/readyz/);
  });
});

describe('docker/Dockerfile', () => {
  const stageNames = stages.map((stage) => stage.name);

  it('builds in stages and copies only from earlier ones', () => {
    expect(stageNames).toEqual(expect.arrayContaining(['deps', 'build', 'runtime']));
    stages.forEach((stage, index) => {
      for (const copy of copiesOf(stage).filter((item) => item.from)) {
        expect(stageNames.slice(0, index), `COPY --from=${copy.from} in ${stage.name}`).toContain(copy.from);
      }
    });
  });

  it('builds the web client and the server bundle', () => {
    const build = stages.find((stage) => stage.name === 'build')!;
    const runs = build.instructions.filter((instruction) => instruction.keyword === 'RUN').map((instruction) => instruction.args).join('\n');
    expect(runs).toContain('--filter @ecohub/web run build');
    expect(runs).toContain('--filter @ecohub/server run build');
    const serverScripts = JSON.parse(read(join(repoRoot, 'apps/server/package.json'))).scripts as Record<string, string>;
    expect(serverScripts.build).toContain('--outfile=dist/main.js');
    expect(serverScripts.build).toContain('src/cli/worker.ts');
    expect(serverScripts.build).toContain('--outfile=dist/worker.js');
  });

  it('runs the jobs in one worker service from the same image, and not in the replicas', () => {
    const worker = services.worker!;
    expect(worker.image).toBe(services[hubNames[0]!]!.image);
    const env = environmentOf(worker);
    expect(Object.keys(env).sort()).toEqual([...CONFIG_VARIABLES].sort());
    expect(env.RUN_JOBS).toBe('true');
    for (const name of hubNames) expect(environmentOf(services[name]!).RUN_JOBS).toBe('false');
    const command = (worker as Service & { command?: string[] }).command ?? [];
    expect(command.at(-1)).toBe('dist/worker.js');
    expect(worker.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' } });
  });

  it('ships the web client where WEB_DIST_DIR points and runs the bundle it copies', () => {
    const web = copiesOf(runtime).find((copy) => copy.from === 'build' && copy.sources.some((source) => source.endsWith('apps/web/dist')));
    const bundle = copiesOf(runtime).find((copy) => copy.from === 'build' && copy.sources.some((source) => source.endsWith('apps/server/dist')));
    expect(web, 'COPY --from=build …/apps/web/dist').toBeDefined();
    expect(bundle, 'COPY --from=build …/apps/server/dist').toBeDefined();
    const webDir = web!.destination;
    expect(envOfStage(runtime).WEB_DIST_DIR).toBe(webDir);
    for (const name of hubNames) expect(environmentOf(services[name]!).WEB_DIST_DIR).toBe(webDir);
    const cmd = runtime.instructions.findLast((instruction) => instruction.keyword === 'CMD')?.args ?? '';
    const workdir = runtime.instructions.findLast((instruction) => instruction.keyword === 'WORKDIR')?.args ?? '/';
    const main = (JSON.parse(cmd) as string[]).find((arg) => arg.endsWith('main.js'))!;
    expect(posix.resolve(workdir, main)).toBe(posix.join(bundle!.destination, 'main.js'));
  });

  it('runs as a non-root user in production, exposes the port the replicas use and checks /healthz', () => {
    const keyword = (name: string) => runtime.instructions.filter((instruction) => instruction.keyword === name).map((instruction) => instruction.args);
    expect(keyword('USER').at(-1)).toMatch(/^(?!root$|0$)\S+/);
    expect(envOfStage(runtime).NODE_ENV).toBe('production');
    expect(keyword('EXPOSE')).toEqual(hubNames.map((name) => environmentOf(services[name]!).PORT).slice(0, 1));
    expect(keyword('HEALTHCHECK').join(' ')).toContain('/healthz');
    expect(runtime.instructions[0]?.args).toMatch(/NODE_IMAGE|node:24/);
    expect(dockerfileText).toMatch(/ARG NODE_IMAGE=node:24-/);
  });

  it('sets only variables config.ts accepts', () => {
    const names = Object.keys(envOfStage(runtime));
    expect(names.filter((name) => !(CONFIG_VARIABLES as string[]).includes(name))).toEqual([]);
  });

  it('copies from the build context only files that exist and .dockerignore lets through', () => {
    const ignored = read(join(repoRoot, '.dockerignore'))
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    for (const copy of stages.flatMap(copiesOf).filter((item) => !item.from)) {
      for (const source of copy.sources) {
        expect(existsSync(join(repoRoot, source)), source).toBe(true);
        expect(ignored, source).not.toContain(source);
      }
    }
  });
});
