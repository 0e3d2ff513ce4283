// WebSocket /api/events: authenticates with `?token=` (browsers cannot set headers on a
// WebSocket), then runs one session: hello, the role's snapshot, patches and events, commands.
// Every frame is parsed against the contract's message schema inside a guard; a client that
// falls too far behind is closed (it reconnects and gets a fresh snapshot).
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { parseClientMessage, type ServerMessage } from '../../shared/contract/index';
import type { Core } from '../../core/core';
import type { TokenService } from '../auth/token.service';
import { callerOf, createAccessCheck, refusalMessage, type AccessGrant } from '../auth/people-access';
import { ACCESS_ENDED_CLOSE_CODE } from '../../shared/contract/people.contract';
import type { Logger } from '../../core/platform/logger';
import { openSession } from '../session/session';
import { createRoleViews } from '../session/role-views';
import { createFrameEncoder } from './frame-encoder';
import { MAX_BODY_BYTES, parseJsonText, parseTarget, redactUrl } from './http-util';
import { MAX_SMALL_REQUEST_BYTES, maxRequestBytes } from './request-limits';
import type { RateLimiter } from './rate-limit';
import type { HostGuard } from './host-guard';
import type { ErrorReporter } from './error-reporter';
import type { UpgradeRoute } from '../device/device-socket';
import type { SendBudget } from './send-budget';
import type { AssemblyBudget, AssemblyHold } from './assembly-budget';
import { noTrace, type Trace } from '../../core/platform/trace';

/** Frames over the role's request limit close with 1009 (ws holds an unfinished fragmented message until it reaches it). */
const MAX_FRAME = MAX_BODY_BYTES;
const EVENTS_PATH = '/api/events';

export interface EventSocket {
  clients(): number;
  close(): Promise<void>;
}

export interface EventSocketDeps {
  server: Server;
  core: Core;
  tokens: TokenService;
  log: Logger;
  limiter: RateLimiter;
  hostGuard: HostGuard;
  report: ErrorReporter;
  /** Extra WebSocket paths (the device feed, the overlay feed), tried after the Host/Origin check. */
  upgrades?: UpgradeRoute[];
  /** Unsent bytes per socket, per token and per station, shared with the other doors. */
  budget: SendBudget;
  /** Bytes of messages still arriving, per token and per station, shared with HTTP command bodies. */
  assembly: AssemblyBudget;
  /** Opt-in timing of a command frame's arrival and its answer (BATON_TRACE_FILE). */
  trace?: Trace;
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}

/**
 * A command frame's id, read from its first bytes without parsing it (the views' client writes
 * `{"t":"command","id":…` first), so a frame refused unread still answers its caller; else ''.
 */
function peekId(data: RawData): string {
  const head = Array.isArray(data) ? (data[0] ?? Buffer.alloc(0)) : Buffer.isBuffer(data) ? data : Buffer.from(data);
  return /^\{"t":"command","id":"([^"\\]{1,200})"/.exec(head.subarray(0, 256).toString('utf8'))?.[1] ?? '';
}

function refuse(socket: Duplex, status: number, reason: string, code: string, message: string, extra = ''): void {
  const body = JSON.stringify({ ok: false, error: { code, message } });
  socket.end(`HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n${extra}\r\n${body}`);
}

