// The module's link to a Baton station: one WebSocket to /api/device, reconnected with backoff for
// as long as the module runs. Holds the station's flat key → value map (full first, then diffs) and
// sends commands, answering each with the station's verdict.
import WebSocket from 'ws';

export type FeedValue = string | number | boolean | null;
export type FeedMap = Record<string, FeedValue>;

/** `refused`: the station answered but does not accept the token (keeps retrying: it may be reissued). */
export type LinkPhase = 'unconfigured' | 'connecting' | 'up' | 'lost' | 'refused';

export interface LinkTarget {
  host: string;
  port: number;
  token: string;
}

export interface LinkTiming {
  backoffMinMs: number;
  backoffMaxMs: number;
  pingEveryMs: number;
  commandTimeoutMs: number;
}

export const DEFAULT_TIMING: LinkTiming = { backoffMinMs: 500, backoffMaxMs: 5_000, pingEveryMs: 5_000, commandTimeoutMs: 15_000 };

export interface StationLink {
  phase(): LinkPhase;
  /** Why the link is not up, in words; null while up. */
  problem(): string | null;
  values(): Readonly<FeedMap>;
  get(key: string): FeedValue | undefined;
  /** Runs a command on the station; rejects with the station's reason (or "station lost"). */
  command(name: string, args: Record<string, unknown>): Promise<void>;
  /** Called after every change of phase or values, with the keys that changed ('*' = everything). */
  onChange(listener: (keys: readonly string[]) => void): void;
  retarget(target: LinkTarget | null): void;
  close(): void;
}

const CLOSE_TOKEN_REFUSED = 4401;

/**
 * The link is plain ws:// with the device token in its URL, so it goes only to this machine: a
 * station on another machine is a --lan station (HTTPS/WSS only), which the link cannot reach, and
 * each retry would send the token in clear across the studio network.
 */
export function plainLinkAllowed(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(h);
}

export function createStationLink(initial: LinkTarget | null, timing: LinkTiming = DEFAULT_TIMING): StationLink {
  let target = initial;
  let phase: LinkPhase = 'unconfigured';
  let problem: string | null = 'not configured';
  let values: FeedMap = {};
  let ws: WebSocket | null = null;
  let retry: NodeJS.Timeout | null = null;
  let ping: NodeJS.Timeout | null = null;
  let attempt = 0;
  let closed = false;
  let nextId = 1;
  const pending = new Map<string, { resolve(): void; reject(e: Error): void; timer: NodeJS.Timeout }>();
  const listeners: ((keys: readonly string[]) => void)[] = [];

  const notify = (keys: readonly string[]) => {
    for (const l of listeners) l(keys);
  };
  const setPhase = (p: LinkPhase, why: string | null) => {
    if (p === phase && why === problem) return;
    phase = p;
    problem = why;
    notify(['*']);
  };
  const failPending = (why: string) => {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      p.reject(new Error(why));
      pending.delete(id);
    }
  };
  const stopTimers = () => {
    if (retry) clearTimeout(retry);
    if (ping) clearInterval(ping);
    retry = null;
    ping = null;
  };
  const scheduleRetry = () => {
    if (closed || !target || retry) return;
    attempt += 1;
    const delay = Math.min(timing.backoffMaxMs, timing.backoffMinMs * 2 ** Math.min(attempt - 1, 8));
    retry = setTimeout(() => {
      retry = null;
      open();
    }, delay);
  };

  const onMessage = (text: string) => {
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof frame !== 'object' || frame === null) return;
    const f = frame as { t?: unknown; values?: unknown; removed?: unknown; id?: unknown; ok?: unknown; message?: unknown };
    if (f.t === 'full' && isMap(f.values)) {
      values = { ...f.values };
      attempt = 0;
      setPhase('up', null);
      notify(['*']);
    } else if (f.t === 'diff' && isMap(f.values)) {
      const removed = Array.isArray(f.removed) ? f.removed.filter((k): k is string => typeof k === 'string') : [];
      values = { ...values, ...f.values };
      for (const k of removed) delete values[k];
      notify([...Object.keys(f.values), ...removed]);
    } else if (f.t === 'result' && typeof f.id === 'string') {
      const p = pending.get(f.id);
      if (!p) return;
      pending.delete(f.id);
      clearTimeout(p.timer);
      if (f.ok === true) p.resolve();
      else p.reject(new Error(typeof f.message === 'string' ? f.message : 'the station refused'));
    }
  };

  const open = () => {
    if (closed || !target) return;
    if (!plainLinkAllowed(target.host)) {
      setPhase('refused', `the device token would cross the network in clear to ${target.host}: run Companion on the station's machine and use 127.0.0.1`);
      return;
    }
    const url = `ws://${target.host}:${target.port}/api/device?token=${encodeURIComponent(target.token)}`;
    if (phase !== 'refused') setPhase(phase === 'up' || phase === 'lost' ? 'lost' : 'connecting', problem ?? 'connecting');
    const sock = new WebSocket(url, { handshakeTimeout: 5_000, perMessageDeflate: false });
    ws = sock;
    let alive = true;
    sock.on('open', () => {
      ping = setInterval(() => {
        if (!alive) {
          sock.terminate();
          return;
        }
        alive = false;
        sock.ping();
      }, timing.pingEveryMs);
    });
    sock.on('pong', () => (alive = true));
    sock.on('message', (data: WebSocket.RawData) => onMessage(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8')));
    sock.on('error', () => undefined);
    sock.on('close', (code: number) => {
      if (ws !== sock) return;
      ws = null;
      stopTimers();
      failPending('station lost');
      if (closed) return;
      if (code === CLOSE_TOKEN_REFUSED) setPhase('refused', 'the station refused the device token');
      else setPhase('lost', 'station lost');
      scheduleRetry();
    });
  };

  const drop = () => {
    stopTimers();
    const s = ws;
    ws = null;
    s?.terminate();
    failPending('station lost');
  };

  if (target) open();

  return {
    phase: () => phase,
    problem: () => problem,
    values: () => values,
    get: (k) => values[k],
    command(name, args) {
      const sock = ws;
      if (!sock || phase !== 'up' || sock.readyState !== WebSocket.OPEN) return Promise.reject(new Error('station lost'));
      const id = String(nextId++);
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error('the station did not answer in time'));
        }, timing.commandTimeoutMs);
        pending.set(id, { resolve, reject, timer });
        sock.send(JSON.stringify({ t: 'command', id, name, args }));
      });
    },
    onChange(listener) {
      listeners.push(listener);
    },
    retarget(next) {
      drop();
      target = next;
      attempt = 0;
      values = {};
      if (!next) setPhase('unconfigured', 'not configured');
      else {
        setPhase('connecting', 'connecting');
        open();
      }
    },
    close() {
      closed = true;
      drop();
    },
  };
}

function isMap(v: unknown): v is FeedMap {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  return Object.values(v).every((x) => x === null || typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean');
}
