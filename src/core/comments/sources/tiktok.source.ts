// TikTok LIVE through tiktok-live-connector, loaded at run time (see the README's licence note: the
// package is AGPL-3.0 from 2.4.2, so Baton does not bundle it). It needs a third-party signing
// service with tight rate limits and breaks when TikTok changes, so: backoff that never drops
// under a minute after a rate limit, and a health line that says which of these it is.
import { isScopedSecret, sourceSecretPrefix } from '../../../shared/show/secret-scope';
import type { CommentSourceConfig } from '../../../shared/show/show.schema';
import type { SourceComment } from '../comment.model';
import { createReconnectLoop } from './reconnect.loop';
import { createHealthTracker, type CommentSource, type SourceDeps } from './source.types';

type TikTokConfig = Extract<CommentSourceConfig, { kind: 'tiktok' }>;

/** The part of the connector's connection object Baton uses (v1 WebcastPushConnection and v2 TikTokLiveConnection alike). */
export interface TikTokConnection {
  connect(): Promise<unknown>;
  disconnect(): unknown;
  on(event: string, listener: (data: unknown) => void): unknown;
  removeAllListeners(event?: string): unknown;
}
export type TikTokConnectionFactory = (uniqueId: string, options: Record<string, unknown>) => TikTokConnection;
/** Resolves the connector, or says in words why it cannot be used. */
export type TikTokConnectorLoader = () => Promise<{ ok: true; create: TikTokConnectionFactory } | { ok: false; reason: string }>;

const RATE_LIMIT_FLOOR_MS = 60_000;

/** The real loader: the package if the operator installed it, else a sentence saying how. */
export const loadTikTokConnector: TikTokConnectorLoader = async () => {
  const name = 'tiktok-live-connector';
  let mod: unknown;
  try {
    mod = await import(/* @vite-ignore */ name);
  } catch {
    return {
      ok: false,
      reason: 'tiktok-live-connector is not installed (AGPL-3.0; see README): run `npm install tiktok-live-connector` in the Baton folder',
    };
  }
  const m = mod as Record<string, unknown> & { default?: Record<string, unknown> };
  const Ctor = (m['TikTokLiveConnection'] ?? m['WebcastPushConnection'] ?? m.default?.['TikTokLiveConnection'] ?? m.default?.['WebcastPushConnection']) as
    | (new (id: string, options: Record<string, unknown>) => TikTokConnection)
    | undefined;
  if (typeof Ctor !== 'function') return { ok: false, reason: 'this tiktok-live-connector version exports no connection class Baton knows' };
  return { ok: true, create: (id, options) => new Ctor(id, options) };
};

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : typeof v === 'number' ? String(v) : null);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** Maps a `chat` or `questionNew` event to a comment (v1 puts fields at the top, v2 under user/common). */
export function tiktokComment(kind: 'chat' | 'question', data: unknown, roomId: string, now: number, seq: number): SourceComment | null {
  const d = obj(data);
  const user = obj(d['user']);
  const common = obj(d['common']);
  const details = obj(d['details']);
  const text = str(d['comment']) ?? str(d['content']) ?? str(d['questionText']) ?? str(details['text']);
  if (!text) return null;
  const author = str(user['uniqueId']) ?? str(d['uniqueId']) ?? str(user['nickname']) ?? str(d['nickname']) ?? 'unknown';
  const id = str(d['msgId']) ?? str(common['msgId']) ?? str(d['questionId']) ?? str(details['questionId']);
  const rawTime = Number(d['createTime'] ?? common['createTime']);
  const at = Number.isFinite(rawTime) && rawTime > 0 ? (rawTime < 1e12 ? rawTime * 1000 : rawTime) : null;
  return {
    platform: 'tiktok',
    messageId: `${kind === 'question' ? 'q-' : ''}${id ?? `${author}-${at ?? now}-${seq}`}`,
    author,
    text,
    at,
    room: roomId,
    lang: str(d['contentLanguage']),
    raw: { kind, msgId: id, userId: str(user['userId']) ?? str(d['userId']), uniqueId: author },
  };
}

/** The pinned product's title in an `oecLiveShopping` event, wherever this version puts it. */
export function pinnedTitle(data: unknown): string | null {
  const d = obj(data);
  for (const holder of [obj(d['shopData']), obj(d['popProduct']), obj(d['productInfo']), d]) {
    const t = str(holder['title']) ?? str(holder['productName']) ?? str(holder['name']);
    if (t) return t;
  }
  return null;
}

