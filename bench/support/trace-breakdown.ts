// Reads a Chromium trace (browser.startTracing with TRACE_CATEGORIES) for one page load: the
// renderer main thread's busy time, split by kind of work (self time, nested events not counted twice),
// over a span measured from the page's navigation start, plus where the bundle's evaluation ended
// and how long the bundle was compiled off the main thread.

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'v8.execute', 'v8', 'blink.user_timing', 'loading'];

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs; absent when the trace has no thread timing. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

/** Work kinds, by trace event name; anything else busy on the main thread counts as "other". */
const KIND: Record<string, string> = {
  ParseHTML: 'parse HTML',
  ParseAuthorStyleSheet: 'parse CSS',
  'v8.compile': 'compile JS',
  'v8.compileModule': 'compile JS',
  'V8.CompileCode': 'compile JS',
  'v8.produceModuleCache': 'compile JS',
  'v8.produceCache': 'compile JS',
  'v8.deserializeModuleCache': 'compile JS',
  'v8.evaluateModule': 'run JS',
  EvaluateScript: 'run JS',
  FunctionCall: 'run JS',
  TimerFire: 'run JS',
  FireAnimationFrame: 'run JS',
  EventDispatch: 'run JS',
  RunMicrotasks: 'run JS',
  'v8.run': 'run JS',
  'V8.Execute': 'run JS',
  UpdateLayoutTree: 'style + layout',
  Layout: 'style + layout',
  ScheduleStyleRecalculation: 'style + layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
  UpdateLayer: 'paint',
  PaintImage: 'paint',
  MinorGC: 'GC',
  MajorGC: 'GC',
  'V8.GCScavenger': 'GC',
  'V8.GCFinalizeMC': 'GC',
  'V8.GC_MC_BACKGROUND_MARKING': 'GC',
  BlinkGC: 'GC',
};

export interface LoadBreakdown {
  /** Main-thread self time by kind (ms) between navigation start and `untilMs`. */
  busy: Record<string, number>;
  /** ms from navigation start: the end of the bundle's evaluation (null when not seen). */
  bundleEvaluatedAt: number | null;
  /** Compile done off the main thread (streaming), ms. */
  backgroundCompileMs: number;
}

export function mainThreadOf(events: TraceEvent[], urlPart: string): { pid: number; tid: number; navStart: number } | null {
  const parse = events.find((e) => e.name === 'ParseHTML' && JSON.stringify(e.args ?? {}).includes(urlPart));
  if (!parse) return null;
  const starts = events.filter((e) => e.name === 'navigationStart' && e.pid === parse.pid && e.ts <= parse.ts).sort((a, b) => b.ts - a.ts);
  const nav = starts[0];
  return nav ? { pid: parse.pid, tid: parse.tid, navStart: nav.ts } : null;
}

/**
 * One thread's busy self time by kind (ms) between `from` and `to` (trace µs). `clock: 'cpu'` charges
 * thread time (`tdur`) instead of wall time, so a wait for a core on a busy machine is nobody's.
 * `otherNames`, when given, collects the self time left as "other" by the event it belongs to.
 */
export function busyByKind(
  events: readonly TraceEvent[],
  thread: { pid: number; tid: number },
  from: number,
  to: number,
  clock: 'wall' | 'cpu' = 'wall',
  otherNames?: Record<string, number>,
): Record<string, number> {
  const spans = events
    .filter((e) => e.ph === 'X' && e.pid === thread.pid && e.tid === thread.tid && e.dur !== undefined && e.ts + (e.dur ?? 0) > from && e.ts < to)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const busy: Record<string, number> = {};
  // Self time: walk the nesting with a stack, charging each event its duration minus its children's.
  type Open = { end: number; kind: string | null; name: string; child: number; dur: number };
  const stack: Open[] = [];
  const close = (upTo: number) => {
    while (stack.length && (stack.at(-1) as Open).end <= upTo) {
      const s = stack.pop() as Open;
      const self = Math.max(0, s.dur - s.child);
      const kind = s.kind ?? (stack.length === 0 ? 'other' : null);
      const k = kind ?? [...stack].reverse().find((x) => x.kind)?.kind ?? 'other';
      // An unnamed wrapper inside a known kind: its self time is that kind's.
      busy[k] = (busy[k] ?? 0) + self / 1000;
      if (k === 'other' && otherNames) otherNames[s.name] = (otherNames[s.name] ?? 0) + self / 1000;
    }
  };
  for (const e of spans) {
    const start = Math.max(e.ts, from);
    const end = Math.min(e.ts + (e.dur ?? 0), to);
    close(start);
    const wall = e.dur ?? 0;
    // CPU time of the part inside the window, in proportion when the window cuts the event.
    const amount = clock === 'cpu' && e.tdur !== undefined ? (wall > 0 ? (e.tdur * (end - start)) / wall : 0) : end - start;
    const parent = stack.at(-1);
    if (parent) parent.child += amount;
    stack.push({ end, kind: KIND[e.name] ?? null, name: e.name, child: 0, dur: amount });
  }
  close(Number.POSITIVE_INFINITY);
  return busy;
}

export function loadBreakdown(events: TraceEvent[], urlPart: string, untilMs: number): LoadBreakdown | null {
  const main = mainThreadOf(events, urlPart);
  if (!main) return null;
  const from = main.navStart;
  const to = from + untilMs * 1000;
  const busy = busyByKind(events, main, from, to);
  const spans = events.filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && e.dur !== undefined && e.ts + (e.dur ?? 0) > from && e.ts < to);
  // The bundle is the page's one long module evaluation (the init script and the driver's evaluations are short scripts).
  const lastEval = spans.filter((e) => e.name === 'v8.evaluateModule').sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
  const backgroundCompileMs =
    events
      .filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid !== main.tid && (e.name === 'v8.parseOnBackground' || e.name === 'v8.compile' || e.name === 'V8.CompileCode') && e.ts >= from && e.ts < to)
      .reduce((a, e) => a + (e.dur ?? 0), 0) / 1000;
  return { busy, bundleEvaluatedAt: lastEval ? (lastEval.ts + (lastEval.dur ?? 0) - from) / 1000 : null, backgroundCompileMs };
}

/** The trace's events, from what browser.stopTracing() returns. */
export function parseTrace(buffer: Buffer): TraceEvent[] {
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}
