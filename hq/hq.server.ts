// The HQ service: one HTTP port for stations' batches (/api/ingest), HQ's own health, station
// tokens (admin), and the server-rendered views. Views need HQ's admin token or its viewer token
// (as a bearer, or once in the printed link, which opens a session: auth/sessions.ts); every change
// needs the admin's. A viewer reads everything a view shows and changes nothing.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual, createHash } from 'node:crypto';
import type { HqDb } from './db/hq-db';
import { createIngestService, type IngestService } from './ingest/ingest.service';
import { countUnknownRefusals, issueStationToken, listStations, revokeStation, StationInputError } from './ingest/stations.repo';
import { loadCommerce, loadIncidents, loadShows } from './views/hq.queries';
import { attributionCsv, attributionPage, calendarPage, experimentsPage, postmortemPage, stationsPage } from './views/hq.views';
import { BOARD_PROBLEMS, BoardInputError, decideItem, loadDecisions, parseActor, parseItemEdit, recentHqAudit } from './views/postmortem.repo';
import { ATTRIBUTION_DIMENSIONS, type AttributionDimension } from './views/attribution.calc';
import { page, esc, signedInAs } from './views/html';
import { createFairShare, DEFAULT_FAIR_SHARE, type FairShareLimits, type Turn } from './ingest/fair-share';
import { BodyError, readBody as readStationBody } from '../src/station/transport/http-util';
import { createHqSessions, type HqRole } from './auth/sessions';
import { createSignInThrottle } from './auth/sign-in-throttle';
import { clientAddress } from './auth/client-address';
import { cameOverTls, cookieHeader, readCookie } from './auth/cookies';
import { recordHqAudit } from './db/hq-audit';

export interface HqServerOptions {
  db: HqDb;
  host: string;
  port: number;
  adminToken: string;
  /** The read-only viewer's token; null or absent: nobody signs in as a viewer. */
  viewerToken?: string | null;
  version: string;
  now?: () => number;
  /** The monotonic clock sessions and the sign-in throttle are timed on (default performance.now). */
  monotonic?: () => number;
  /** HQ is always reached through TLS (a proxy that does not say so): every cookie is Secure. */
  behindTls?: boolean;
  /** How HQ shares its ingest among stations and unknown tokens (default DEFAULT_FAIR_SHARE). */
  fairShare?: FairShareLimits;
  /**
   * Where HQ tells its operator what went wrong inside (the database driver's text names hosts, ports and users);
   * default: one line on stderr. Callers only ever get a plain 503.
   */
  reportError?: (where: string, error: unknown) => void;
}

const reportToStderr = (where: string, error: unknown): void => {
  process.stderr.write(`Baton HQ: ${where}: ${error instanceof Error ? error.message : String(error)}\n`);
};

export interface HqServer {
  port: number;
  url: string;
  ingest: IngestService;
  close(): Promise<void>;
}

const MAX_BATCH_BYTES = 16 * 1024 * 1024;
/**
 * What HQ reads from a request whose token is not a live station's: enough to name the station it
 * claims in the refusal (a misconfigured station's small batch), never a batch's worth.
 */
const STRANGER_BODY_BYTES = 64 * 1024;

/**
 * Deliberate deadlines instead of Node's defaults (headers 60 s checked every 30 s, a request
 * 5 minutes): HQ faces every station and browser that can reach it, and a slow-loris client held a
 * socket and a parser per trickled request for minutes. A station's batch (at most 16 MB, usually
 * a few hundred KB) crosses a slow uplink well inside two minutes; headers come at once.
 */
export const HQ_TIMEOUTS = { headersTimeout: 10_000, requestTimeout: 120_000, connectionsCheckingInterval: 1_000, keepAliveTimeout: 10_000 } as const;

/**
 * The station's body reader (one implementation for both): HQ stops at the limit — a batch is up
 * to 16 MB, and draining 16× that is not worth a readable answer — and the caller answers and
 * closes. A request aborted halfway is an answer too (the promise settles), not a handler left waiting.
 */
