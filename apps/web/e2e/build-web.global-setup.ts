import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const webRoot = resolve(import.meta.dirname, '..');
const domainSrc = resolve(webRoot, '../../packages/domain/src');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** The browser tests run against the built client the server serves: build it when it is missing or older than its sources. */
export default async function setup(): Promise<void> {
  const index = join(webRoot, 'dist', 'index.html');
  const sources = Math.max(
    newestMtime(join(webRoot, 'src')),
    newestMtime(domainSrc),
    statSync(join(webRoot, 'index.html')).mtimeMs,
    statSync(join(webRoot, 'vite.config.ts')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs > sources) return;
  const started = performance.now();
  await build({ root: webRoot, configFile: join(webRoot, 'vite.config.ts'), logLevel: 'warn' });
  console.warn(`[e2e] built apps/web/dist in ${Math.round(performance.now() - started)} ms`);
}
