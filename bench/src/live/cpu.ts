import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

interface ProcessCpu {
  pid: number;
  ppid: number;
  comm: string;
  ms: number;
}

function read(pid: number): ProcessCpu | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // After the command: state(0) ppid(1) … utime(11) stime(12).
    return { pid, ppid: Number(fields[1]), comm, ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
  } catch {
    return null;
  }
}

/**
 * CPU milliseconds used so far by a process (under `root`) and its descendants, by command name
 * (`postgres` for every PostgreSQL process). A Node process's command is its main thread's name,
 * so the root is named by role instead.
 */
export function treeCpu(rootPid: number): Map<string, Map<number, number>> {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => read(Number(name)))
    .filter((p): p is ProcessCpu => p !== null);
  const children = new Map<number, ProcessCpu[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const byComm = new Map<string, Map<number, number>>();
  const walk = (p: ProcessCpu) => {
    const comm = p.pid === rootPid ? 'root' : p.comm.startsWith('postgres') ? 'postgres' : p.comm;
    byComm.set(comm, (byComm.get(comm) ?? new Map()).set(p.pid, p.ms));
    for (const child of children.get(p.pid) ?? []) walk(child);
  };
  const root = all.find((p) => p.pid === rootPid);
  if (root) walk(root);
  return byComm;
}

/** CPU ms a kind of process used between two snapshots (processes that started meanwhile count whole). */
export function cpuBetween(before: Map<string, Map<number, number>>, after: Map<string, Map<number, number>>, comm: string): number {
  let ms = 0;
  for (const [pid, used] of after.get(comm) ?? []) ms += used - (before.get(comm)?.get(pid) ?? 0);
  return ms;
}
