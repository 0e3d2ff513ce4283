// The recorder behind BATON_TRACE_FILE: every trace point and every store call's steps (undici's
// diagnostics channels: request written, answer's headers, answer complete), each with its epoch
// time, kept in memory and written to the file on SIGUSR2 or at exit. Nothing is written while the
// station works: a write per point would be work of its own inside the command it times.
import { subscribe } from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';
import type { Trace, TracePoint } from '../core/platform/trace';

/** A trace point, or one step of an outgoing HTTP request (a store call). */
export type TraceName = TracePoint | 'store.send' | 'store.headers' | 'store.done';

/** [name, epoch ms] */
export type TraceRow = [TraceName, number];

export interface TraceRecorder {
  trace: Trace;
  rows(): readonly TraceRow[];
  /** Writes what was recorded to the file (once at exit; on SIGUSR2 when the caller wires it). */
  dump(): void;
}

/** Bounded: past `max` rows the newest are dropped (a forgotten trace cannot fill the memory). */
export function createTraceRecorder(file: string, max = 1_000_000): TraceRecorder {
  const rows: TraceRow[] = [];
  const origin = performance.timeOrigin;
  const mark = (name: TraceName) => {
    if (rows.length < max) rows.push([name, origin + performance.now()]);
  };
  subscribe('undici:client:sendHeaders', () => mark('store.send'));
  subscribe('undici:request:headers', () => mark('store.headers'));
  subscribe('undici:request:trailers', () => mark('store.done'));
  return {
    trace: mark,
    rows: () => rows,
    dump() {
      try {
        writeFileSync(file, JSON.stringify(rows));
      } catch {
        // The bench removed its folder while the station stops: nothing left to report to.
      }
    },
  };
}
