// Open TCP connections per peer address. Every socket costs the station a file descriptor until
// Node's timeouts reap it (idle or slow headers ~80 s, a trickled body up to 5 minutes), so one
// machine on the studio network opening sockets by the thousand could take every descriptor and
// lock out the views, panels and overlays (and the files the station writes). Each address gets a
// share; loopback is not counted: it is this machine's own windows and tools.
import type { Server, Socket } from 'node:net';
import { isLoopbackHost } from '../../shared/show/secret-scope';

/** Far above a machine's honest use (a browser's 6 per view, its WebSockets, a panel, overlays). */
export const MAX_CONNECTIONS_PER_ADDRESS = 128;

export interface ConnectionCap {
  /** Connections refused since start. */
  refused(): number;
}

/** Whether a peer's connections count against its share: every address but this machine's own. */
export function countsAgainstCap(address: string): boolean {
  return address !== '' && !isLoopbackHost(address);
}

export function capConnectionsPerAddress(
  server: Server,
  // `counted` is here for the cap's own test, which has only loopback peers on a machine without a LAN address.
  { max = MAX_CONNECTIONS_PER_ADDRESS, counted = countsAgainstCap }: { max?: number; counted?: (address: string) => boolean } = {},
): ConnectionCap {
  const open = new Map<string, number>();
  let refused = 0;
  server.on('connection', (socket: Socket) => {
    const from = socket.remoteAddress ?? '';
    if (!counted(from)) return;
    const n = open.get(from) ?? 0;
    if (n >= max) {
      // Closed at once: only a LAN station (always TLS) meets other addresses, and nothing
      // readable can be said before a handshake.
      refused += 1;
      socket.destroy();
      return;
    }
    open.set(from, n + 1);
    socket.once('close', () => {
      const left = (open.get(from) ?? 1) - 1;
      if (left <= 0) open.delete(from);
      else open.set(from, left);
    });
  });
  return { refused: () => refused };
}
