// BatonClient over the station's WebSocket (/api/events): for browsers on the studio network and
// for the headless station. Reconnects with capped backoff; every reconnect starts from a fresh
// snapshot, so a view never shows state from before the gap as current. The producer may bring
// the next try forward (reconnectNow) instead of waiting out the backoff (reconnect.logic).
import type { ArgsOf, CommandName, ResultOf, ServerMessage } from '../../../shared/contract/index';
import { CommandRejection, type BatonClient, type ConnectionStatus } from '../../../shared/contract/client';
import { ACCESS_ENDED_CLOSE_CODE } from '../../../shared/contract/constants';
import { localClock } from '../state/station-clock';
import { backoffMs, createRetrySchedule } from './reconnect.logic';

const COMMAND_TIMEOUT_MS = 60_000;

export interface WsClientOptions {
  /** Station origin, e.g. http://127.0.0.1:4820 */
  origin: string;
  token: string;
  /** The role to act in (one of the token's roles, from the view switcher); absent, the token's first. */
  role?: string | null;
}

export function createWsClient(options: WsClientOptions): BatonClient {
  const messageListeners = new Set<(m: ServerMessage) => void>();
  const statusListeners = new Set<(s: ConnectionStatus, d: string | null, retryAt: number | null) => void>();
  const pending = new Map<string, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  let ws: WebSocket | null = null;
  let closed = false;
  let attempt = 0;
  let seq = 0;
  let status: ConnectionStatus = 'connecting';
  let statusDetail: string | null = null;
  const retry = createRetrySchedule({ setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>), now: localClock });

  const setStatus = (s: ConnectionStatus, detail: string | null) => {
    status = s;
    statusDetail = detail;
    for (const l of statusListeners) l(s, detail, retry.pendingAt());
  };

  const failPending = (message: string) => {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      p.reject(new CommandRejection({ code: 'unavailable', message }));
      pending.delete(id);
    }
  };

  const wsUrl = () => {
    const u = new URL('/api/events', options.origin);
    u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
    u.searchParams.set('token', options.token);
    if (options.role) u.searchParams.set('role', options.role);
    return u.toString();
  };

  // A WebSocket refused before the upgrade looks the same as a dead station; ask over HTTP.
  const tokenRejected = async (): Promise<boolean> => {
    try {
      const r = await fetch(new URL('/api/commands/station.whoami', options.origin), {
        method: 'POST',
        headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json', ...(options.role ? { 'x-baton-role': options.role } : {}) },
        body: '{}',
      });
      // 403: the token is fine but does not open the asked role (a stale view switch).
      return r.status === 401 || r.status === 403;
    } catch {
      return false;
    }
  };

  const connect = () => {
    if (closed) return;
    setStatus('connecting', attempt > 0 ? `reconnecting (try ${attempt})` : null);
    let opened = false;
    const socket = new WebSocket(wsUrl());
    ws = socket;
    socket.onopen = () => {
      opened = true;
      attempt = 0;
      setStatus('open', null);
    };
    socket.onmessage = (ev: MessageEvent<string>) => {
      let m: ServerMessage;
      try {
        m = JSON.parse(ev.data) as ServerMessage;
      } catch {
        return;
      }
      if (m.t === 'result') {
        const p = pending.get(m.id);
        if (p) {
          pending.delete(m.id);
          clearTimeout(p.timer);
          if (m.ok) p.resolve(m.result);
          else p.reject(new CommandRejection(m.error));
        }
        return;
      }
      for (const l of messageListeners) l(m);
    };
    socket.onclose = (ev) => {
      ws = null;
      failPending('The connection to the station closed before it answered. Check the state before retrying.');
      if (closed) return;
      if (ev.code === ACCESS_ENDED_CLOSE_CODE) {
        // The producer ended this person's access: reconnecting with the same token cannot work.
        setStatus('unauthorised', ev.reason || 'Your access was revoked.');
        return;
      }
      void (async () => {
        if (!opened && (await tokenRejected())) {
          setStatus('unauthorised', 'This view’s token is not valid for this station.');
          return;
        }
        attempt += 1;
        retry.schedule(connect, backoffMs(attempt, Math.random()));
        setStatus('closed', ev.reason || 'station unreachable');
      })();
    };
  };
  connect();

  return {
    send<N extends CommandName>(name: N, args: ArgsOf<N>): Promise<ResultOf<N>> {
      if (!ws || ws.readyState !== WebSocket.OPEN) {
        return Promise.reject(new CommandRejection({ code: 'unavailable', message: 'Not connected to the station — nothing was sent.' }));
      }
      seq += 1;
      const id = `c${seq}`;
      const socket = ws;
      return new Promise<ResultOf<N>>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new CommandRejection({ code: 'unavailable', message: `${name}: no answer from the station in ${COMMAND_TIMEOUT_MS / 1000} s.` }));
        }, COMMAND_TIMEOUT_MS);
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
        socket.send(JSON.stringify({ t: 'command', id, name, args }));
      });
    },
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      listener(status, statusDetail, retry.pendingAt());
      return () => statusListeners.delete(listener);
    },
    reconnectNow() {
      // Only between tries: a socket already opening (or open) is the try itself.
      if (closed || ws) return false;
      return retry.runNow();
    },
    resync() {
      if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ t: 'resync' }));
    },
    close() {
      closed = true;
      retry.cancel();
      ws?.close(1000, 'view closed');
      failPending('view closed');
    },
  };
}
