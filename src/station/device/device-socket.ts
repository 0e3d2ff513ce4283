// WebSocket /api/device?token=…: the compact feed for button panels. Sends hello and the full flat
// map, then only the keys that changed (coalesced per tick, and re-projected once a second for the
// clocks); accepts a short list of show commands, run with the device's name in the audit.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Core } from '../../core/core';
import type { Logger } from '../../core/platform/logger';
import type { DeviceGrant, DeviceTokenService } from '../auth/device-token.service';
import type { Caller } from '../../core/dispatch/handler';
import { findPerson } from '../../core/people/duties';
import { actorOf } from '../../core/people/people.roles';
import { diffFeed, isEmptyDiff, projectDeviceFeed, type DeviceFrame, type FeedMap } from '../device-feed';
import type { RateLimiter } from '../transport/rate-limit';
import { createSendBudget, type SendBudget, type SendSlot } from '../transport/send-budget';

/** What a panel may do: run the show, never configure it (no credentials, no script edits). */
export const DEVICE_COMMANDS = [
  'cue.next',
  'cue.prev',
  'cue.go',
  'obs.switchScene',
  'obs.take',
  'offer.pause',
  'offer.resume',
  'offer.pauseRequest',
  'offer.window',
  'offer.windowAdjust',
  'talkback.send',
] as const;
const ALLOWED: ReadonlySet<string> = new Set(DEVICE_COMMANDS);
const MAX_FRAME = 16 * 1024;
const MAX_BUFFERED = 1024 * 1024;
/** Close code for a token that is not (or no longer) valid: the panel shows it and keeps retrying. */
export const CLOSE_TOKEN_REFUSED = 4401;
/** Close code for a socket over its token's connection cap (RFC 6455 "try again later"). */
export const CLOSE_TOO_MANY = 1013;

/** The per-token limiter key of a device or overlay token: by label, never the token itself. */
export function deviceLimitKey(kind: 'device' | 'overlay', label: string): string {
  return `${kind}:${label}`;
}

export interface UpgradeRoute {
  /** True when it took the request (answered or upgraded it). */
  (req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): boolean;
}

export interface DeviceSocket {
  upgrade: UpgradeRoute;
  clients(): number;
  close(): Promise<void>;
}

interface Client {
  ws: WebSocket;
  label: string;
  last: FeedMap;
  slot: SendSlot;
}

