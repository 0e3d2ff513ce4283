// CPU time (user + system) of every process this one started, from /proc: the whole browser
// (renderer main and compositor threads, raster workers, GPU/viz and browser processes) without
// the station running in this process. On a shared machine a frame's wall time holds the waits
// for a core; the CPU the browser spent on a fixed piece of work does not. Linux only.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux.

function stat(pid: number): { ppid: number; cpuMs: number } | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), from field 3 on.
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), cpuMs: (Number(f[11]) + Number(f[12])) * TICK_MS };
  } catch {
    return null;
  }
}

function table(): Map<number, { ppid: number; cpuMs: number }> {
  const all = new Map<number, { ppid: number; cpuMs: number }>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const s = stat(pid);
    if (s) all.set(pid, s);
  }
  return all;
}

/** The processes descended from `root` (default: this process), alive now. */
export function descendantPids(root = process.pid): Set<number> {
  const all = table();
  const children = new Map<number, number[]>();
  for (const [pid, s] of all) children.set(s.ppid, [...(children.get(s.ppid) ?? []), pid]);
  const out = new Set<number>();
  const todo = [...(children.get(root) ?? [])];
  while (todo.length) {
    const pid = todo.pop() as number;
    out.add(pid);
    todo.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** CPU ms spent so far by these processes (those still alive). */
export function cpuMsOf(pids: ReadonlySet<number>): number {
  let ms = 0;
  for (const pid of pids) ms += stat(pid)?.cpuMs ?? 0;
  return ms;
}

/** CPU ms one process has used so far; null when there is no such process (or no /proc). */
export function processCpuMs(pid: number | undefined): number | null {
  return pid === undefined ? null : (stat(pid)?.cpuMs ?? null);
}

/** CPU ms of the descendants of `root` (default: this process), alive now. */
export function descendantsCpuMs(root = process.pid): number {
  return cpuMsOf(descendantPids(root));
}
