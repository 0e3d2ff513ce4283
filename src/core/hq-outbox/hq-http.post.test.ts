// The HTTP transport to HQ against real local servers: a redirect is an answer, never followed, so
// a batch (and the token) cannot be steered to another address or down to plain http.
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpHqPost } from './hq-http.post';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise<void>((r) => s.close(() => r()));
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const s = createServer(handler);
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(s.address() as { port: number }).port}`;
}

describe('HQ transport', () => {
  it('does not follow a redirect: the other address never sees the batch or the token', async () => {
    const seen: string[] = [];
    const elsewhere = await serve((req, res) => {
      seen.push(`${req.method} ${req.headers.authorization ?? ''}`);
      res.end('{"ackedSeq":1,"applied":1,"duplicates":0}');
    });
    const hq = await serve((_req, res) => {
      res.writeHead(307, { location: `${elsewhere}/api/ingest` });
      res.end();
    });
    const post = createHttpHqPost({ url: hq, stationId: 's', token: 'bhq_secret-token-123' });
    const r = await post({ stationId: 's', facts: [] } as never);
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/HQ answered 307/) });
    expect(JSON.stringify(r)).not.toContain('bhq_secret');
    expect(seen).toEqual([]);
  });
});