const readBody = (req: IncomingMessage, limit: number) => readStationBody(req, limit, { over: 'stop' });

/**
 * HQ's pages run no script but the attribution page's one-line select handler (allowed by its hash),
 * load nothing from elsewhere, post only to HQ, and are framed by nobody: the board's forms must not
 * sit under another site's buttons. No answer is sniffed as another type or names its address in a
 * Referer to another origin (`same-origin`, not `no-referrer`: under no-referrer a browser sends
 * `Origin: null` with HQ's own forms, and fromOwnPage could not tell them from a sibling host's).
 */
export const HQ_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-hashes' 'sha256-osjxnKEPL/pQJbFk1dKsF7PYFmTyMWGmVSiL9inhxJY='; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const BROWSER_HEADERS = { 'content-security-policy': HQ_CONTENT_SECURITY_POLICY, 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin' } as const;

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store', ...BROWSER_HEADERS, ...headers });
  res.end(body);
}
const json = (res: ServerResponse, status: number, body: unknown) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
const fail = (res: ServerResponse, status: number, message: string) => json(res, status, { ok: false, error: { message } });

function bearer(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  return h && /^Bearer\s+/i.test(h) ? h.replace(/^Bearer\s+/i, '').trim() : null;
}

/**
 * Whether a browser says the request comes from HQ's own origin: its Origin's host is the Host it
 * asked (a TLS proxy in front keeps Host), or, without an Origin, Sec-Fetch-Site says same-origin or
 * none (typed, bookmarked). A client that sends neither is no browser a page can steer.
 */
