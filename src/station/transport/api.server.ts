// The station's HTTP(S) + WebSocket API over one port, served from one route table: health,
// state, command catalog, commands, and the domain endpoints (commerce webhook, sign-off page).
// Every entry point parses inside a guard: whatever a client sends is answered, never a crash.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Core } from '../../core/core';
import type { TokenService } from '../auth/token.service';
import { callerOf, createAccessCheck, refusalMessage, type AccessGrant } from '../auth/people-access';
import type { Logger } from '../../core/platform/logger';
import { openSession } from '../session/session';
import { commandCatalog } from './command-catalog';
import { createStaticHandler } from './static-files';
import { BodyError, bearerToken, parseJsonBody, parseTarget, readBody, redactUrl, sendError, sendJson, type RequestTarget } from './http-util';
import { attachEventSocket, type EventSocket } from './event-socket';
import { createRouteTable, type Route } from './route-table';
import { createRateLimiter, DEFAULT_LIMITS, type Limits, type RateLimiter } from './rate-limit';
import { createHostGuard, type HostGuard } from './host-guard';
import { createErrorReporter } from './error-reporter';
import { capConnectionsPerAddress } from './connection-cap';
import { maxRequestBytes } from './request-limits';
import { STATION_TIMEOUTS, timeoutOptions } from './server-timeouts';
import { createAssemblyBudget } from './assembly-budget';
import type { UpgradeRoute } from '../device/device-socket';
import { createSendBudget, type SendBudget, type SendCaps } from './send-budget';
import { noTrace, type Trace } from '../../core/platform/trace';

export interface ApiServerOptions {
  core: Core;
  tokens: TokenService;
  log: Logger;
  host: string;
  port: number;
  /** The built renderer (out/renderer), or null when only the API is served. */
  staticRoot: string | null;
  version: string;
  /** Domain endpoints (commerce webhook, sign-off page), mounted in the one route table. */
  routes: Route[];
  /** Names a request's Host and Origin may carry; default loopback only. */
  allowedHosts?: readonly string[];
  limits?: Limits;
  /** A limiter shared with other doors (device and overlay sockets); else one is made from `limits`. */
  limiter?: RateLimiter;
  /** Delay before a rate-limited HTTP request gets its 429 (default 250 ms). */
  tarpitMs?: number;
  /** PEM key and certificate: the API is served over HTTPS (`--lan`). */
  tls?: { key: string; cert: string } | null;
  /** Extra WebSocket paths (the device feed, the overlay feed), behind the same Host/Origin check. */
  upgrades?: UpgradeRoute[];
  /** Unsent-byte budget shared with other doors; else one is made from `sendCaps` (default DEFAULT_SEND_CAPS). */
  sendBudget?: SendBudget;
  sendCaps?: SendCaps;
  /** Opt-in timing of each command's arrival and answer (BATON_TRACE_FILE). */
  trace?: Trace;
}

/** How long a request over its token's rate waits for its 429, and how many may wait at once. */
const TARPIT_MS = 250;
const TARPIT_MAX = 1024;

export interface ApiServer {
  readonly server: Server;
  readonly port: number;
  readonly events: EventSocket;
  readonly limiter: RateLimiter;
  /** Slow sockets dropped per cap, and bytes held (for the producer and the tests). */
  readonly sendBudget: SendBudget;
  close(): Promise<void>;
}