export function createDeviceSocket(deps: {
  core: Core;
  devices: DeviceTokenService;
  log: Logger;
  /** The station's per-token limits: a panel's commands and sockets count like any token's. */
  limiter: RateLimiter;
  /** The station's unsent-byte budget (per token and altogether), shared with the other doors. */
  budget?: SendBudget;
  tickMs?: number;
}): DeviceSocket {
  const { core, devices, log, limiter } = deps;
  const budget = deps.budget ?? createSendBudget(undefined, { log });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME, perMessageDeflate: false });
  const clients = new Set<Client>();
  let scheduled = false;

  const send = (c: Client, frame: DeviceFrame) => {
    if (c.ws.readyState !== c.ws.OPEN) return;
    const text = JSON.stringify(frame);
    const over = c.slot.admit(text.length);
    if (over) {
      budget.drop(c.ws, over);
      return;
    }
    c.ws.send(text);
  };

  const publish = () => {
    scheduled = false;
    if (clients.size === 0) return;
    const now = core.now();
    const next = projectDeviceFeed(core.snapshot().state, now);
    for (const c of clients) {
      const d = diffFeed(c.last, next);
      if (isEmptyDiff(d)) continue;
      c.last = next;
      send(c, { t: 'diff', at: now, values: d.values, removed: d.removed });
    }
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(publish);
  };
  const unsubscribe = core.subscribe((m) => {
    if (m.t === 'patch') schedule();
  });
  const ticker = setInterval(schedule, deps.tickMs ?? 1000);
  const offRevoked = devices.onRevoked((label) => {
    for (const c of clients) if (c.label === label) c.ws.close(CLOSE_TOKEN_REFUSED, 'token revoked');
  });

  /**
   * Who a panel's command comes from: the show person it was issued for (the show's duties apply to
   * them, the audit names them and the panel), or the panel alone. A person no longer in the loaded
   * show leaves the panel acting for nobody.
   */
  const callerFor = (grant: DeviceGrant): Caller => {
    const show = core.show.current()?.show;
    const person = grant.person && show ? findPerson(show, grant.person) : undefined;
    const base = { role: 'producer' as const, via: 'ws' as const, device: grant.label, panel: grant.label };
    return person ? { ...base, actor: `${actorOf(person)} via panel ${grant.label}`, personId: person.id, name: person.name } : { ...base, actor: `device:${grant.label}` };
  };

  const serve = (ws: WebSocket, grant: DeviceGrant, release: () => void) => {
    const label = grant.label;
    const key = deviceLimitKey('device', label);
    const now = core.now();
    const c: Client = { ws, label, last: projectDeviceFeed(core.snapshot().state, now), slot: budget.open(key, `panel ${label}`, () => ws.bufferedAmount, MAX_BUFFERED) };
    clients.add(c);
    send(c, { t: 'hello', device: label, at: now, commands: DEVICE_COMMANDS });
    send(c, { t: 'full', at: now, values: c.last });
    ws.on('message', (data: RawData) => {
      const msg = parse(data);
      if (!msg) {
        send(c, { t: 'result', id: '', ok: false, message: 'Expected {"t":"command","id","name","args"}.' });
        return;
      }
      if (!ALLOWED.has(msg.name)) {
        send(c, { t: 'result', id: msg.id, ok: false, message: `A panel may not run ${msg.name.slice(0, 80)}.` });
        return;
      }
      const admission = limiter.take(key);
      if (!admission.ok) {
        send(c, { t: 'result', id: msg.id, ok: false, message: `Too many requests with this panel token; retry in ${admission.retryAfterSeconds} s.` });
        return;
      }
      // A panel runs show commands in the producer's role, as the person it was issued for (or nobody).
      core
        .dispatch(msg.name, msg.args, callerFor(grant))
        .then((r) => send(c, { t: 'result', id: msg.id, ok: r.ok, message: r.ok ? null : r.error.message }))
        .catch((error: unknown) => log.error('device command failed', { error: String(error) }));
    });
    ws.on('close', () => {
      clients.delete(c);
      c.slot.release();
      release();
    });
  };

  return {
    upgrade(req, socket, head, url) {
      if (url.pathname !== '/api/device') return false;
      const grant = devices.check(url.searchParams.get('token'), 'device', req.socket.remoteAddress ?? 'unknown');
      if (!grant) {
        // Accept, then close with a code the panel can read (a refused upgrade looks like a network fault).
        wss.handleUpgrade(req, socket, head, (ws) => {
          ws.on('error', () => ws.terminate());
          ws.close(CLOSE_TOKEN_REFUSED, 'device token not valid');
        });
        return true;
      }
      const release = limiter.connect(deviceLimitKey('device', grant.label));
      // Freed with the socket, also when the handshake fails before `serve`.
      if (release) socket.once('close', release);
      wss.handleUpgrade(req, socket, head, (ws) => {
        // First, on every socket: a bad frame (also on one being closed) is an 'error' event, and
        // an error event without a listener is an uncaught exception in the station's process.
        ws.on('error', () => ws.terminate());
        if (!release) ws.close(CLOSE_TOO_MANY, 'too many open connections with this panel token');
        else serve(ws, grant, release);
      });
      return true;
    },
    clients: () => clients.size,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(ticker);
        unsubscribe();
        offRevoked();
        for (const c of clients) c.ws.close(1001, 'station stopping');
        wss.close(() => resolve());
      }),
  };
}

function parse(data: RawData): { id: string; name: string; args: unknown } | null {
  try {
    const text = Array.isArray(data)
      ? Buffer.concat(data).toString('utf8')
      : Buffer.isBuffer(data)
        ? data.toString('utf8')
        : Buffer.from(data).toString('utf8');
    const v: unknown = JSON.parse(text);
    if (typeof v !== 'object' || v === null) return null;
    const r = v as Record<string, unknown>;
    if (r.t !== 'command' || typeof r.id !== 'string' || r.id.length > 64 || typeof r.name !== 'string') return null;
    return { id: r.id, name: r.name, args: r.args ?? {} };
  } catch {
    return null;
  }
}
