// Where a click's time goes, from the station's trace (BATON_TRACE_FILE, src/station/click-trace.ts)
// and the bench's own store calls: each measured click is cut at the station's trace points and
// its store calls' steps, each raw operation at its calls' steps, and the parts are compared.
import { subscribe } from 'node:diagnostics_channel';
import { existsSync, readFileSync } from 'node:fs';
import type { TraceRow } from '../../src/station/click-trace';
import { summarise } from './report';

/** The bench's own outgoing requests' steps (raw store calls, HTTP clicks), epoch ms. */
export function recordOwnCalls(): TraceRow[] {
  const rows: TraceRow[] = [];
  const origin = performance.timeOrigin;
  subscribe('undici:client:sendHeaders', () => void rows.push(['store.send', origin + performance.now()]));
  subscribe('undici:request:trailers', () => void rows.push(['store.done', origin + performance.now()]));
  return rows;
}

export function readTrace(file: string): TraceRow[] {
  if (!existsSync(file)) return [];
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as TraceRow[];
  } catch {
    return [];
  }
}

/** The rows inside [from, to], in time order (rows are recorded in order). */
function within(rows: readonly TraceRow[], from: number, to: number): TraceRow[] {
  return rows.filter(([, at]) => at >= from && at <= to);
}

const first = (rows: readonly TraceRow[], name: string, after = -Infinity) => rows.find(([n, at]) => n === name && at >= after)?.[1];

/** The store calls of a window: [written, complete] pairs, in order. */
function calls(rows: readonly TraceRow[]): [number, number][] {
  const out: [number, number][] = [];
  let open: number | null = null;
  for (const [n, at] of rows) {
    if (n === 'store.send') open = at;
    else if (n === 'store.done' && open !== null) {
      out.push([open, at]);
      open = null;
    }
  }
  return out;
}

export type Parts = Record<string, number>;

/**
 * One click cut into parts (ms): the hop in, the station's steps before its first store call, each
 * call and each gap between calls, the steps after the last call (handler's end, commit, reply) and
 * the hop out; plus the broadcast work that ran inside the click. Null when the click's store calls
 * are not the expected ones (a poll's read ran beside it).
 */
export function clickParts(station: readonly TraceRow[], span: readonly [number, number], expectedCalls: number): Parts | null {
  const [t0, t1] = span;
  const rows = within(station, t0, t1);
  const arrived = first(rows, 'ws.frame') ?? first(rows, 'http.command');
  const dispatch = first(rows, 'dispatch');
  const handled = first(rows, 'handled');
  const committed = first(rows, 'committed');
  const reply = first(rows, 'reply', committed ?? t0);
  const cs = calls(rows);
  if (arrived === undefined || dispatch === undefined || handled === undefined || committed === undefined || reply === undefined || cs.length !== expectedCalls) return null;
  const parts: Parts = {
    'hop in (sent → frame/request in the station)': arrived - t0,
    'station: arrival → dispatcher': dispatch - arrived,
  };
  if (cs.length === 0) parts['station: dispatcher → handler settled (no store call)'] = handled - dispatch;
  else {
    parts['station: dispatcher → first store call written'] = (cs[0] as [number, number])[0] - dispatch;
    cs.forEach(([s, d], i) => {
      parts[`store call ${i + 1} (written → answer complete)`] = d - s;
      const next = cs[i + 1];
      if (next) parts[`gap after call ${i + 1} (answer → next call written)`] = next[0] - d;
    });
    parts['station: last answer → handler settled'] = handled - (cs.at(-1) as [number, number])[1];
  }
  parts['station: audit commit (handled → committed)'] = committed - handled;
  parts['station: committed → reply handed to the socket'] = reply - committed;
  parts['hop out (reply → answer in the bench)'] = t1 - reply;
  let publishing = 0;
  let open: number | null = null;
  for (const [n, at] of rows) {
    if (n === 'publish') open = at;
    else if (n === 'published' && open !== null) {
      publishing += at - open;
      open = null;
    }
  }
  parts['(inside the click) broadcast work'] = publishing;
  // Broadcast work that ran before the first store call left: on the click's path.
  const firstCall = cs[0]?.[0];
  let before = 0;
  open = null;
  for (const [n, at] of rows) {
    if (firstCall === undefined || at > firstCall) break;
    if (n === 'publish') open = at;
    else if (n === 'published' && open !== null) {
      before += at - open;
      open = null;
    }
  }
  parts['(inside the click) broadcast work before the first store call'] = before;
  // The broadcast the answer set off: it runs while the answer travels to the bench.
  const after = station.find(([n, at]) => n === 'publish' && at >= reply)?.[1];
  const done = after === undefined ? undefined : station.find(([n, at]) => n === 'published' && at >= after)?.[1];
  parts['(after the reply) its broadcast: reply → start'] = after === undefined ? 0 : after - reply;
  parts['(after the reply) its broadcast: work'] = after === undefined || done === undefined ? 0 : done - after;
  return parts;
}

/** One raw operation cut the same way: the bench's lead-in, each call and gap, its tail. */
export function rawParts(own: readonly TraceRow[], span: readonly [number, number], expectedCalls: number): Parts | null {
  const [t0, t1] = span;
  const cs = calls(within(own, t0, t1));
  if (cs.length !== expectedCalls) return null;
  const parts: Parts = { 'lead-in (start → first call written)': (cs[0] as [number, number])[0] - t0 };
  cs.forEach(([s, d], i) => {
    parts[`store call ${i + 1} (written → answer complete)`] = d - s;
    const next = cs[i + 1];
    if (next) parts[`gap after call ${i + 1} (answer → next call written)`] = next[0] - d;
  });
  parts['tail (last answer → done)'] = t1 - (cs.at(-1) as [number, number])[1];
  return parts;
}

/** The median of each part over many clicks, in the order the parts first appear; and how many were cut. */
export function medianParts(list: readonly (Parts | null)[]): { medians: [string, number][]; cut: number; of: number } {
  const cut = list.filter((p): p is Parts => p !== null);
  const names: string[] = [];
  for (const p of cut) for (const k of Object.keys(p)) if (!names.includes(k)) names.push(k);
  return { medians: names.map((k) => [k, summarise(cut.map((p) => p[k] ?? 0)).p50]), cut: cut.length, of: list.length };
}