export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const { core, tokens, log } = options;
  const trace = options.trace ?? noTrace;
  const serveStatic = createStaticHandler(options.staticRoot);
  const catalog = commandCatalog();
  const started = performance.now();
  const limiter = options.limiter ?? createRateLimiter(options.limits ?? DEFAULT_LIMITS, () => performance.now());
  // Bytes of requests still arriving (WebSocket fragments, HTTP command bodies), per token and in all.
  const assembly = createAssemblyBudget();
  const tarpitMs = options.tarpitMs ?? TARPIT_MS;
  let tarpitted = 0;
  const hostGuard: HostGuard = createHostGuard(options.allowedHosts ?? ['localhost', '127.0.0.1', '::1']);
  const report = createErrorReporter(log);

  /** The caller's grant, or null once the refusal (401, 429) has been answered. */
  // Bootstrap and device tokens first, then people's personal tokens (refusals say why, audited without the token).
  const access = createAccessCheck(tokens, core.people, () => core.show.current()?.show ?? null);
  const admit = (req: IncomingMessage, res: ServerResponse, target: RequestTarget): AccessGrant | null => {
    const token = bearerToken(req);
    // The role to act in: `x-baton-role` (or `?role=`); absent, the token's first role.
    const header = req.headers['x-baton-role'];
    const wanted = typeof header === 'string' ? header : target.query.get('role');
    const checked = access.check(token, req.socket.remoteAddress ?? 'unknown', wanted);
    if ('refused' in checked) {
      sendError(res, { code: 'unauthenticated', message: refusalMessage(checked.refused) });
      return null;
    }
    if ('notHeld' in checked) {
      sendError(res, { code: 'forbidden', message: checked.notHeld });
      return null;
    }
    const grant = checked.grant;
    const admission = limiter.take(grant.key);
    if (!admission.ok) {
      const refuse = () => {
        if (res.writableEnded || res.destroyed) return;
        sendError(res, { code: 'rate_limited', message: `Too many requests with this token; retry in ${admission.retryAfterSeconds} s.` }, { 'retry-after': String(admission.retryAfterSeconds) });
      };
      // A client that ignores Retry-After is answered slowly: each of its open requests waits out
      // the delay, so a flood costs the station a few hundred cheap answers a second instead of
      // thousands, and everyone else keeps their speed. Past the cap, answer at once.
      if (tarpitted >= TARPIT_MAX) refuse();
      else {
        tarpitted += 1;
        const timer = setTimeout(() => {
          tarpitted -= 1;
          refuse();
        }, tarpitMs);
        timer.unref();
      }
      return null;
    }
    return grant;
  };

  const coreRoutes: Route[] = [
    {
      method: 'GET',
      path: '/api/health',
      // Liveness only: anyone on the network may ask it, so it names no show (an embargoed launch's
      // title is news) and says nothing of OBS; a token's holder reads both from /api/state.
      summary: 'Liveness and version, without a token.',
      handle: ({ res }) => {
        sendJson(res, 200, {
          ok: true,
          name: 'baton',
          version: options.version,
          mode: core.snapshot().state.station.mode,
          uptimeSeconds: Math.round((performance.now() - started) / 1000),
        });
      },
    },
    { method: 'GET', path: '/api/commands', summary: 'Every command with its schema and roles.', handle: ({ res }) => sendJson(res, 200, { commands: catalog }) },
    {
      method: 'GET',
      path: '/api/state',
      summary: 'The snapshot, as the token’s role may see it.',
      handle: ({ req, res, target }) => {
        const grant = admit(req, res, target);
        if (!grant) return;
        const session = openSession(core, callerOf(grant, 'http'), { view: false, onInternalError: report });
        const snap = session.snapshot();
        sendJson(res, 200, { rev: snap.rev, state: snap.state });
      },
    },
    {
      method: 'POST',
      path: '/api/commands/*',
      summary: 'Run a command: POST /api/commands/<name> with its JSON arguments.',
      handle: async ({ req, res, rest, target }) => {
        trace('http.command');
        const grant = admit(req, res, target);
        if (!grant) return;
        const args = parseJsonBody(await readBody(req, maxRequestBytes(grant.role), { hold: assembly.hold(grant.key, grant.role) }));
        const session = openSession(core, callerOf(grant, 'http'), { view: false, onInternalError: report });
        const result = await session.dispatch(rest, args);
        // Marked before the write: the caller may read the answer before this process runs again.
        trace('reply');
        if (result.ok) sendJson(res, 200, { ok: true, result: result.result });
        else sendError(res, result.error);
      },
    },
    {
      method: 'GET',
      path: '/api/events',
      summary: 'The event stream: connect with a WebSocket (?token=).',
      handle: ({ res }) => sendJson(res, 426, { ok: false, error: { code: 'invalid_args', message: 'GET /api/events is the WebSocket event stream: connect with a WebSocket client.' } }, { upgrade: 'websocket' }),
    },
  ];
  const table = createRouteTable([...coreRoutes, ...options.routes]);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const parsed = parseTarget(req.url);
    if (!parsed.ok) {
      sendError(res, { code: parsed.code, message: parsed.message });
      return;
    }
    const refusal = hostGuard.check(req);
    if (refusal) {
      sendError(res, { code: 'forbidden', message: refusal });
      return;
    }
    const { target } = parsed;
    const method = req.method ?? 'GET';
    const match = table.match(method, target.path);
    if (match.kind === 'found') {
      await match.route.handle({ req, res, target, rest: match.rest });
      return;
    }
    if (match.kind === 'method') {
      sendError(res, { code: 'method_not_allowed', message: `${target.path} answers ${match.allow.join(', ')}, not ${method.slice(0, 20)}.` }, { allow: match.allow.join(', ') });
      return;
    }
    if (target.path.startsWith('/api/')) {
      sendError(res, { code: 'not_found', message: `No API route ${method.slice(0, 20)} ${target.path.slice(0, 200)}.` });
      return;
    }
    if ((method === 'GET' || method === 'HEAD') && serveStatic(req, res, target.path)) return;
    if (method !== 'GET' && method !== 'HEAD') {
      sendError(res, { code: 'method_not_allowed', message: 'The UI is read with GET.' }, { allow: 'GET' });
      return;
    }
    sendError(res, { code: 'not_found', message: options.staticRoot ? `Nothing at ${target.path.slice(0, 200)}.` : 'The UI is not built: run `npm run build`.' });
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof BodyError) {
        sendError(res, { code: error.code, message: error.message });
        return;
      }
      report(error, `${req.method ?? '?'} ${redactUrl(req.url)}`);
      if (!res.headersSent) sendError(res, { code: 'internal', message: 'The station failed to answer; the failure is logged.' });
      else res.destroy();
    });
  };
  // Deliberate deadlines (not Node's defaults): a slow-loris client cannot hold sockets for minutes.
  const timeouts = timeoutOptions(STATION_TIMEOUTS);
  const server: Server = options.tls ? (createHttpsServer({ key: options.tls.key, cert: options.tls.cert, ...timeouts }, onRequest) as unknown as Server) : createHttpServer(timeouts, onRequest);
  // One LAN machine cannot hold every socket (and file descriptor) of the station.
  capConnectionsPerAddress(server);
  // A request Node's parser cannot read (bad request line, header flood) is answered and dropped.
  // A request past its deadline (headers or body too slow) is told so: 408, not a parse error.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const line = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${line}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
    else socket.destroy();
  });
  const sendBudget = options.sendBudget ?? createSendBudget(options.sendCaps, { log });
  const events = attachEventSocket({ server, core, tokens, log, limiter, hostGuard, report, upgrades: options.upgrades ?? [], budget: sendBudget, assembly, trace });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    server,
    port,
    events,
    limiter,
    sendBudget,
    async close() {
      await events.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
