// WebSocket /api/overlay?token=…: the read-only feed of the overlay pages. An overlay token sees
// only OverlayContent (never the snapshot) and cannot send commands; a revoked token's sockets are
// closed with 4401 and the page clears itself.
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from '../../core/core';
import type { OverlayContent } from '../../shared/contract/index';
import { overlayContent } from '../../core/overlay/overlay.content';
import type { DeviceTokenService } from '../auth/device-token.service';
import { CLOSE_TOKEN_REFUSED, CLOSE_TOO_MANY, deviceLimitKey, type UpgradeRoute } from '../device/device-socket';
import type { RateLimiter } from '../transport/rate-limit';
import { createSendBudget, type SendBudget, type SendSlot } from '../transport/send-budget';

/** An overlay page reads a few hundred bytes per change; one this far behind is not reading. */
const MAX_BUFFERED = 256 * 1024;

export type OverlayFrame = { t: 'hello'; at: number } | { t: 'content'; at: number; content: OverlayContent };

export interface OverlaySocket {
  upgrade: UpgradeRoute;
  clients(): number;
  close(): Promise<void>;
}

export function createOverlaySocket(deps: {
  core: Core;
  devices: DeviceTokenService;
  limiter: RateLimiter;
  /** The station's unsent-byte budget (per token and altogether), shared with the other doors. */
  budget?: SendBudget;
}): OverlaySocket {
  const { core, devices, limiter } = deps;
  const budget = deps.budget ?? createSendBudget();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024, perMessageDeflate: false });
  const clients = new Map<WebSocket, { label: string; slot: SendSlot }>();
  let last = '';
  let scheduled = false;

  const frame = (): string =>
    JSON.stringify({ t: 'content', at: core.now(), content: overlayContent(core.snapshot().state) } satisfies OverlayFrame);
  // The station's clock realigned to the OS clock (core.ts): a page's skew was taken from a hello on
  // the clock before, and a countdown it draws would be off by the step. A fresh hello retakes it.
  let shift = core.snapshot().state.station.clockShiftMs ?? 0;
  const publish = () => {
    scheduled = false;
    const state = core.snapshot().state;
    if ((state.station.clockShiftMs ?? 0) !== shift) {
      shift = state.station.clockShiftMs ?? 0;
      const hello = JSON.stringify({ t: 'hello', at: core.now() } satisfies OverlayFrame);
      for (const ws of clients.keys()) if (ws.readyState === ws.OPEN) ws.send(hello);
    }
    const content = JSON.stringify(overlayContent(state));
    if (content === last) return;
    last = content;
    const text = `{"t":"content","at":${core.now()},"content":${content}}`;
    for (const [ws, c] of clients) {
      if (ws.readyState !== ws.OPEN) continue;
      const over = c.slot.admit(text.length);
      if (over) budget.drop(ws, over);
      else ws.send(text);
    }
  };
  const unsubscribe = core.subscribe((m) => {
    if (m.t !== 'patch' || scheduled) return;
    scheduled = true;
    setImmediate(publish);
  });
  const offRevoked = devices.onRevoked((label) => {
    for (const [ws, c] of clients) if (c.label === label) ws.close(CLOSE_TOKEN_REFUSED, 'overlay token revoked');
  });

  return {
    upgrade(req, socket, head, url) {
      if (url.pathname !== '/api/overlay') return false;
      const grant = devices.check(url.searchParams.get('token'), 'overlay', req.socket.remoteAddress ?? 'unknown');
      const release = grant ? limiter.connect(deviceLimitKey('overlay', grant.label)) : null;
      // Freed with the socket, also when the handshake fails before the callback.
      if (release) socket.once('close', release);
      wss.handleUpgrade(req, socket, head, (ws) => {
        // First, on every socket: a bad frame (also on one being closed) is an 'error' event, and
        // an error event without a listener is an uncaught exception in the station's process.
        ws.on('error', () => ws.terminate());
        if (!grant) {
          ws.close(CLOSE_TOKEN_REFUSED, 'overlay token not valid');
          return;
        }
        if (!release) {
          ws.close(CLOSE_TOO_MANY, 'too many open connections with this overlay token');
          return;
        }
        const slot = budget.open(deviceLimitKey('overlay', grant.label), `overlay ${grant.label}`, () => ws.bufferedAmount, MAX_BUFFERED);
        clients.set(ws, { label: grant.label, slot });
        ws.send(JSON.stringify({ t: 'hello', at: core.now() } satisfies OverlayFrame));
        ws.send(frame());
        // Read-only: anything a page sends is ignored, and a page that talks is not an overlay page.
        ws.on('message', () => ws.close(1008, 'overlay sockets are read-only'));
        ws.on('close', () => {
          clients.delete(ws);
          slot.release();
          release();
        });
      });
      return true;
    },
    clients: () => clients.size,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        offRevoked();
        for (const ws of clients.keys()) ws.close(1001, 'station stopping');
        wss.close(() => resolve());
      }),
  };
}
