// The per-address connection cap over real sockets, on any machine: the peers here connect from
// loopback, and the cap is told to count that address as a LAN machine's (the hostile-sockets suite
// checks the same cap on a real --lan station where the machine has a LAN address).
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { capConnectionsPerAddress, countsAgainstCap } from './connection-cap';

let server: Server | null = null;
let sockets: Socket[] = [];
afterEach(async () => {
  for (const x of sockets) x.destroy();
  sockets = [];
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = null;
});

async function listen(counted: (address: string) => boolean, max: number) {
  const srv = createServer(() => undefined);
  server = srv;
  const cap = capConnectionsPerAddress(srv, { max, counted });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as { port: number }).port;
  const open = (n: number) =>
    Promise.all(
      Array.from({ length: n }, () => new Promise<Socket>((resolve) => {
        const sock = connect(port, '127.0.0.1', () => resolve(sock));
        sock.on('error', () => resolve(sock));
        sockets.push(sock);
      })),
    );
  const settle = () => new Promise((r) => setTimeout(r, 200));
  return { cap, open, settle };
}

const cut = (xs: Socket[]) => xs.filter((x) => x.destroyed || x.readableEnded).length;

describe('connections per address', () => {
  it('closes the connections of one address past its share, counts them, and frees the share on close', async () => {
    const { cap, open, settle } = await listen(() => true, 5);
    const held = await open(12);
    await settle();
    expect(cut(held)).toBe(7);
    expect(cap.refused()).toBe(7);
    for (const x of held) x.destroy();
    await settle();
    const again = await open(5);
    await settle();
    expect(cut(again)).toBe(0);
  });

  it('does not count an address it is told is this machine', async () => {
    const { cap, open, settle } = await listen(() => false, 5);
    const held = await open(12);
    await settle();
    expect(cut(held)).toBe(0);
    expect(cap.refused()).toBe(0);
  });

  it('counts every address but loopback by default', () => {
    for (const a of ['127.0.0.1', '127.0.0.2', '::1', '::ffff:127.0.0.1']) expect(countsAgainstCap(a), a).toBe(false);
    for (const a of ['192.168.1.20', '10.0.0.5', 'fe80::1', '::ffff:192.168.1.20']) expect(countsAgainstCap(a), a).toBe(true);
    expect(countsAgainstCap('')).toBe(false);
  });
});
