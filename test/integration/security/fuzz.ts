// A seeded fuzzer for a running station: HTTP requests and WebSocket frames across every
// command and role, broken JSON, wrong types, huge and deep values and Unicode edges. It
// collects every answer so the caller can assert the station lived and leaked nothing.
import { commands } from '../../../src/shared/contract/index';
import { ROLES, type Role } from '../../../src/shared/contract/roles';
import type { HostileStation, HostileSocket } from './hostile-station';

export interface FuzzReport {
  http: number;
  frames: number;
  statuses: Record<number, number>;
  /** Answers in the 5xx range other than a peer's 502/503, with what caused them. */
  serverErrors: { status: number; request: string; body: string }[];
  /** Everything host and moderator sockets received. */
  nonProducerText: string;
}

const EDGE_STRINGS = [
  '\ud800',
  'a\udfffb',
  '\u202eevil\u202c',
  '\u200f\u05e9\u05dc\u05d5\u05dd',
  'nul\u0000byte',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  'e\u0301',
  '',
  ' ',
  '../../etc/passwd',
  '%E0%A4%A',
  '<script>alert(1)</script>',
  '"},{"t":"x"',
  '\\',
];

/** encodeURIComponent refuses lone surrogates; send their UTF-8 replacement's escape instead. */
function encodeName(name: string): string {
  try {
    return encodeURIComponent(name);
  } catch {
    return encodeURIComponent(name.replace(/[\ud800-\udfff]/g, '')) + '%ED%A0%80';
  }
}