function fromOwnPage(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (typeof origin === 'string') {
    try {
      return origin !== 'null' && new URL(origin).host === req.headers.host;
    } catch {
      return false;
    }
  }
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

const cookie = readCookie;
const SESSION_COOKIE = 'hq_session';
const isChange = (req: IncomingMessage) => req.method !== 'GET' && req.method !== 'HEAD';

export async function startHqServer(o: HqServerOptions): Promise<HqServer> {
  const now = o.now ?? Date.now;
  const reportError = o.reportError ?? reportToStderr;
  const ingest = createIngestService(o.db, undefined, (error) => reportError('ingest', error));
  const fair = createFairShare(o.fairShare ?? DEFAULT_FAIR_SHARE);
  const monotonic = o.monotonic ?? (() => performance.now());
  const sessions = createHqSessions(monotonic);
  const throttle = createSignInThrottle(monotonic);
  const adminDigest = createHash('sha256').update(o.adminToken).digest();
  const viewerDigest = o.viewerToken ? createHash('sha256').update(o.viewerToken).digest() : null;
  /** Which role a token signs in as; both digests compared in constant time, every time. */
  const roleOf = (t: string | null): HqRole | null => {
    if (t === null) return null;
    const d = createHash('sha256').update(t).digest();
    const admin = timingSafeEqual(d, adminDigest);
    const viewer = viewerDigest !== null && timingSafeEqual(d, viewerDigest);
    return admin ? 'admin' : viewer ? 'viewer' : null;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://hq');
    const path = url.pathname;
    if (path === '/api/health' && req.method === 'GET') {
      let db = 'up';
      try {
        await o.db.query('SELECT 1');
      } catch {
        db = 'down';
      }
      return json(res, db === 'up' ? 200 : 503, { ok: db === 'up', service: 'baton-hq', version: o.version, engine: o.db.engine, db });
    }
    if (path === '/api/ingest') {
      if (req.method !== 'POST') return fail(res, 405, 'POST a batch.');
      // A turn before anything else (fair-share.ts): a token HQ has not seen live draws on the shared
      // budget before its look-up, a station on its own few; over either, 429 and the body unread.
      const token = bearer(req);
      const busy = (turn: Extract<Turn, { ok: false }>) => {
        res.setHeader('connection', 'close');
        res.setHeader('retry-after', String(turn.retryAfterSeconds));
        fail(res, 429, turn.message);
        req.resume();
        res.on('finish', () => req.socket.destroy());
      };
      const held = (turn: Extract<Turn, { ok: true }>) => res.once('close', turn.release);
      let strangerTurn: Turn | null = null;
      if (!ingest.knows(token)) {
        strangerTurn = fair.stranger();
        if (!strangerTurn.ok) return busy(strangerTurn);
        held(strangerTurn);
      }
      // The token is checked before the body is read: a stranger gets a small allowance, and is
      // refused (counted, connection closed) as soon as its body — or its declared length — is over it.
      const admitted = await ingest.admits(token, now());
      if (admitted === 'unavailable') {
        res.setHeader('connection', 'close');
        return fail(res, 503, 'HQ cannot check station tokens right now; retry later.');
      }
      if (typeof admitted === 'object') {
        // A station seen for the first time gives its stranger's turn back for its own.
        if (strangerTurn?.ok) strangerTurn.release();
        const turn = fair.station(admitted.station);
        if (!turn.ok) return busy(turn);
        held(turn);
      }
      const limit = typeof admitted === 'object' ? MAX_BATCH_BYTES : STRANGER_BODY_BYTES;
      const refuseUnread = async () => {
        const r = await ingest.ingest(token, null, now());
        res.setHeader('connection', 'close');
        fail(res, r.status === 200 ? 401 : r.status, r.status === 200 ? 'Refused.' : r.message);
        req.resume();
        res.on('finish', () => req.socket.destroy());
      };
      if (admitted === 'stranger' && Number(req.headers['content-length'] ?? 0) > limit) return refuseUnread();
      let buf: Buffer;
      try {
        buf = await readBody(req, limit);
      } catch (error) {
        if (error instanceof BodyError && error.status === 413 && admitted === 'stranger') return refuseUnread();
        throw error;
      }
      // HQ's clock starts once the request is in: a sender's slow upload is the sender's time.
      const t0 = performance.now();
      let body: unknown;
      try {
        body = JSON.parse(buf.toString('utf8'));
      } catch {
        return fail(res, 400, 'The body is not valid JSON.');
      }
      const r = await ingest.ingest(bearer(req), body, now());
      if (r.status !== 200) return fail(res, r.status, r.message);
      json(res, 200, r.ack);
      ingest.stats.record(performance.now() - t0, r.dbMs, r.facts);
      return;
    }

    // Everything below is for HQ's people: a token as a bearer, or once in ?token= (which opens a session).
    // The throttle's key: the client the proxy names behind --behind-tls, else the socket (client-address.ts).
    const address = clientAddress(req, o.behindTls === true);
    const secure = cameOverTls(req, o.behindTls === true);
    const html401 = (why: string) => send(res, 401, 'text/html; charset=utf-8', page('Not signed in', '', `<p>${esc(why)}</p>`));
    const queryToken = req.method === 'GET' ? url.searchParams.get('token') : null;
    const presented = queryToken ?? bearer(req);
    if (presented !== null) {
      const wait = throttle.retryAfter(address);
      if (wait > 0) {
        res.setHeader('retry-after', String(wait));
        return fail(res, 429, `Too many wrong tokens from this address; try again in ${wait} s.`);
      }
    }
    if (queryToken !== null) {
      const role = roleOf(queryToken);
      if (!role) {
        throttle.failed(address);
        return html401('That link’s token is not one of HQ’s.');
      }
      // A fresh session every sign-in; whatever session the browser carried ends.
      sessions.close(cookie(req, SESSION_COOKIE));
      url.searchParams.delete('token');
      // One leading slash: a path that normalised to //host (/.//evil.example) would send the browser off HQ.
      const location = `/${path.replace(/^\/+/, '')}${url.search}`;
      return send(res, 303, 'text/plain', '', { location, 'set-cookie': cookieHeader(SESSION_COOKIE, sessions.open(role), secure) });
    }
    const viaBearer = bearer(req);
    let role: HqRole | null;
    if (viaBearer !== null) {
      role = roleOf(viaBearer);
      if (!role) throttle.failed(address);
    } else role = sessions.get(cookie(req, SESSION_COOKIE))?.role ?? null;
    if (!role) {
      if (path.startsWith('/api/')) return fail(res, 401, 'HQ’s admin token is required.');
      return html401('Open the link HQ printed at start (it carries the token).');
    }
    // SameSite=Strict keeps the cookie off other sites' requests, but a sibling host of the studio's
    // domain (or another port of HQ's address) is the same site: a change the cookie carries must
    // come from HQ's own pages. A bearer token is never sent by a form, so it is not asked.
    if (isChange(req) && viaBearer === null && !fromOwnPage(req)) {
      return fail(res, 403, 'A change signed in by HQ’s cookie must come from HQ’s own pages (the request came from another origin).');
    }
    if (path === '/logout' && req.method === 'POST') {
      sessions.close(cookie(req, SESSION_COOKIE));
      return send(res, 200, 'text/html; charset=utf-8', page('Signed out', '', '<p>Signed out. Open HQ’s link again to sign in.</p>'), { 'set-cookie': cookieHeader(SESSION_COOKIE, '', secure, 0) });
    }
    // Least privilege: a viewer reads; every change, on every route, is the admin's.
    if (role === 'viewer' && isChange(req)) {
      if (path.startsWith('/api/')) return fail(res, 403, 'HQ’s viewer sign-in reads only; this change needs the admin.');
      return send(res, 403, 'text/html; charset=utf-8', signedInAs(page('Read only', '', '<p>HQ’s viewer sign-in reads only; this change needs the admin.</p>', null, true), role));
    }
    /** Who made a change, for HQ's audit: the name the person gave on the board, and how they signed in. */
    const actor = () => `${parseActor(cookie(req, 'hq_name')) ?? 'admin'} (${viaBearer !== null ? 'admin token' : 'admin session'})`;

    if (path === '/api/stations' && req.method === 'POST') {
      let body: { id?: unknown; label?: unknown } | null;
      const text = (await readBody(req, 64 * 1024)).toString('utf8');
      try {
        body = JSON.parse(text || '{}') as { id?: unknown; label?: unknown } | null;
      } catch {
        return fail(res, 400, 'The body is not valid JSON.');
      }
      if (typeof body?.id !== 'string') return fail(res, 400, 'Give the station an id.');
      try {
        const token = await issueStationToken(o.db, body.id, typeof body.label === 'string' ? body.label : '');
        ingest.forgetTokens();
        await recordHqAudit(o.db, { actor: actor(), action: 'station.token', target: `station ${body.id}`, after: { issued: true } });
        return json(res, 200, { id: body.id, token });
      } catch (error) {
        if (error instanceof StationInputError) return fail(res, 400, error.message);
        throw error;
      }
    }
    const revoke = /^\/api\/stations\/([^/]+)\/revoke$/.exec(path);
    if (revoke && req.method === 'POST') {
      let id: string;
      try {
        id = decodeURIComponent(revoke[1]!);
      } catch {
        return fail(res, 404, 'No such station.');
      }
      const ok = await revokeStation(o.db, id);
      ingest.forgetTokens();
      if (ok) await recordHqAudit(o.db, { actor: actor(), action: 'station.revoke', target: `station ${id}`, after: { revoked: true } });
      return ok ? json(res, 200, { ok: true }) : fail(res, 404, 'No such station.');
    }
    if (path === '/api/stations' && req.method === 'GET') return json(res, 200, { stations: await listStations(o.db) });
    // HQ's own ingest figures and CPU time, for the bench and for whoever runs HQ.
    if (path === '/api/metrics' && req.method === 'GET') {
      const cpu = process.cpuUsage();
      return json(res, 200, { ingest: ingest.stats.summary(), refusedBusy: fair.refused(), cpuMs: Math.round((cpu.user + cpu.system) / 1000), engine: o.db.engine });
    }
    if (path === '/api/metrics/reset' && req.method === 'POST') {
      ingest.stats.reset();
      await recordHqAudit(o.db, { actor: actor(), action: 'metrics.reset', target: 'ingest metrics', after: { reset: true } });
      return json(res, 200, { ok: true });
    }
    // The board's two forms: who is editing (a cookie), and one item's owner and due date (audited).
    if (path === '/postmortem/me' && req.method === 'POST') {
      const name = parseActor(new URLSearchParams((await readBody(req, 4 * 1024)).toString('utf8')).get('name'));
      if (!name) return send(res, 303, 'text/plain', '', { location: '/postmortem?problem=name' });
      return send(res, 303, 'text/plain', '', { location: '/postmortem', 'set-cookie': cookieHeader('hq_name', name, secure) });
    }
    if (path === '/postmortem/item' && req.method === 'POST') {
      const actor = parseActor(cookie(req, 'hq_name'));
      if (!actor) return send(res, 303, 'text/plain', '', { location: '/postmortem?problem=name' });
      try {
        await decideItem(o.db, actor, parseItemEdit(new URLSearchParams((await readBody(req, 16 * 1024)).toString('utf8'))));
      } catch (error) {
        if (error instanceof BoardInputError) return send(res, 303, 'text/plain', '', { location: `/postmortem?problem=${error.code}` });
        throw error;
      }
      return send(res, 303, 'text/plain', '', { location: '/postmortem' });
    }
    if (req.method !== 'GET') return fail(res, 405, 'Not allowed.');

    const html = (body: string) => send(res, 200, 'text/html; charset=utf-8', signedInAs(body, role));
    const by = (ATTRIBUTION_DIMENSIONS as readonly string[]).includes(url.searchParams.get('by') ?? '') ? (url.searchParams.get('by') as AttributionDimension) : 'show';
    switch (path) {
      case '/':
        return send(res, 303, 'text/plain', '', { location: '/calendar' });
      case '/calendar':
        return html(calendarPage(await loadShows(o.db)));
      case '/attribution': {
        const [cells, shows] = await Promise.all([loadCommerce(o.db), loadShows(o.db)]);
        return html(attributionPage(cells, shows, by));
      }
      case '/attribution.csv': {
        const [cells, shows] = await Promise.all([loadCommerce(o.db), loadShows(o.db)]);
        return send(res, 200, 'text/csv; charset=utf-8', attributionCsv(cells, shows, by), { 'content-disposition': `attachment; filename="baton-attribution-by-${by}.csv"` });
      }
      case '/postmortem': {
        const [incidents, shows, decisions, audit] = await Promise.all([loadIncidents(o.db), loadShows(o.db), loadDecisions(o.db), recentHqAudit(o.db)]);
        const p = url.searchParams.get('problem');
        const problem = p !== null && p in BOARD_PROBLEMS ? BOARD_PROBLEMS[p as keyof typeof BOARD_PROBLEMS] : null;
        return html(postmortemPage(incidents, shows, { decisions, audit, actor: parseActor(cookie(req, 'hq_name')), problem, readOnly: role === 'viewer' }));
      }
      case '/experiments':
        return html(experimentsPage(await loadShows(o.db)));
      case '/stations':
        return html(stationsPage(await listStations(o.db), await countUnknownRefusals(o.db)));
      default:
        return send(res, 404, 'text/html; charset=utf-8', signedInAs(page('Not found', '', `<p>No page ${esc(path)}.</p>`, null, true), role));
    }
  };

  const server = createServer(HQ_TIMEOUTS, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof BodyError) {
        // The body was not read to its end: answer, then close the connection (never drain it).
        if (!res.headersSent) {
          res.setHeader('connection', 'close');
          fail(res, error.status, error.message);
        }
        req.resume();
        if (res.writableFinished) req.socket.destroy();
        else res.on('finish', () => req.socket.destroy());
        return;
      }
      reportError(`${req.method ?? '?'} ${(req.url ?? '').split('?')[0]}`, error);
      if (!res.headersSent) fail(res, 503, 'HQ could not answer right now; retry later.');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://${o.host === '0.0.0.0' ? '127.0.0.1' : o.host}:${port}`,
    ingest,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
