// A click after idle, against a store served over TLS the way Vendure serves it (Node's http server,
// its default 5 s keep-alive): two built stations (A, a saved build; B, this tree's out/) on one
// real Vendure, each behind its own HTTPS front (node:https with a self-signed certificate the
// station trusts through NODE_EXTRA_CA_CERTS, default keep-alive, forwarding to Vendure on
// loopback). Clicks come at random moments (0.3–5.3 s apart, so at every phase of the stations'
// 5 s poll), A and B in turn; each front counts the TLS connections it accepts, so every click is
// known to have reused a connection or opened one. Reported per side: the share of clicks that
// opened a connection, the median click with and without one (the handshake's cost on loopback;
// over the internet add the round trips: TCP's one, TLS 1.3's one more) and the station's store
// connections per minute. Beside them, the raw calls' pause after 1 s and after 4 s idle.
//
//   cp -r out .tmp/ab-base   (the build before the change) ... change, npm run build ...
//   OFFERS_AB_BASE=.tmp/ab-base npx tsx bench/offers-idle.ts      (OFFERS_IDLE_CLICKS=40 per side)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, Agent as HttpAgent } from 'node:http';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Agent } from 'undici';
import { startVendureStore, type VendureStore } from '../test/peers/vendure-store';
import { OFFER, writeVendureShow } from '../test/peers/vendure-station';
import { startStationProcess, type StationProcess } from '../test/peers/station-process';
import type { StorePost } from '../src/core/offers/http-json';
import { percentile, report, summarise, type BenchRow } from './support/report';
import { openWsCommands, type WsCommands } from './support/ws-commands';
import { rawClient, twinOfBundle, waitLive } from './support/vendure-raw';

const CLICKS = Number(process.env.OFFERS_IDLE_CLICKS ?? 40);
const BASE = process.env.OFFERS_AB_BASE;
/** A fixed sequence of gaps, the same for both sides (a small LCG: repeatable runs). */
function gaps(n: number): number[] {
  let x = 12345;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return 300 + (x / 2 ** 31) * 5000;
  });
}
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Front {
  url: string;
  /** Times (performance.now()) of the TLS connections accepted. */
  handshakes: number[];
  close(): Promise<void>;
}