export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createFuzzer(seed: number) {
  const rnd = createRandom(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const names = Object.keys(commands);

  const string = (): string => {
    switch (int(6)) {
      case 0:
        return pick(EDGE_STRINGS);
      case 1:
        return pick(EDGE_STRINGS).repeat(1 + int(50));
      case 2:
        return 'x'.repeat(int(3) === 0 ? 70_000 : int(300));
      case 3:
        return Array.from({ length: int(20) }, () => String.fromCharCode(int(0x10000))).join('');
      default:
        return pick(['glow-kit-live', 'LIVEGLOW', 'maya', 'start', 'reset', 'approve', 'commerce', 'c1', 'BNDL-GLOW-KIT']);
    }
  };
  const value = (depth = 0): unknown => {
    const k = int(depth > 4 ? 6 : 9);
    switch (k) {
      case 0:
        return null;
      case 1:
        return pick([true, false]);
      case 2:
        return pick([0, -1, 1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31]);
      case 3:
      case 4:
      case 5:
        return string();
      case 6:
        return Array.from({ length: int(5) }, () => value(depth + 1));
      default: {
        const o: Record<string, unknown> = {};
        for (let i = int(5); i > 0; i--) o[pick(['id', 'offerId', 'cueId', 'name', 'path', 'show', 'text', 'value', 'action', 'reason', 'comments', 'link', string().slice(0, 20)])] = value(depth + 1);
        return o;
      }
    }
  };
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
  const body = (): string => {
    switch (int(10)) {
      case 0:
        return '{"id": ';
      case 1:
        return deep(pick([50, 100, 5000, 20000]));
      case 2:
        return JSON.stringify(value());
      case 3:
        return '\u0000\u0001\u0002';
      case 4:
        return `{"id":"${'\\ud800'}"}`;
      default:
        return JSON.stringify(value(1) ?? {});
    }
  };
  const role = (): Role | 'none' | 'bad' => (int(10) === 0 ? pick(['none', 'bad'] as const) : pick(ROLES));
  const name = (): string => (int(12) === 0 ? pick(['', 'x', 'offer.explode', '\ud800.x', '%E0%A4%A', 'a'.repeat(300), 'station.whoami/../x']) : pick(names));
  return { rnd, int, pick, value, body, role, name, deep };
}

export async function fuzzStation(s: HostileStation, options: { seed: number; httpRequests: number; wsFrames: number; concurrency?: number; deadlineMs?: number }): Promise<FuzzReport> {
  const f = createFuzzer(options.seed);
  const report: FuzzReport = { http: 0, frames: 0, statuses: {}, serverErrors: [], nonProducerText: '' };
  const end = options.deadlineMs ? Date.now() + options.deadlineMs : Infinity;
  const tokenOf = (r: Role | 'none' | 'bad') => (r === 'none' ? null : r === 'bad' ? 'not-a-token' : s.tokens[r]);

  const one = async () => {
    const r = f.role();
    const token = tokenOf(r);
    const kind = f.int(20);
    let method = 'POST';
    let path = `/api/commands/${encodeName(f.name()).replace(/%25/g, f.int(2) ? '%' : '%25')}`;
    if (kind === 0) method = f.pick(['GET', 'PUT', 'DELETE', 'PATCH']);
    if (kind === 1) path = f.pick(['/api/state', '/api/health', '/api/commands', '/api/signoff', '/api/events', '/%E0%A4%A', '/producer', '/api/../api/state', `/api/${'x'.repeat(5000)}`]);
    const text = f.body();
    const headers: Record<string, string> = { 'content-type': f.int(8) === 0 ? 'text/plain' : 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const request = `${method} ${path.slice(0, 120)} as ${r} body ${text.slice(0, 120)}`;
    try {
      const res = await fetch(`${s.url}${path}`, { method, headers, ...(method === 'GET' ? {} : { body: text }) });
      const answer = await res.text();
      report.statuses[res.status] = (report.statuses[res.status] ?? 0) + 1;
      if (res.status >= 500 && res.status !== 502 && res.status !== 503) report.serverErrors.push({ status: res.status, request, body: answer.slice(0, 300) });
    } catch (error) {
      report.serverErrors.push({ status: 0, request, body: String(error) });
    }
    report.http += 1;
  };

  const workers = Array.from({ length: options.concurrency ?? 32 }, async () => {
    while (report.http < options.httpRequests && Date.now() < end) await one();
  });
  await Promise.all(workers);

  // WebSocket frames from every role, watched by a quiet host and moderator.
  const watchers = [await s.ws('host'), await s.ws('moderator')];
  const senders = {} as Record<Role, HostileSocket>;
  for (const r of ROLES) senders[r] = await s.ws(r);
  let id = 0;
  while (report.frames < options.wsFrames && Date.now() < end) {
    const r = f.pick(ROLES);
    const socket = senders[r].socket;
    let frame: string;
    switch (f.int(8)) {
      case 0:
        frame = f.pick(['null', '1', '"x"', '[]', '{}', 'not json', '{"t":"resync"}', '{"t":"command"}']);
        break;
      case 1:
        frame = `{"t":"command","id":"d${id}","name":"alert.ack","args":${f.deep(f.pick([10, 100, 5000]))}}`;
        break;
      case 2:
        frame = JSON.stringify({ t: 'command', id: f.value(), name: f.value(), args: f.value() });
        break;
      default:
        frame = JSON.stringify({ t: 'command', id: `w${id}`, name: f.name(), args: f.value(1) });
    }
    id += 1;
    if (socket.readyState !== socket.OPEN) senders[r] = await s.ws(r);
    senders[r].socket.send(frame);
    report.frames += 1;
    if (report.frames % 100 === 0) await new Promise((res) => setTimeout(res, 20));
  }
  await new Promise((res) => setTimeout(res, 500));
  for (const w of [...watchers, senders.host, senders.moderator]) report.nonProducerText += JSON.stringify(w.messages);
  for (const m of [...Object.values(senders).flatMap((w) => w.messages)]) {
    if (m.t === 'result' && m.ok === false && (m.error as { code?: string } | undefined)?.code === 'internal') {
      report.serverErrors.push({ status: 500, request: 'ws frame', body: JSON.stringify(m).slice(0, 300) });
    }
  }
  for (const w of [...watchers, ...Object.values(senders)]) w.close();
  return report;
}
