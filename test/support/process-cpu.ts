// CPU time spent by a process tree, read from Linux's /proc: what a long e2e run cost each part of
// the system (the station, the browser's processes by kind, the test runner), so a slow run says where its time went.
import { existsSync, readFileSync, readdirSync } from 'node:fs';

export interface CpuSample {
  /** CPU seconds (user + system) per label. */
  seconds: Record<string, number>;
}

const TICKS = 100; // USER_HZ: 100 on every Linux the tests run on

interface Proc {
  pid: number;
  ppid: number;
  cpu: number;
  cmd: string;
}

function readProcs(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name is in parentheses and may itself hold spaces or parentheses: read after the last ')'.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
      out.push({ pid: Number(name), ppid: Number(rest[1]), cpu: (Number(rest[11]) + Number(rest[12])) / TICKS, cmd });
    } catch {
      // The process ended while the list was read.
    }
  }
  return out;
}

/** A Chromium process's kind from its command line: renderer, gpu-process, utility, … or browser. */
export function chromiumKind(cmd: string): string {
  return /--type=([\w-]+)/.exec(cmd)?.[1] ?? 'browser';
}

/**
 * CPU seconds of `roots` (labelled) and everything they started; a descendant that is a Chromium
 * process is counted under "chromium <kind>" instead. Null where /proc is not there.
 */
export function sampleCpu(roots: Record<string, number | undefined>): CpuSample | null {
  if (!existsSync('/proc/self/stat')) return null;
  const procs = readProcs();
  const children = new Map<number, Proc[]>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const byPid = new Map(procs.map((p) => [p.pid, p]));
  const seconds: Record<string, number> = {};
  const add = (label: string, s: number) => (seconds[label] = (seconds[label] ?? 0) + s);
  for (const [label, pid] of Object.entries(roots)) {
    const root = pid === undefined ? undefined : byPid.get(pid);
    if (!root) continue;
    const walk = (p: Proc, own: string) => {
      const here = /chrom(e|ium)/.test(p.cmd.split(' ')[0] ?? '') ? `chromium ${chromiumKind(p.cmd)}` : own;
      add(here, p.cpu);
      for (const c of children.get(p.pid) ?? []) walk(c, here);
    };
    walk(root, label);
  }
  return { seconds };
}

/** Seconds spent between two samples, per label, largest first, as "label 12.3 s". */
export function cpuBetween(a: CpuSample | null, b: CpuSample | null): string {
  if (!a || !b) return 'not measured (no /proc)';
  return Object.entries(b.seconds)
    .map(([k, v]) => [k, v - (a.seconds[k] ?? 0)] as const)
    .sort((x, y) => y[1] - x[1])
    .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
    .join(', ');
}
