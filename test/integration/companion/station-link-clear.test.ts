// The Companion module speaks plain ws:// with the device token in the URL. A station on another
// machine is a --lan station (HTTPS/WSS only): the module could never reach it, but each retry sent
// "GET /api/device?token=…" in clear across the studio network, forever. Now it connects only to
// this machine, and says why otherwise.
import { createServer, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { createStationLink, plainLinkAllowed, type StationLink } from '../../../companion/src/station-link';

const TOKEN = 'device-token-never-in-clear-7d1e';
let links: StationLink[] = [];
afterEach(() => {
  for (const l of links) l.close();
  links = [];
});

describe('the Companion link', () => {
  it('connects in plain ws:// only to this machine', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2']) expect(plainLinkAllowed(host), host).toBe(true);
    for (const host of ['192.168.1.20', 'station.local', '10.0.0.5', 'fe80::1', '127.0.0.1.evil.example']) expect(plainLinkAllowed(host), host).toBe(false);
  });

  it('sends nothing to a station on another machine and says why', async () => {
    // A listener on this machine's LAN address records what a link to it sends; with no LAN
    // address, a TEST-NET address shows the link does not even try.
    const lan = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)?.address ?? '192.0.2.123';
    const received: Buffer[] = [];
    const server = createServer((s: Socket) => s.on('data', (d: Buffer) => received.push(d)));
    const port = await new Promise<number>((resolve) => server.listen(0, '0.0.0.0', () => resolve((server.address() as { port: number }).port)));
    try {
      const link = createStationLink({ host: lan, port, token: TOKEN }, { backoffMinMs: 50, backoffMaxMs: 100, pingEveryMs: 5_000, commandTimeoutMs: 1_000 });
      links.push(link);
      await new Promise((r) => setTimeout(r, 1_000));
      expect(Buffer.concat(received).toString('latin1')).not.toContain(TOKEN);
      expect(link.phase()).toBe('refused');
      expect(link.problem()).toMatch(/in clear/);
    } finally {
      server.close();
    }
  });
});
