// What each frame cost the page's main thread, from a Chromium trace taken while a page ran: the
// tasks that began between one main-thread frame and the next, in wall time and in CPU time.
// CPU time is what the page itself spent: on a shared 2-core machine a task's wall time also holds
// the time the thread waited for a core, which is the machine's noise, not the page's cost.
import { busyByKind, type TraceEvent } from './trace-breakdown';

/** Enough to read frames and tasks: `npm run bench` traces with these while frames are measured. */
export const FRAME_TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame'];


export interface FrameCost {
  /** Trace time (µs) the frame opened and the next one did. */
  from: number;
  to: number;
  /** Main-thread wall time of the tasks begun in this frame, ms. */
  wallMs: number;
  /** Their CPU time, ms (wall time when the trace has no thread timing). */
  cpuMs: number;
}

export interface FrameCosts {
  frames: FrameCost[];
  /** The page's renderer main thread. */
  thread: { pid: number; tid: number };
  /** Tasks over 50 ms of wall time (the Long Tasks API's rule). */
  longTasks: number;
  /** Tasks over 50 ms of CPU time: long however busy the machine was. */
  longTasksCpu: number;
}

/**
 * The renderer main thread that drew the most frames is the measured page's (a trace can hold other
 * renderers); the task holding each `BeginMainThreadFrame` there opens a frame, and a top-level
 * `RunTask` counts in the frame it began in. Null when the trace has no frames.
 */
export function frameCosts(events: readonly TraceEvent[]): FrameCosts | null {
  const beginsBy = new Map<string, number[]>();
  for (const e of events) {
    if (e.name !== 'BeginMainThreadFrame') continue;
    const k = `${e.pid}:${e.tid}`;
    const list = beginsBy.get(k) ?? [];
    list.push(e.ts);
    beginsBy.set(k, list);
  }
  let thread: string | null = null;
  let begins: number[] = [];
  for (const [k, list] of beginsBy) {
    if (list.length > begins.length) {
      thread = k;
      begins = list;
    }
  }
  if (!thread || begins.length < 2) return null;
  const tasks = events
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && `${e.pid}:${e.tid}` === thread && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  // A frame opens with the task its BeginMainThreadFrame runs in (that task is the frame's rendering).
  begins = begins
    .map((b) => tasks.find((t) => t.ts <= b && b < t.ts + (t.dur ?? 0))?.ts ?? b)
    .sort((a, b) => a - b);
  const frames: FrameCost[] = begins.slice(0, -1).map((from, i) => ({ from, to: begins[i + 1] as number, wallMs: 0, cpuMs: 0 }));
  let f = 0;
  let longTasks = 0;
  let longTasksCpu = 0;
  for (const t of tasks) {
    const wall = (t.dur ?? 0) / 1000;
    const cpu = (t.tdur ?? t.dur ?? 0) / 1000;
    if (wall > 50) longTasks += 1;
    if (cpu > 50) longTasksCpu += 1;
    // Tasks before the first frame or after the last one belong to no measured frame.
    if (t.ts < (begins[0] as number) || t.ts >= (begins.at(-1) as number)) continue;
    while (f + 1 < begins.length - 1 && t.ts >= (begins[f + 1] as number)) f += 1;
    const frame = frames[f] as FrameCost;
    frame.wallMs += wall;
    frame.cpuMs += cpu;
  }
  const [pid, tid] = thread.split(':').map(Number) as [number, number];
  return { frames, thread: { pid, tid }, longTasks, longTasksCpu };
}

/**
 * Where the dearest frames go: main-thread self CPU time by kind (script, style + layout, paint, GC…),
 * averaged over the frames whose CPU time is at or above the p95 — what to work on next. `other`
 * names its biggest events.
 */
export function dearestFramesByKind(events: readonly TraceEvent[], costs: FrameCosts, quantile = 0.95): { frames: number; byKind: Record<string, number>; other: Record<string, number> } {
  const sorted = [...costs.frames].sort((a, b) => a.cpuMs - b.cpuMs);
  const cut = sorted[Math.floor(sorted.length * quantile)]?.cpuMs ?? Number.POSITIVE_INFINITY;
  const dear = costs.frames.filter((f) => f.cpuMs >= cut);
  const byKind: Record<string, number> = {};
  const otherTotal: Record<string, number> = {};
  for (const f of dear) {
    for (const [k, ms] of Object.entries(busyByKind(events, costs.thread, f.from, f.to, 'cpu', otherTotal))) byKind[k] = (byKind[k] ?? 0) + ms / dear.length;
  }
  const other = Object.fromEntries(Object.entries(otherTotal).map(([k, ms]) => [k, ms / dear.length]));
  return { frames: dear.length, byKind, other };
}

/** rAF intervals longer than one and a half vsync periods: a frame the screen did not get in time. */
export function droppedFrames(intervals: readonly number[], vsyncMs = 1000 / 60): number {
  return intervals.filter((x) => x > vsyncMs * 1.5).length;
}

/**
 * CPU time per frame of every thread of the page's renderer (main, compositor, raster workers), ms:
 * the tasks begun in each frame's span. Unlike an unpaced rAF interval it does not hold the waits for
 * a core, so two builds can be compared on a shared machine; `all` is the frame's whole cost to the
 * renderer, `main` its main thread's.
 */
export function rendererCpuPerFrame(events: readonly TraceEvent[], costs: FrameCosts): { main: number[]; all: number[] } {
  const { pid } = costs.thread;
  const main = `${pid}:${costs.thread.tid}`;
  const TOP = new Set(['ThreadControllerImpl::RunTask', 'RunTask', 'TaskGraphRunner::RunTask', 'ThreadPool_RunTask']);
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.pid !== pid || e.ph !== 'X' || !TOP.has(e.name)) continue;
    const k = `${e.pid}:${e.tid}`;
    const list = byThread.get(k) ?? [];
    list.push(e);
    byThread.set(k, list);
  }
  // Outermost tasks only: a RunTask nested in a ThreadControllerImpl::RunTask is not counted twice.
  const outer = new Map<string, TraceEvent[]>();
  for (const [k, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const kept: TraceEvent[] = [];
    let end = -1;
    for (const e of list) {
      if (e.ts < end) continue;
      kept.push(e);
      end = e.ts + (e.dur ?? 0);
    }
    outer.set(k, kept);
  }
  const cpuIn = (list: readonly TraceEvent[], from: number, to: number) => list.filter((e) => e.ts >= from && e.ts < to).reduce((a, e) => a + (e.tdur ?? e.dur ?? 0) / 1000, 0);
  return {
    main: costs.frames.map((f) => cpuIn(outer.get(main) ?? [], f.from, f.to)),
    all: costs.frames.map((f) => [...outer.values()].reduce((a, list) => a + cpuIn(list, f.from, f.to), 0)),
  };
}
