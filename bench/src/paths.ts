import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const REPO_ROOT = dirname(BENCH_DIR);
/** Ignored by git: data folders, logs, profiles and the JSON results. */
export const RESULTS_DIR = join(REPO_ROOT, '.bench-results');
export const LOGS_DIR = join(RESULTS_DIR, 'logs');
export const PROFILES_DIR = join(RESULTS_DIR, 'profiles');
export const SERVER_DIR = join(REPO_ROOT, 'apps', 'server');