/** An HTTPS front for Vendure: Node's server defaults (5 s keep-alive), as Vendure's own server. */
async function httpsFront(store: VendureStore, tls: { key: string; cert: string }): Promise<Front> {
  const target = new URL(store.adminApiUrl);
  const upstream = new HttpAgent({ keepAlive: true });
  const handshakes: number[] = [];
  const server: Server = createHttpsServer(tls, (req, res) => {
    const fwd = httpRequest(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host }, agent: upstream },
      (up) => {
        // The front's own keep-alive applies to the client; Vendure's hop-by-hop headers do not pass.
        const headers = { ...up.headers };
        delete headers.connection;
        delete headers['keep-alive'];
        res.writeHead(up.statusCode ?? 502, headers);
        up.pipe(res);
      },
    );
    fwd.on('error', () => res.destroy());
    req.pipe(fwd);
  });
  server.on('secureConnection', () => handshakes.push(performance.now()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}${target.pathname}`,
    handshakes,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
        upstream.destroy();
      }),
  };
}

function showFor(dir: string, store: VendureStore, twin: { promotionId: string; variantId: string }, url: string): string {
  const file = writeVendureShow(dir, store);
  const show = JSON.parse(readFileSync(file, 'utf8')) as { offers: { id: string; store: { promotionId: string; variantIds: string[]; adminApiUrl: string } }[] };
  const offer = show.offers.find((o) => o.id === OFFER);
  if (!offer) throw new Error(`the bench show has no offer ${OFFER}`);
  offer.store.promotionId = twin.promotionId;
  offer.store.variantIds = [twin.variantId];
  offer.store.adminApiUrl = url;
  writeFileSync(file, JSON.stringify(show, null, 2));
  return file;
}

/** The stores' client with the front's certificate trusted (the station gets it from NODE_EXTRA_CA_CERTS). */
function tlsPost(ca: string): { post: StorePost; close(): Promise<void> } {
  const agent = new Agent({ keepAliveTimeout: 60_000, keepAliveMaxTimeout: 60_000, connections: 8, connect: { ca } });
  const post: StorePost = async (url, { headers, body }) => {
    const res = await agent.request({ origin: url.origin, path: url.pathname, method: 'POST', headers, body });
    const text = await res.body.text();
    return { status: res.statusCode, text, headers: { get: (n) => (res.headers[n.toLowerCase()] as string | undefined) ?? null } };
  };
  return { post, close: () => agent.close() };
}

async function main() {
  if (!BASE) throw new Error('OFFERS_AB_BASE=<a saved build folder holding main/headless.js> is required');
  const dir = mkdtempSync(join(tmpdir(), 'baton-offers-idle-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const tls = { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  let store: VendureStore | undefined;
  const fronts: Front[] = [];
  const stations: StationProcess[] = [];
  const views: WsCommands[] = [];
  const client = tlsPost(tls.cert);
  try {
    store = await startVendureStore({ workDir: join(dir, 'vendure') });
    const s = store;
    const twins = { a: await twinOfBundle(s, 'idle-a'), b: await twinOfBundle(s, 'idle-b'), raw: await twinOfBundle(s, 'idle-raw') };
    const front = { a: await httpsFront(s, tls), b: await httpsFront(s, tls), raw: await httpsFront(s, tls) };
    fronts.push(front.a, front.b, front.raw);
    const raw = await rawClient({ ...s, adminApiUrl: front.raw.url }, twins.raw.promotionId, twins.raw.variantId, client.post);
    const open = async (side: 'a' | 'b') => {
      const st = await startStationProcess({
        dataDir: join(dir, `station-${side}`),
        showFile: showFor(join(dir, `show-${side}`), s, twins[side], front[side].url),
        env: { NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem') },
        ...(side === 'a' ? { entry: resolve(BASE, 'main/headless.js') } : {}),
      });
      stations.push(st);
      const cred = await st.api('offer.credentials', { offerId: OFFER, value: s.password });
      if (!cred.body.ok) throw new Error(`offer.credentials (${side}): ${JSON.stringify(cred.body)}`);
      await waitLive(st);
      const v = await openWsCommands(st.url, st.tokens.producer);
      views.push(v);
      return v;
    };
    const view = { a: await open('a'), b: await open('b') };
    const paused = { a: false, b: false };
    const clicks = { a: [] as { ms: number; opened: boolean }[], b: [] as { ms: number; opened: boolean }[] };
    const click = async (side: 'a' | 'b') => {
      const name = paused[side] ? 'offer.resume' : 'offer.pause';
      const expected = paused[side] ? 'live' : 'paused';
      const before = front[side].handshakes.length;
      const t0 = performance.now();
      const r = await view[side].send(name, name === 'offer.pause' ? { offerId: OFFER, reason: 'bench' } : { offerId: OFFER });
      const ms = performance.now() - t0;
      if ((r.result as { state?: string } | undefined)?.state !== expected) throw new Error(`${name} on ${side} answered ${JSON.stringify(r)}`);
      paused[side] = !paused[side];
      return { ms, opened: front[side].handshakes.length > before };
    };
    // Warm-up: a click each, past the first connections and the JIT.
    await click('a');
    await click('b');
    const load0 = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
    const started = performance.now();
    const hs0 = { a: front.a.handshakes.length, b: front.b.handshakes.length };
    const wait = gaps(2 * CLICKS);
    for (let i = 0; i < CLICKS; i++) {
      const order: ('a' | 'b')[] = i % 2 === 0 ? ['a', 'b'] : ['b', 'a'];
      for (const [j, side] of order.entries()) {
        await sleep(wait[2 * i + j] ?? 1000);
        clicks[side].push(await click(side));
      }
    }
    const minutes = (performance.now() - started) / 60_000;
    // Raw: the same three calls and read-back after 1 s and after 4 s of idle, alternating.
    const rawAfter = { short: [] as number[], long: [] as number[], opened: { short: 0, long: 0 } };
    let rawPaused = false;
    for (let i = 0; i < 12; i++) {
      for (const which of i % 2 === 0 ? (['short', 'long'] as const) : (['long', 'short'] as const)) {
        await sleep(which === 'short' ? 1000 : 4000);
        const before = front.raw.handshakes.length;
        const t0 = performance.now();
        await (rawPaused ? raw.resume() : raw.pause());
        rawAfter[which].push(performance.now() - t0);
        if (front.raw.handshakes.length > before) rawAfter.opened[which]++;
        rawPaused = !rawPaused;
      }
    }
    const load1 = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
    const rows: BenchRow[] = [];
    for (const side of ['a', 'b'] as const) {
      const label = side === 'a' ? 'A (base build)' : 'B (this build)';
      const all = clicks[side];
      const opened = all.filter((c) => c.opened).map((c) => c.ms);
      const kept = all.filter((c) => !c.opened).map((c) => c.ms);
      rows.push(
        { metric: `${label}: clicks that opened a TLS connection to the store`, value: (100 * opened.length) / all.length, unit: '%' },
        { metric: `${label}: click median, all (p90 beside)`, value: summarise(all.map((c) => c.ms)).p50, unit: 'ms', baseline: percentile(all.map((c) => c.ms).sort((x, y) => x - y), 90) },
        { metric: `${label}: click median, connection opened (n=${opened.length}) vs kept (n=${kept.length})`, value: opened.length ? summarise(opened).p50 : NaN, unit: 'ms', baseline: kept.length ? summarise(kept).p50 : NaN },
        { metric: `${label}: TLS connections the station opened per minute (polls and clicks)`, value: (front[side].handshakes.length - hs0[side]) / minutes, unit: '/min' },
      );
    }
    rows.push(
      { metric: `raw pause or resume after 4 s idle (opened ${rawAfter.opened.long} of ${rawAfter.long.length}) vs after 1 s (opened ${rawAfter.opened.short} of ${rawAfter.short.length}), median`, value: summarise(rawAfter.long).p50, unit: 'ms', baseline: summarise(rawAfter.short).p50 },
      { metric: 'clicks measured per side', value: CLICKS, unit: 'n' },
      { metric: `load average at start / end (${load0} / ${load1})`, value: Number(load1), unit: '' },
    );
    report('offers after idle: clicks against an HTTPS store with Node’s default keep-alive', rows);
  } finally {
    for (const v of views) await v.close();
    for (const st of stations) await st.stop();
    for (const f of fronts) await f.close();
    await client.close();
    await store?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