export function attachEventSocket(deps: EventSocketDeps): EventSocket {
  const { core, tokens, limiter, report, budget } = deps;
  const trace = deps.trace ?? noTrace;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME, perMessageDeflate: false });
  const smallWss = new WebSocketServer({ noServer: true, maxPayload: MAX_SMALL_REQUEST_BYTES, perMessageDeflate: false });
  const access = createAccessCheck(tokens, core.people, () => core.show.current()?.show ?? null);
  /** Each person's open sockets, so that revoking them closes their views at once. */
  const byPerson = new Map<string, Set<WebSocket>>();
  const offRevoked = core.people.onRevoked((e) => {
    const reason = e.reason === 'revoked' ? 'Your access was revoked by the producer.' : 'Your link was re-issued: open the new one.';
    for (const ws of byPerson.get(e.personId) ?? []) ws.close(ACCESS_ENDED_CLOSE_CODE, reason);
  });

  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const parsed = parseTarget(req.url);
    if (!parsed.ok) return refuse(socket, parsed.status, parsed.status === 414 ? 'URI Too Long' : 'Bad Request', parsed.code, parsed.message);
    const refusal = deps.hostGuard.check(req);
    if (refusal) return refuse(socket, 403, 'Forbidden', 'forbidden', refusal);
    const url = new URL(`${parsed.target.path}?${parsed.target.query.toString()}`, 'http://station');
    for (const route of deps.upgrades ?? []) if (route(req, socket, head, url)) return;
    if (parsed.target.path !== EVENTS_PATH) return refuse(socket, 404, 'Not Found', 'not_found', `No WebSocket at ${parsed.target.path.slice(0, 200)}; the event stream is ${EVENTS_PATH}.`);
    const header = req.headers.authorization;
    const token = parsed.target.query.get('token') ?? (typeof header === 'string' ? header.replace(/^Bearer\s+/i, '') : null);
    // `?role=`: the one role this view acts in (the view switcher reconnects with another).
    const checked = access.check(token, req.socket.remoteAddress ?? 'unknown', parsed.target.query.get('role'));
    if ('refused' in checked) return refuse(socket, 401, 'Unauthorized', 'unauthenticated', refusalMessage(checked.refused));
    if ('notHeld' in checked) return refuse(socket, 403, 'Forbidden', 'forbidden', checked.notHeld);
    const grant = checked.grant;
    const release = limiter.connect(grant.key);
    if (!release) return refuse(socket, 429, 'Too Many Requests', 'rate_limited', 'Too many open connections with this token.', 'retry-after: 5\r\n');
    // The slot is the socket's: a handshake that fails or a client that leaves mid-upgrade never
    // reaches the callback below, and must not keep it (release runs once, whichever comes first).
    socket.once('close', release);
    const hold = deps.assembly.hold(grant.key, grant.role);
    socket.once('close', () => hold.clear());
    (maxRequestBytes(grant.role) > MAX_SMALL_REQUEST_BYTES ? wss : smallWss).handleUpgrade(req, socket, head, (ws) => {
      // Counted before ws reads them (prepended to its own listener, attached only now so that the
      // bytes that came with the upgrade reach ws): every byte since the last whole message is a
      // fragment or a frame ws holds. Past the token's or the station's share the socket is closed
      // with 1009, and cut if it keeps sending meanwhile.
      socket.prependListener('data', (chunk: Buffer) => {
        if (hold.add(chunk.length)) return;
        if (ws.readyState === ws.OPEN) ws.close(1009, 'The station is holding too many unfinished messages from this token; send one at a time.');
        else ws.terminate();
      });
      try {
        serve(ws, socket, grant, release, hold);
      } catch (error) {
        release();
        report(error, `ws open ${redactUrl(req.url)}`);
        ws.terminate();
      }
    });
  };

  deps.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    try {
      upgrade(req, socket, head);
    } catch (error) {
      report(error, `upgrade ${redactUrl(req.url)}`);
      socket.destroy();
    }
  });

  // Shared by every socket of this server: one redaction per role and one encoding per patch.
  const views = createRoleViews();
  const encoder = createFrameEncoder();

  const serve = (ws: WebSocket, socket: Duplex, grant: AccessGrant, release: () => void, hold: AssemblyHold) => {
    const session = openSession(core, callerOf(grant, 'ws'), { view: true, onInternalError: report, views });
    const personId = grant.personId;
    if (personId !== undefined) {
      const open = byPerson.get(personId) ?? new Set<WebSocket>();
      open.add(ws);
      byPerson.set(personId, open);
    }
    const slot = budget.open(grant.key, grant.label, () => ws.bufferedAmount);
    // The frames of one turn (a command's result; a flush's events and patches) leave in one
    // write: each write of its own costs a system call here and a wake-up in the view.
    let corked = false;
    const uncork = () => {
      corked = false;
      socket.uncork();
    };
    const send = (m: ServerMessage) => {
      if (ws.readyState !== ws.OPEN) return;
      const frame = encoder.encode(m);
      const over = slot.admit(frame.length);
      if (over) {
        budget.drop(ws, over);
        return;
      }
      if (!corked) {
        corked = true;
        socket.cork();
        process.nextTick(uncork);
      }
      ws.send(frame, { binary: false });
    };
    const answer = (id: string, code: 'invalid_args' | 'rate_limited', message: string, path = '') =>
      send({ t: 'result', id, ok: false, error: { code, message, ...(path || code === 'invalid_args' ? { issues: [{ path, message }] } : {}) } });

    const onFrame = (data: RawData) => {
      // Every frame spends the token's budget before it is read: parsing a 256 KB frame that turns
      // out to be junk costs as much as a command, and a flood of them was answered one by one.
      const admission = limiter.take(grant.key);
      if (!admission.ok) return answer(peekId(data), 'rate_limited', `Too many requests with this token; retry in ${admission.retryAfterSeconds} s.`);
      const parsed = parseJsonText(rawText(data));
      if (!parsed.ok) return answer('', 'invalid_args', parsed.message.replace('The body', 'The frame'));
      const msg = parseClientMessage(parsed.value);
      if (!msg.success) {
        const issue = msg.error.issues[0];
        const path = issue ? issue.path.map(String).join('.') : '';
        const raw = parsed.value as { id?: unknown } | null;
        const id = raw && typeof raw === 'object' && typeof raw.id === 'string' ? raw.id.slice(0, 200) : '';
        return answer(id, 'invalid_args', `Expected {t:"command", id, name, args} or {t:"resync"}${path ? `; bad field: ${path}` : ''}.`, path || 't');
      }
      const m = msg.data;
      // A resync costs a full snapshot (redacted and encoded): it spent the budget above like a command.
      if (m.t === 'resync') return session.resync();
      void session.dispatch(m.name, m.args).then((r) => {
        send(r.ok ? { t: 'result', id: m.id, ok: true, result: r.result } : { t: 'result', id: m.id, ok: false, error: r.error });
        trace('reply');
      });
    };

    ws.on('message', (data) => {
      hold.clear();
      trace('ws.frame');
      try {
        onFrame(data);
      } catch (error) {
        report(error, 'ws frame');
        send({ t: 'result', id: '', ok: false, error: { code: 'internal', message: 'The station failed to answer; the failure is logged.' } });
      }
    });
    ws.on('close', () => {
      session.close();
      slot.release();
      release();
      if (personId !== undefined) {
        const open = byPerson.get(personId);
        open?.delete(ws);
        if (open?.size === 0) byPerson.delete(personId);
      }
    });
    ws.on('error', () => ws.terminate());
    session.start(send);
  };

  return {
    clients: () => wss.clients.size + smallWss.clients.size,
    close: async () => {
      offRevoked();
      await Promise.all(
        [wss, smallWss].map(
          (server) =>
            new Promise<void>((resolve) => {
              for (const c of server.clients) c.close(1001, 'station stopping');
              server.close(() => resolve());
            }),
        ),
      );
    },
  };
}
