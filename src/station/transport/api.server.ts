// The station's HTTP + WebSocket API over one port. HTTP: health, state, command catalog and
// commands; WebSocket /api/events: hello, snapshot, then patches and events, and commands too.
// Every request but /api/health and the static UI needs a bearer token bound to a role.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../../core/core';
import type { TokenGrant, TokenService } from '../auth/token.service';
import type { Logger } from '../../core/platform/logger';
import { commandCatalog } from './command-catalog';
import { createStaticHandler } from './static-files';
import { BodyError, bearerToken, parseJsonBody, readBody, sendError, sendJson } from './http-util';
import { attachEventSocket, type EventSocket } from './event-socket';
import type { UpgradeRoute } from '../device/device-socket';

/** Extra routes a subsystem adds (e.g. the signed commerce event webhook). Return true if handled. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;

export interface ApiServerOptions {
  core: Core;
  tokens: TokenService;
  log: Logger;
  host: string;
  port: number;
  /** The built renderer (out/renderer), or null when only the API is served. */
  staticRoot: string | null;
  version: string;
  routes: RouteHandler[];
  /** Extra WebSocket paths (the device feed, the overlay feed), tried before /api/events' 404. */
  upgrades?: UpgradeRoute[];
}

export interface ApiServer {
  readonly server: Server;
  readonly port: number;
  readonly events: EventSocket;
  close(): Promise<void>;
}

export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const { core, tokens, log } = options;
  const serveStatic = createStaticHandler(options.staticRoot);
  const catalog = commandCatalog();
  const started = Date.now();

  const authorise = (req: IncomingMessage, res: ServerResponse): TokenGrant | null => {
    const token = bearerToken(req);
    const grant = tokens.check(token);
    if (!grant) {
      sendError(res, {
        code: 'unauthenticated',
        message: token ? 'That token is not valid for this station.' : 'Send a token: Authorization: Bearer <token>.',
      });
      return null;
    }
    return grant;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://station');
    const path = url.pathname;
    if (path === '/api/health' && req.method === 'GET') {
      const s = core.snapshot().state;
      sendJson(res, 200, {
        ok: true,
        name: 'baton',
        version: options.version,
        mode: s.station.mode,
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
        show: s.show.current ? { id: s.show.current.id, title: s.show.current.title } : null,
        obs: s.obs.link,
      });
      return;
    }
    if (path === '/api/commands' && req.method === 'GET') {
      sendJson(res, 200, { commands: catalog });
      return;
    }
    if (path === '/api/state' && req.method === 'GET') {
      if (!authorise(req, res)) return;
      const snap = core.snapshot();
      sendJson(res, 200, { rev: snap.rev, state: snap.state });
      return;
    }
    if (path.startsWith('/api/commands/')) {
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        sendJson(res, 405, { ok: false, error: { code: 'invalid_args', message: 'Commands are sent with POST.' } });
        return;
      }
      const grant = authorise(req, res);
      if (!grant) return;
      const name = decodeURIComponent(path.slice('/api/commands/'.length));
      const args = parseJsonBody(await readBody(req));
      const result = await core.dispatch(name, args, { actor: grant.label, role: grant.role, via: 'http' });
      if (result.ok) sendJson(res, 200, { ok: true, result: result.result });
      else sendError(res, result.error);
      return;
    }
    for (const route of options.routes) if (await route(req, res, url)) return;
    if (path.startsWith('/api/')) {
      sendJson(res, 404, { ok: false, error: { code: 'unknown_command', message: `No API route ${req.method} ${path}.` } });
      return;
    }
    if (req.method === 'GET' && serveStatic(req, res)) return;
    sendJson(res, 404, {
      ok: false,
      error: {
        code: 'unknown_command',
        message: options.staticRoot ? `Nothing at ${path}.` : 'The UI is not built: run `npm run build`.',
      },
    });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof BodyError) {
        sendJson(res, error.status, { ok: false, error: { code: 'invalid_args', message: error.message } });
        return;
      }
      log.error('request failed', { url: req.url, error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'The station failed to answer.' } });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  const events = attachEventSocket({ server, core, tokens, log, upgrades: options.upgrades ?? [] });

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
    async close() {
      await events.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
