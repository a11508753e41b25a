import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface CostLine {
  name: string;
  percent: number;
}

/** Where a frame's code lives: a package, the hub's own source, or node/V8 internals. */
function ownerOf(url: string): string {
  if (!url) return '(V8 / native)';
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pnpm) return pnpm[1] as string;
  const plain = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (plain) return plain[1] as string;
  if (url.startsWith('node:')) return 'node internals';
  const own = /(apps\/server\/src\/.+|packages\/domain\/src\/.+)$/.exec(url);
  return own ? (own[1] as string) : url;
}

/**
 * Self time of a V8 CPU profile (`node --cpu-prof`) by function and by package: what the
 * process spent its CPU on, idle time left out.
 */
export function summarizeProfile(file: string, top = 12): { functions: CostLine[]; owners: CostLine[]; busyPercent: number } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  let total = 0;
  let idle = 0;
  const functions = new Map<string, number>();
  const owners = new Map<string, number>();
  for (const [id, time] of self) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    total += time;
    if (frame.functionName === '(idle)' || frame.functionName === '(program)') {
      if (frame.functionName === '(idle)') idle += time;
      continue;
    }
    const owner = ownerOf(frame.url);
    const name = `${frame.functionName || '(anonymous)'} — ${owner}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + time);
    owners.set(owner, (owners.get(owner) ?? 0) + time);
  }
  const busy = total - idle;
  const rank = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, time]) => ({ name, percent: Math.round((time / busy) * 1000) / 10 }));
  return { functions: rank(functions), owners: rank(owners), busyPercent: Math.round((busy / total) * 1000) / 10 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node --import tsx src/profile-summary.ts <file.cpuprofile>');
  const summary = summarizeProfile(file, 20);
  process.stdout.write(`busy ${summary.busyPercent}% of the profiled time\n\nby package (self time):\n`);
  for (const line of summary.owners) process.stdout.write(`  ${String(line.percent).padStart(5)}%  ${line.name}\n`);
  process.stdout.write('\nby function (self time):\n');
  for (const line of summary.functions) process.stdout.write(`  ${String(line.percent).padStart(5)}%  ${line.name}\n`);
}
