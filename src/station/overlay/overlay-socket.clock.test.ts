// An overlay page draws its countdown on the station's time, taken from the socket's hello. When
// the station realigns its clock to the OS clock (an NTP step, noticed with no show live), a page
// connected before must be told the new time, or its countdown is off by the step.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestClock, createTestCore, DEMO_SHOW } from '../../../test/support/test-core';
import { until } from '../../../test/support/until';
import type { Core } from '../../core/core';
import { CLOCK_CHECK_MS } from '../../core/platform/clock-drift';
import { systemTimers, type Timers } from '../../core/platform/timers';
import { createMemorySecretStore } from '../../core/platform/secret-store';
import { createDeviceTokenService } from '../auth/device-token.service';
import { createRateLimiter, DEFAULT_LIMITS } from '../transport/rate-limit';
import { createDefaultPorts } from '../default-ports';
import { createOverlaySocket, type OverlayFrame, type OverlaySocket } from './overlay-socket';

const HOUR = 3_600_000;
const open: { core: Core; overlay: OverlaySocket; server: Server; ws: WebSocket }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) {
    o.ws.close();
    await o.overlay.close();
    await new Promise<void>((r) => o.server.close(() => r()));
    await o.core.close();
  }
});

describe('an overlay page connected across a realignment of the station\'s clock', () => {
  it.each([
    ['forward', HOUR],
    ['back', -HOUR],
  ])('is sent a fresh hello on the new clock (stepped %s)', async (_dir, step) => {
    const clock = createTestClock();
    const checks: (() => void)[] = [];
    const ports = createDefaultPorts();
    const timers: Timers = { ...systemTimers, every: (ms, fn) => (ms === CLOCK_CHECK_MS ? (checks.push(fn), () => undefined) : systemTimers.every(ms, fn)) };
    const core = createTestCore({ clock, ports: { offers: { ...ports.offers, timers, sandbox: { ...ports.offers.sandbox, simulate: false } } } });
    core.show.loadFile(DEMO_SHOW);
    await core.start();
    const devices = createDeviceTokenService({ secrets: createMemorySecretStore() });
    const token = devices.issue('overlay', 'obs-pc').token;
    const overlay = createOverlaySocket({ core, devices, limiter: createRateLimiter(DEFAULT_LIMITS, () => performance.now()) });
    const server = createServer();
    server.on('upgrade', (req, socket, head) => {
      if (!overlay.upgrade(req, socket, head, new URL(req.url ?? '/', 'http://station'))) socket.destroy();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const ws = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}/api/overlay?token=${encodeURIComponent(token)}`);
    open.push({ core, overlay, server, ws });
    const frames: OverlayFrame[] = [];
    ws.on('message', (d: Buffer) => frames.push(JSON.parse(d.toString('utf8')) as OverlayFrame));
    await until(() => frames.length >= 2, 3000);
    expect(frames[0]).toEqual({ t: 'hello', at: core.now() });

    clock.advance(10_000);
    clock.set(clock.now() + step);
    for (const c of checks) c();
    expect(core.now()).toBe(clock.now());
    await until(() => frames.filter((f) => f.t === 'hello').length === 2, 3000);
    expect(frames.filter((f) => f.t === 'hello').at(-1)).toEqual({ t: 'hello', at: clock.now() });
  });
});
