import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** The profiler's own work when it is stopped (serializing the profile) is not the hub's. */
const PROFILER_URL = 'node:inspector';

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
 * Where a V8 CPU profile's busy time went, idle left out: self time by package and by function,
 * and inclusive time of the hub's own functions (what a resolver or service costs with
 * everything it calls).
 */
export function summarizeProfile(file: string, top = 12): { functions: CostLine[]; owners: CostLine[]; own: CostLine[]; busyPercent: number } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  let total = 0;
  let idle = 0;
  const functions = new Map<string, number>();
  const owners = new Map<string, number>();
  const own = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, time: number) => map.set(key, (map.get(key) ?? 0) + time);
  for (const [id, time] of self) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    total += time;
    if (frame.functionName === '(idle)') {
      idle += time;
      continue;
    }
    if (frame.functionName === '(program)' || frame.url === PROFILER_URL || stackHas(id, byId, parentOf, PROFILER_URL)) {
      idle += time;
      continue;
    }
    const owner = ownerOf(frame.url);
    add(functions, `${frame.functionName || '(anonymous)'} — ${owner}${frame.url ? `:${frame.lineNumber + 1}` : ''}`, time);
    add(owners, owner, time);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const f = byId.get(at)?.callFrame;
      if (!f || !/apps\/server\/src\/(?!server\.ts)/.test(f.url) || !f.functionName) continue;
      const name = `${f.functionName} — ${ownerOf(f.url)}`;
      if (!seen.has(name)) add(own, name, time);
      seen.add(name);
    }
  }
  const busy = total - idle;
  const rank = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, time]) => ({ name, percent: Math.round((time / busy) * 1000) / 10 }));
  return { functions: rank(functions), owners: rank(owners), own: rank(own), busyPercent: Math.round((busy / total) * 1000) / 10 };
}

function stackHas(id: number, byId: Map<number, ProfileNode>, parentOf: Map<number, number>, url: string): boolean {
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) if (byId.get(at)?.callFrame.url === url) return true;
  return false;
}

interface HeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: HeapNode[];
}

/** A sampling heap profile (V8's HeapProfiler): bytes still alive, by allocating package and function. */
export function summarizeHeap(file: string, top = 10): { totalBytes: number; owners: CostLine[]; functions: CostLine[] } {
  const { head } = JSON.parse(readFileSync(file, 'utf8')) as { head: HeapNode };
  const owners = new Map<string, number>();
  const functions = new Map<string, number>();
  let totalBytes = 0;
  const visit = (node: HeapNode) => {
    if (node.selfSize > 0) {
      const frame = node.callFrame;
      const owner = ownerOf(frame.url);
      totalBytes += node.selfSize;
      owners.set(owner, (owners.get(owner) ?? 0) + node.selfSize);
      const name = `${frame.functionName || '(anonymous)'} — ${owner}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
      functions.set(name, (functions.get(name) ?? 0) + node.selfSize);
    }
    for (const child of node.children) visit(child);
  };
  visit(head);
  const rank = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, bytes]) => ({ name, percent: Math.round((bytes / totalBytes) * 1000) / 10 }));
  return { totalBytes, owners: rank(owners), functions: rank(functions) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node --import tsx src/profile-summary.ts <file.cpuprofile>');
  const summary = summarizeProfile(file, 20);
  process.stdout.write(`busy ${summary.busyPercent}% of the profiled time\n\nby package (self time):\n`);
  for (const line of summary.owners) process.stdout.write(`  ${String(line.percent).padStart(5)}%  ${line.name}\n`);
  process.stdout.write('\nby function (self time):\n');
  for (const line of summary.functions) process.stdout.write(`  ${String(line.percent).padStart(5)}%  ${line.name}\n`);
  process.stdout.write('\nEcoHub functions (inclusive time):\n');
  for (const line of summary.own) process.stdout.write(`  ${String(line.percent).padStart(5)}%  ${line.name}\n`);
}
