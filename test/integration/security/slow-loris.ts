// A slow-loris client: a request's first bytes, then a few more every so often, never the end.
import { connect } from 'node:net';

/** Writes `head`, then `drip` every `everyMs` until the station closes the socket (or `ms` passes). */
export function slowLoris(port: number, head: string, drip: string, everyMs: number, ms: number): Promise<{ answer: string; closedAfterMs: number | null }> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    let answer = '';
    let ticker: NodeJS.Timeout | undefined;
    const sock = connect(port, '127.0.0.1', () => {
      sock.write(head);
      ticker = setInterval(() => {
        if (sock.writable) sock.write(drip);
      }, everyMs);
    });
    const finish = (closedAfterMs: number | null) => {
      clearInterval(ticker);
      clearTimeout(timer);
      sock.destroy();
      resolve({ answer, closedAfterMs });
    };
    const timer = setTimeout(() => finish(null), ms);
    sock.on('data', (d: Buffer) => (answer += d.toString('latin1')));
    sock.on('error', () => undefined);
    sock.on('close', () => finish(Date.now() - t0));
  });
}
