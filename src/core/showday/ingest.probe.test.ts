import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRtmp, probeRtmp } from './ingest.probe';

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});
const listen = (onData: (d: Buffer, reply: (b: Buffer) => void) => void) =>
  new Promise<number>((resolve) => {
    const s = createServer((sock) => sock.on('data', (d) => onData(d, (b) => sock.write(b))));
    servers.push(s);
    s.listen(0, '127.0.0.1', () => resolve((s.address() as { port: number }).port));
  });
const opts = { timeoutMs: 1000, now: () => Date.now() };

describe('backup ingest probe', () => {
  it('parses rtmp and rtmps URLs with their default ports, and refuses others', () => {
    expect(parseRtmp('rtmp://a.example/live')).toEqual({ host: 'a.example', port: 1935, secure: false });
    expect(parseRtmp('rtmps://b.example:4443/app/key')).toEqual({ host: 'b.example', port: 4443, secure: true });
    expect(parseRtmp('http://x')).toBeNull();
  });

  it('passes when the server answers the RTMP handshake with version 3', async () => {
    const port = await listen((d, reply) => {
      if (d[0] === 3) reply(Buffer.from([3, ...Buffer.alloc(1536)]));
    });
    const r = await probeRtmp(`rtmp://127.0.0.1:${port}/live/SECRETKEY`, opts);
    expect(r.status).toBe('pass');
    expect(r.detail).not.toContain('SECRETKEY');
  });

  it('fails a port that is not RTMP, a closed port, and a silent server', async () => {
    const http = await listen((_d, reply) => reply(Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n')));
    expect(await probeRtmp(`rtmp://127.0.0.1:${http}/live`, opts)).toMatchObject({ status: 'fail', detail: expect.stringContaining('not as an RTMP server') });
    const closed = await listen(() => undefined);
    servers.pop()!.close();
    await new Promise((r) => setTimeout(r, 20));
    expect(await probeRtmp(`rtmp://127.0.0.1:${closed}/live`, opts)).toMatchObject({ status: 'fail', detail: expect.stringContaining('ECONNREFUSED') });
    const silent = await listen(() => undefined);
    expect(await probeRtmp(`rtmp://127.0.0.1:${silent}/live`, { ...opts, timeoutMs: 200 })).toMatchObject({ status: 'fail', detail: expect.stringContaining('did not answer') });
  });
});
