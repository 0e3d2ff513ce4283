import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeepAliveHttp, type KeepAliveHttp } from './keep-alive.http';
import { postJson } from './http-json';
import { StoreError } from './commerce.adapter';

let server: Server | null = null;
let client: KeepAliveHttp | null = null;
afterEach(async () => {
  await client?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
  client = null;
});

describe('keep-alive store client', () => {
  it('sends calls that follow one another over one kept connection; only simultaneous calls open more', async () => {
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
    client = createKeepAliveHttp();
    const http = { post: client.post, timeoutMs: 2000, observe: () => {} };
    for (let i = 0; i < 20; i++) expect((await postJson(http, url, '{}', {})).body).toEqual({ ok: true });
    // A pause's three calls on one connection: undici's Agent gave every other call a second one
    // (its connection counts as busy for a turn after the answer), and against a store over TLS a
    // click after idle paid a handshake between its own store calls.
    expect(connections).toBe(1);
    await Promise.all([1, 2, 3].map(async () => expect((await postJson(http, url, '{}', {})).body).toEqual({ ok: true })));
    expect(connections).toBe(3);
    for (let i = 0; i < 5; i++) await postJson(http, url, '{}', {});
    expect(connections).toBe(3);
  });

  it('still names a store that is not there in words', async () => {
    client = createKeepAliveHttp();
    const http = { post: client.post, timeoutMs: 2000, observe: () => {} };
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const error = await postJson(http, `http://127.0.0.1:${port}/graphql`, '{}', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).kind).toBe('unreachable');
    expect((error as StoreError).message).toContain('connection refused');
  });

  it('hands back status, headers and body, and names a store that does not answer in time', async () => {
    server = createServer((req, res) => {
      req.resume();
      if (req.url === '/slow') return; // never answers
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.setHeader('Vendure-Auth-Token', 'tok');
        res.statusCode = 201;
        res.end(JSON.stringify({ got: req.headers['x-probe'] ?? null }));
      });
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    client = createKeepAliveHttp();
    const observed: (number | null)[] = [];
    const http = { post: client.post, timeoutMs: 150, observe: (s: number | null) => void observed.push(s) };
    const answer = await postJson(http, `${base}/graphql`, '{}', { 'x-probe': 'yes' });
    expect(answer).toMatchObject({ status: 201, body: { got: 'yes' } });
    expect(answer.headers.get('vendure-auth-token')).toBe('tok');
    const started = Date.now();
    const error = await postJson(http, `${base}/slow`, '{}', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
    expect((error as StoreError).message).toContain('did not answer within 0.1 s');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(observed).toEqual([201, null]);
  });
});
