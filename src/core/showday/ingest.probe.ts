// "Backup ingest reachable": opens a connection to the configured RTMP server and does the first
// step of the RTMP handshake (C0+C1 → S0), so a port that accepts but is not RTMP does not pass.
import { connect as tcp, type Socket } from 'node:net';
import { connect as tls } from 'node:tls';

export interface ProbeResult {
  status: 'pass' | 'fail';
  detail: string;
  at: number;
}

export function parseRtmp(server: string): { host: string; port: number; secure: boolean } | null {
  let u: URL;
  try {
    u = new URL(server);
  } catch {
    return null;
  }
  if (u.protocol !== 'rtmp:' && u.protocol !== 'rtmps:') return null;
  const secure = u.protocol === 'rtmps:';
  return { host: u.hostname, port: u.port ? Number(u.port) : secure ? 443 : 1935, secure };
}

export function probeRtmp(server: string, opts: { timeoutMs: number; now: () => number }): Promise<ProbeResult> {
  const target = parseRtmp(server);
  // The server URL is shown without its path: stream keys are sometimes pasted into it.
  if (!target) return Promise.resolve({ status: 'fail', detail: 'the backup ingest is not an rtmp:// or rtmps:// URL', at: opts.now() });
  const where = `${target.secure ? 'rtmps' : 'rtmp'}://${target.host}:${target.port}`;
  return new Promise((resolve) => {
    const started = opts.now();
    let done = false;
    const finish = (status: ProbeResult['status'], detail: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ status, detail, at: opts.now() });
    };
    const socket: Socket = target.secure
      ? tls({ host: target.host, port: target.port, servername: target.host })
      : tcp({ host: target.host, port: target.port });
    const timer = setTimeout(() => finish('fail', `${where} did not answer within ${opts.timeoutMs / 1000} s`), opts.timeoutMs);
    socket.once(target.secure ? 'secureConnect' : 'connect', () => {
      const c1 = Buffer.alloc(1 + 1536);
      c1[0] = 3; // RTMP version 3; C1 = time 0, zero, 1528 bytes of anything
      socket.write(c1);
    });
    socket.once('data', (d: Buffer) => {
      if (d[0] === 3) finish('pass', `${where} answers the RTMP handshake (${opts.now() - started} ms)`);
      else finish('fail', `${where} answered, but not as an RTMP server`);
    });
    socket.once('error', (e: Error) => finish('fail', `${where}: ${e.message}`));
    socket.once('close', () => finish('fail', `${where} closed the connection during the handshake`));
  });
}
