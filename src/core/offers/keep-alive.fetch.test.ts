import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeepAliveFetch, type KeepAliveFetch } from './keep-alive.fetch';
import { postJson } from './http-json';
import { StoreError } from './commerce.adapter';

let server: Server | null = null;
let client: KeepAliveFetch | null = null;
afterEach(async () => {
  await client?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
  client = null;
});

describe('keep-alive store client', () => {
  it('sends many store calls over kept connections, not one each', async () => {
    let connections = 0;
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.end('{"ok":true}');
      });
    });
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    client = createKeepAliveFetch();
    const http = { fetch: client.fetch, timeoutMs: 2000, observe: () => {} };
    for (let i = 0; i < 20; i++) expect((await postJson(http, url, '{}', {})).body).toEqual({ ok: true });
    // undici may open a second socket while the first is still being released; never one per call.
    expect(connections).toBeLessThanOrEqual(2);
  });

  it('still names a store that is not there in words', async () => {
    client = createKeepAliveFetch();
    const http = { fetch: client.fetch, timeoutMs: 2000, observe: () => {} };
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const error = await postJson(http, `http://127.0.0.1:${port}/graphql`, '{}', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).kind).toBe('unreachable');
    expect((error as StoreError).message).toContain('connection refused');
  });
});
