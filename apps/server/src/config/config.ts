import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Every setting is validated once at start; a bad value stops the
 * hub with a message naming the variable, instead of failing later in some request.
 */
const repoRoot = findRepoRoot();

/** Searched upwards because this module runs from src/ under tsx and from the dist/ bundle. */
function findRepoRoot(): string {
  for (let dir = import.meta.dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
  }
  return process.cwd();
}

const csv = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// or postgresql:// URL');

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).default(resolve(repoRoot, '.data')),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  REDIS_URL: z
    .string()
    .refine((value) => /^rediss?:\/\//.test(value), 'must be a redis:// or rediss:// URL')
    .optional(),
  ALLOWED_ORIGINS: csv.optional(),
  WEB_DIST_DIR: z.string().default(resolve(repoRoot, 'apps/web/dist')),
  ATTACHMENTS_DIR: z.string().optional(),
  S3_URL: z
    .string()
    .refine((value) => /^https?:\/\/[^:/@]+:[^@]+@[^/]+\/[^/?]+/.test(value), 'must be http(s)://KEY:SECRET@host[:port]/bucket[?region=…]')
    .optional(),
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1).default(20 * 1024 * 1024),
  SEED_ON_START: booleanFlag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 365).default(24 * 14),
  OUTBOX_RETENTION_HOURS: z.coerce.number().int().min(1).default(72),
  COOKIE_SECURE: booleanFlag.optional(),
  TRUST_PROXY: booleanFlag.default(false),
  SMTP_URL: z
    .string()
    .refine((value) => /^smtps?:\/\//.test(value), 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('EcoHub <no-reply@ecohub.local>'),
  MAIL_BATCH_SECONDS: z.coerce.number().min(0).max(86_400).default(300),
  RUN_JOBS: booleanFlag.default(true),
});

export type ConfigInput = Partial<Record<keyof z.input<typeof configSchema>, string>>;

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** PORT was set: a busy port is an error. Unset: the next free port is taken (and said). */
  portGiven: boolean;
  publicUrl: string | null;
  /** null: start the embedded PostgreSQL in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  /** Also serve the embedded PostgreSQL on 127.0.0.1 at this port; null: its Unix socket only. */
  embeddedPostgresPort: number | null;
  redisUrl: string | null;
  /** Origins allowed for browser requests and websockets; null means "the server's own origin". */
  allowedOrigins: string[] | null;
  webDistDir: string;
  attachmentsDir: string;
  /** An S3-compatible store for attachments instead of ATTACHMENTS_DIR (uploads in progress stay there). */
  s3Url: string | null;
  attachmentMaxBytes: number;
  seedOnStart: boolean;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  sessionTtlHours: number;
  outboxRetentionHours: number;
  /** How often due follow-ups are opened and reminders sent; 0 turns the check off. */
  cookieSecure: boolean;
  trustProxy: boolean;
  /** null: mail is kept in the database and read by admins in the app (the outbox page). */
  smtpUrl: string | null;
  mailFrom: string;
  /** Mentions, assignments and reminders to one person are gathered into one mail per window. */
  mailBatchSeconds: number;
  /** Run the job worker inside the hub (default); false when `npm run worker` runs apart. */
  runJobs: boolean;
}

export const CONFIG_VARIABLES = Object.keys(configSchema.shape) as (keyof typeof configSchema.shape)[];

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: ConfigInput | NodeJS.ProcessEnv = process.env): Config {
  const known = Object.fromEntries(
    CONFIG_VARIABLES.filter((name) => env[name] !== undefined && env[name] !== '').map((name) => [name, env[name]]),
  );
  const parsed = configSchema.safeParse(known);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`),
    );
  }
  const c = parsed.data;
  const production = c.NODE_ENV === 'production';
  return {
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    portGiven: known.PORT !== undefined,
    publicUrl: c.PUBLIC_URL ?? null,
    databaseUrl: c.DATABASE_URL ?? null,
    dataDir: resolve(c.DATA_DIR),
    embeddedPostgresPort: c.EMBEDDED_POSTGRES_PORT ?? null,
    redisUrl: c.REDIS_URL ?? null,
    allowedOrigins: c.ALLOWED_ORIGINS ?? (c.PUBLIC_URL ? [new URL(c.PUBLIC_URL).origin] : null),
    webDistDir: resolve(c.WEB_DIST_DIR),
    attachmentsDir: resolve(c.ATTACHMENTS_DIR ?? resolve(c.DATA_DIR, 'attachments')),
    s3Url: c.S3_URL ?? null,
    attachmentMaxBytes: c.ATTACHMENT_MAX_BYTES,
    seedOnStart: c.SEED_ON_START,
    logLevel: c.LOG_LEVEL,
    sessionTtlHours: c.SESSION_TTL_HOURS,
    outboxRetentionHours: c.OUTBOX_RETENTION_HOURS,
    cookieSecure: c.COOKIE_SECURE ?? production,
    trustProxy: c.TRUST_PROXY,
    smtpUrl: c.SMTP_URL ?? null,
    mailFrom: c.MAIL_FROM,
    mailBatchSeconds: c.MAIL_BATCH_SECONDS,
    runJobs: c.RUN_JOBS,
  };
}

/** For the command-line entry points (the hub, the worker): a bad setting ends the process with its message. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(2);
  }
}