export function createTikTokSource(deps: SourceDeps<TikTokConfig> & { load: TikTokConnectorLoader }): CommentSource {
  const { config, sink, clock, log, secrets } = deps;
  const uniqueId = config.uniqueId.replace(/^@/, '');
  const health = createHealthTracker({ id: config.id, kind: 'tiktok', label: `TikTok @${uniqueId}`, rehearsal: false }, sink);
  let conn: TikTokConnection | null = null;
  let seq = 0;
  let joins = 0;
  let roomId = uniqueId;

  const release = () => {
    const c = conn;
    conn = null;
    if (!c) return;
    c.removeAllListeners();
    try {
      c.disconnect();
    } catch {
      // already closed
    }
  };

  const open = async () => {
    if (!loop.wanted) return;
    health.set(loop.attemptStatus(), `connecting to @${uniqueId} through the signing service`);
    const loaded = await deps.load();
    if (!loop.wanted) return;
    if (!loaded.ok) {
      // Installing the package is a person's step: no point retrying on a timer.
      health.set('error', loaded.reason);
      return;
    }
    // Only the source's own secret: a show file cannot hand a station secret to the sign server.
    const named = config.signApiKeySecret;
    const apiKey = named && isScopedSecret(named, sourceSecretPrefix(config.id)) ? secrets.get(named) : null;
    const c = loaded.create(uniqueId, { processInitialData: false, enableExtendedGiftInfo: false, ...(apiKey ? { signApiKey: apiKey } : {}) });
    conn = c;
    const deliver = (kind: 'chat' | 'question') => (data: unknown) => {
      seq += 1;
      const comment = tiktokComment(kind, data, roomId, clock.now(), seq);
      if (!comment) return;
      sink.comments([comment]);
      health.received(1, clock.now());
    };
    c.on('chat', deliver('chat'));
    c.on('questionNew', deliver('question'));
    c.on('member', () => {
      joins += 1;
      if (conn === c && health.get().status === 'connected') health.set('connected', `room ${roomId}, ${joins} joined`);
    });
    c.on('roomUser', (data) => {
      const n = Number(obj(data)['viewerCount']);
      if (Number.isFinite(n) && n >= 0) sink.viewers(n);
    });
    c.on('oecLiveShopping', (data) => {
      const title = pinnedTitle(data);
      if (title) sink.pinnedProduct(title);
    });
    c.on('streamEnd', () => {
      if (conn !== c) return;
      release();
      loop.schedule('the LIVE ended');
    });
    c.on('disconnected', () => {
      if (conn !== c) return;
      release();
      loop.schedule('disconnected from TikTok');
    });
    c.on('error', (error) => {
      log.warn('tiktok source error', { source: config.id, error: describe(error) });
    });
    try {
      const state = obj(await c.connect());
      if (conn !== c) return;
      roomId = str(state['roomId']) ?? uniqueId;
      loop.backoff.reset();
      health.set('connected', `room ${roomId}${joins ? `, ${joins} joined` : ''}`);
    } catch (error) {
      if (conn !== c) return;
      release();
      const why = describe(error);
      if (/rate.?limit|429|too many/i.test(why)) loop.schedule(`the signing service is rate-limiting us: ${why}`, { status: 'rate_limited', floorMs: RATE_LIMIT_FLOOR_MS });
      else if (/offline|not live|isn'?t online|ended|user_not_found|not found/i.test(why)) loop.schedule(`@${uniqueId} is not live: ${why}`);
      else if (/sign|euler|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|fetch failed|network/i.test(why))
        loop.schedule(`the signing service cannot be reached: ${why}`, { status: 'error' });
      else loop.schedule(why, { status: 'error' });
    }
  };

  const loop = createReconnectLoop({ backoff: deps.backoff, health, open });

  return {
    id: config.id,
    kind: 'tiktok',
    start: () => loop.start(),
    async stop() {
      loop.stop();
      release();
      health.set('stopped', null);
    },
    health: () => health.get(),
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message.slice(0, 300);
  if (typeof error === 'string') return error.slice(0, 300);
  try {
    return JSON.stringify(error).slice(0, 300);
  } catch {
    return 'unknown error';
  }
}
