// Social Stream Ninja's WebSocket relay: one feed of 100+ platforms as JSON objects
// ({ chatname, chatmessage, type, id, timestamp, … }). Its `chatmessage` may be HTML (emotes as
// <img>); it is turned into plain text here, and the views render text only anyway.
import WebSocket from 'ws';
import type { CommentSourceConfig } from '../../../shared/show/show.schema';
import type { SourceComment } from '../comment.model';
import { createReconnectLoop } from './reconnect.loop';
import { createHealthTracker, type CommentSource, type SourceDeps } from './source.types';
import { addressLabel } from '../../../shared/text/address-label';

type SsnConfig = Extract<CommentSourceConfig, { kind: 'ssn' }>;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** SSN's HTML message → text: emote images become their alt text, tags go, entities decode. */
export function ssnText(html: string): string {
  return html
    .replace(/<img\b[^>]*?\balt\s*=\s*("([^"]*)"|'([^']*)')[^>]*>/gi, (_m, _q, a: string | undefined, b: string | undefined) => a ?? b ?? '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e.startsWith('#x') || e.startsWith('#X')) return safeChar(parseInt(e.slice(2), 16)) ?? m;
      if (e.startsWith('#')) return safeChar(parseInt(e.slice(1), 10)) ?? m;
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .trim();
}

function safeChar(code: number): string | null {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

/** The chat objects in one frame: a message, an array of them, or one wrapped by the relay. */
export function ssnMessages(frame: unknown): Record<string, unknown>[] {
  if (Array.isArray(frame)) return frame.flatMap(ssnMessages);
  if (!frame || typeof frame !== 'object') return [];
  const o = frame as Record<string, unknown>;
  if (typeof o['chatmessage'] === 'string') return [o];
  for (const key of ['overlayNinja', 'value', 'data', 'contents']) if (o[key] && typeof o[key] === 'object') return ssnMessages(o[key]);
  return [];
}

export function ssnComment(o: Record<string, unknown>, now: number, seq: number): SourceComment | null {
  const text = ssnText(typeof o['chatmessage'] === 'string' ? o['chatmessage'] : '');
  if (!text) return null;
  const platform = typeof o['type'] === 'string' && /^[A-Za-z0-9._-]{1,32}$/.test(o['type']) ? o['type'].toLowerCase() : 'ssn';
  const author = ssnText(typeof o['chatname'] === 'string' ? o['chatname'] : '') || 'unknown';
  const ts = Number(o['timestamp']);
  const id = o['id'];
  return {
    platform,
    // SSN's id is per relay session; without it the name, time and text identify the message.
    messageId:
      typeof id === 'string' || typeof id === 'number'
        ? `ssn-${String(id)}`
        : `ssn-${author}-${Number.isFinite(ts) ? ts : now}-${seq}`,
    author,
    text,
    at: Number.isFinite(ts) && ts > 0 ? ts : null,
    room: null,
    lang: null,
    raw: o,
  };
}

export function createSsnSource(deps: SourceDeps<SsnConfig>): CommentSource {
  const { config, sink, clock, log } = deps;
  const health = createHealthTracker({ id: config.id, kind: 'ssn', label: `Social Stream Ninja ${redactUrl(config.url)}`, rehearsal: false }, sink);
  let ws: WebSocket | null = null;
  let seq = 0;

  const open = () => {
    if (!loop.wanted) return;
    health.set(loop.attemptStatus(), `connecting to ${redactUrl(config.url)}`);
    let socket: WebSocket;
    try {
      socket = new WebSocket(config.url, { handshakeTimeout: 10_000 });
    } catch (error) {
      health.set('error', `not a usable WebSocket URL: ${(error as Error).message}`);
      return;
    }
    ws = socket;
    socket.on('open', () => {
      loop.backoff.reset();
      health.set('connected', null);
    });
    socket.on('message', (data) => {
      let frame: unknown;
      try {
        frame = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data).toString('utf8'));
      } catch {
        return; // the relay also sends keep-alive text; not a comment
      }
      const batch: SourceComment[] = [];
      for (const m of ssnMessages(frame)) {
        seq += 1;
        const c = ssnComment(m, clock.now(), seq);
        if (c) batch.push(c);
      }
      if (batch.length) {
        sink.comments(batch);
        health.received(batch.length, clock.now());
      }
    });
    socket.on('error', (error: Error & { code?: string }) => {
      log.warn('ssn source error', { source: config.id, error: error.code ?? error.message });
    });
    socket.on('close', (code) => {
      if (ws !== socket) return;
      ws = null;
      loop.schedule(code === 1006 ? 'connection lost' : `closed (${code})`);
    });
  };
  const loop = createReconnectLoop({ backoff: deps.backoff, health, open });

  return {
    id: config.id,
    kind: 'ssn',
    start: () => loop.start(),
    async stop() {
      loop.stop();
      const s = ws;
      ws = null;
      if (s && s.readyState !== WebSocket.CLOSED) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(() => {
            s.terminate();
            resolve();
          }, 1_000);
          s.once('close', () => {
            clearTimeout(t);
            resolve();
          });
          s.close(1000, 'Baton stopping');
        });
      }
      health.set('stopped', null);
    },
    health: () => health.get(),
  };
}

/** SSN session ids (in the path) are the feed's only secret: show the host, not the path. */
const redactUrl = (url: string): string => addressLabel(url, '(bad URL)');
