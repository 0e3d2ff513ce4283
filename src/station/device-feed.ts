// The device feed's projection: the snapshot flattened into a small key → value map that a button
// panel (Bitfocus Companion, a Stream Deck plugin, a tally light) can read without knowing the contract.
// Pure: the socket (device-socket.ts) projects on every patch and once a second, and sends the diff.
import type { StationState } from '../shared/contract/index';

export type FeedValue = string | number | boolean | null;
export type FeedMap = Record<string, FeedValue>;

/** The wire format of /api/device: a full map first, then only what changed (removed keys as null). */
export type DeviceFrame =
  | { t: 'hello'; device: string; at: number; commands: readonly string[] }
  | { t: 'full'; at: number; values: FeedMap }
  | { t: 'diff'; at: number; values: FeedMap; removed: string[] }
  | { t: 'result'; id: string; ok: boolean; message: string | null };

/** Ids in keys are kept to what every panel accepts as a variable name. */
export function keyPart(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}

export function clockText(ms: number): string {
  const neg = ms < 0;
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return `${neg ? '-' : ''}${h > 0 ? `${h}:${mm}` : mm}:${ss}`;
}

/** One map for the whole station at `now`. Free text (cue lines) is trimmed to one short line. */
export function projectDeviceFeed(state: StationState, now: number): FeedMap {
  const out: FeedMap = {};
  const cues = state.cues;
  const obs = state.obs;
  out['show.title'] = state.show.current?.title ?? null;
  out['show.running'] = cues.showStartedAt !== null;
  out['show.clock'] = cues.showStartedAt !== null ? clockText(now - cues.showStartedAt) : '00:00';

  out['cue.current'] = line(cues.override?.text ?? cues.current?.text ?? null);
  out['cue.next'] = line(cues.next?.text ?? null);
  out['cue.armed'] = line(cues.armed?.text ?? null);
  out['cue.position'] = cues.total > 0 ? `${Math.min(cues.index + 1, cues.total)}/${cues.total}` : '0/0';
  out['segment.title'] = cues.current?.segmentTitle ?? null;
  const planned = cues.segmentPlannedSeconds;
  if (planned !== null && cues.segmentStartedAt !== null) {
    const leftMs = cues.segmentStartedAt + planned * 1000 - now;
    out['segment.left'] = clockText(leftMs);
    out['segment.leftSeconds'] = Math.ceil(leftMs / 1000);
    out['segment.over'] = leftMs < 0;
  } else {
    out['segment.left'] = null;
    out['segment.leftSeconds'] = null;
    out['segment.over'] = false;
  }

  out['obs.link'] = obs.link;
  out['obs.program'] = obs.programScene;
  out['obs.preview'] = obs.previewScene;
  out['obs.studioMode'] = obs.studioMode;
  out['stream.phase'] = obs.stream.phase;
  out['stream.health'] = obs.link === 'connected' ? obs.health.level : 'unknown';
  out['onair'] = obs.link === 'connected' && (obs.stream.phase === 'live' || obs.stream.phase === 'reconnecting');

  const overflowing = state.comments.queues.filter((q) => q.watched && q.overflow).map((q) => q.name);
  out['queue.overflow'] = overflowing.length > 0;
  out['queue.overflowing'] = overflowing.join(', ');
  out['queue.open'] = state.comments.queues.reduce((n, q) => n + (q.watched ? q.open : 0), 0);

  out['orders'] = state.kpis.orders;
  out['alerts.open'] = state.alerts.items.filter((a) => a.clearedAt === null && a.ackedAt === null).length;

  const offers = state.offers.items;
  out['offers'] = offers.map((o) => o.id).join(',');
  for (const o of offers) {
    const k = `offer.${keyPart(o.id)}`;
    out[`${k}.name`] = o.name;
    out[`${k}.state`] = o.state;
    out[`${k}.pending`] = o.pending;
    out[`${k}.orders`] = o.orders;
    out[`${k}.cap`] = o.cap ? o.cap.orders : null;
    out[`${k}.capReached`] = o.cap?.reached ?? false;
    const w = state.onair.windows.find((x) => x.offerId === o.id && x.phase !== 'ended') ?? null;
    out[`${k}.window`] = w ? w.phase : 'none';
    out[`${k}.windowLeft`] = w && w.phase !== 'ending' ? clockText(Math.max(0, w.endsAt - now)) : null;
  }
  // The first running window, for a panel with one countdown key.
  const running = state.onair.windows.find((w) => w.phase === 'open' || w.phase === 'opening') ?? null;
  const ending = state.onair.windows.find((w) => w.phase === 'ending') ?? null;
  out['window.offer'] = running?.offerId ?? ending?.offerId ?? null;
  out['window.phase'] = running?.phase ?? ending?.phase ?? 'none';
  out['window.left'] = running ? clockText(Math.max(0, running.endsAt - now)) : null;
  out['window.leftSeconds'] = running ? Math.max(0, Math.ceil((running.endsAt - now) / 1000)) : null;
  out['window.problem'] = ending?.problem ?? running?.problem ?? null;
  const tb = state.onair.talkback.current;
  out['talkback.text'] = tb ? line(tb.text) : null;
  out['talkback.read'] = tb ? tb.ackAt !== null : false;
  out['views.host'] = state.station.views.host;
  return out;
}

/** What changed from `before` to `after`: new or changed values, and keys that are gone. */
export function diffFeed(before: FeedMap, after: FeedMap): { values: FeedMap; removed: string[] } {
  const values: FeedMap = {};
  for (const [k, v] of Object.entries(after)) if (!(k in before) || before[k] !== v) values[k] = v;
  const removed = Object.keys(before).filter((k) => !(k in after));
  return { values, removed };
}

export function isEmptyDiff(d: { values: FeedMap; removed: string[] }): boolean {
  return d.removed.length === 0 && Object.keys(d.values).length === 0;
}

const LINE_MAX = 120;
function line(text: string | null): string | null {
  if (text === null) return null;
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > LINE_MAX ? `${one.slice(0, LINE_MAX - 1)}…` : one;
}
