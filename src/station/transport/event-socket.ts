// WebSocket /api/events: authenticates with `?token=` (browsers cannot set headers on a
// WebSocket), sends hello and a snapshot, then every patch and event; accepts commands too.
// A client that falls too far behind is closed (it reconnects and gets a fresh snapshot) rather
// than let its buffer grow without bound.
import type { Server } from 'node:http';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { ClientMessage, ServerMessage } from '../../shared/contract/index';
import type { Core } from '../../core/core';
import type { TokenService } from '../auth/token.service';
import type { Logger } from '../../core/platform/logger';
import type { UpgradeRoute } from '../device/device-socket';

const MAX_BUFFERED = 16 * 1024 * 1024;
const MAX_FRAME = 4 * 1024 * 1024;

export interface EventSocket {
  clients(): number;
  close(): Promise<void>;
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}

export function attachEventSocket(deps: { server: Server; core: Core; tokens: TokenService; log: Logger; upgrades?: UpgradeRoute[] }): EventSocket {
  const { core, tokens, log } = deps;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME, perMessageDeflate: false });

  deps.server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://station');
    for (const route of deps.upgrades ?? []) if (route(req, socket, head, url)) return;
    if (url.pathname !== '/api/events') {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    const grant = tokens.check(url.searchParams.get('token') ?? req.headers.authorization?.replace(/^Bearer\s+/i, ''));
    if (!grant) {
      socket.end('HTTP/1.1 401 Unauthorized\r\ncontent-type: application/json\r\n\r\n{"ok":false,"error":{"code":"unauthenticated","message":"token missing or not valid"}}');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws, grant.label, grant.role));
  });

  const serve = (ws: WebSocket, actor: string, role: 'producer' | 'host' | 'moderator') => {
    const send = (m: ServerMessage) => {
      if (ws.readyState !== ws.OPEN) return;
      if (ws.bufferedAmount > MAX_BUFFERED) {
        ws.close(1013, 'too far behind; reconnect for a fresh snapshot');
        return;
      }
      ws.send(JSON.stringify(m));
    };
    core.setViewCount(role, +1);
    send({ t: 'hello', actor, role, at: core.now() });
    const snap = core.snapshot();
    send({ t: 'snapshot', rev: snap.rev, state: snap.state });
    const unsubscribe = core.subscribe(send);

    ws.on('message', (data) => {
      let msg: ClientMessage;
      try {
        msg = JSON.parse(rawText(data)) as ClientMessage;
      } catch {
        send({ t: 'result', id: '', ok: false, error: { code: 'invalid_args', message: 'Frames must be JSON.' } });
        return;
      }
      if (msg.t === 'resync') {
        const s = core.snapshot();
        send({ t: 'snapshot', rev: s.rev, state: s.state });
        return;
      }
      if (msg.t !== 'command' || typeof msg.name !== 'string' || typeof msg.id !== 'string') {
        send({ t: 'result', id: typeof (msg as { id?: unknown }).id === 'string' ? (msg as { id: string }).id : '', ok: false, error: { code: 'invalid_args', message: 'Expected {t:"command", id, name, args}.' } });
        return;
      }
      core
        .dispatch(msg.name, msg.args, { actor, role, via: 'ws' })
        .then((r) => send(r.ok ? { t: 'result', id: msg.id, ok: true, result: r.result } : { t: 'result', id: msg.id, ok: false, error: r.error }))
        .catch((error: unknown) => log.error('ws command failed', { error: String(error) }));
    });
    ws.on('close', () => {
      unsubscribe();
      core.setViewCount(role, -1);
    });
    ws.on('error', () => ws.terminate());
  };

  return {
    clients: () => wss.clients.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.close(1001, 'station stopping');
        wss.close(() => resolve());
      }),
  };
}
