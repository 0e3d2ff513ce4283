// What the producer reads about the station's link to HQ, from the snapshot's `hq` (pure,
// unit-tested): "HQ: synced", "HQ: 312 behind", "HQ: offline since 18:02", and the Setup form's
// parsing of what the producer typed before it becomes an `hq.configure` call.
import type { HqSyncState } from '../../../../shared/contract/index';
import type { Level } from '../../ui/StatusDot';

export interface HqLine {
  level: Level;
  text: string;
  /** The reason HQ is away or refusing, for a tooltip; never a token. */
  detail: string | null;
}

/** Null when the station does not report to HQ: the status bar shows nothing then. */
export function hqLine(hq: HqSyncState | null | undefined, timeOfDay: (ms: number) => string): HqLine | null {
  if (!hq?.configured) return null;
  const line = syncLine(hq, timeOfDay);
  const n = hq.flagged?.count ?? 0;
  if (n === 0) return line;
  // HQ holds them but leaves them out of its figures: worth a look, not an emergency.
  return { level: line.level === 'red' ? 'red' : 'amber', text: `${line.text} · ${n.toLocaleString('en')} ${n === 1 ? 'fact' : 'facts'} not read by HQ`, detail: line.detail ?? hq.flagged?.lastReason ?? null };
}

function syncLine(hq: HqSyncState, timeOfDay: (ms: number) => string): HqLine {
  switch (hq.state) {
    case 'synced':
      return { level: 'green', text: 'HQ: synced', detail: null };
    case 'behind':
      return { level: hq.behind > 5_000 ? 'amber' : 'green', text: `HQ: ${hq.behind.toLocaleString('en')} behind`, detail: null };
    default:
      return {
        level: 'amber',
        text: `HQ: offline${hq.since === null ? '' : ` since ${timeOfDay(hq.since).slice(0, 5)}`}${hq.behind > 0 ? ` · ${hq.behind.toLocaleString('en')} waiting` : ''}`,
        detail: hq.lastError,
      };
  }
}

export interface HqForm {
  url: string;
  stationId: string;
  token: string;
}

export type HqConfigureArgs = { url: string; stationId: string; token?: string };

const STATION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The form as `hq.configure` arguments, or what is wrong with it (the station checks again). */
export function hqConfigureArgs(f: HqForm): { ok: true; args: HqConfigureArgs } | { ok: false; message: string } {
  const url = f.url.trim();
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, message: 'HQ’s address is a URL such as https://hq.studio.lan:4900.' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, message: 'HQ’s address starts with https:// (http:// only to this machine).' };
  const stationId = f.stationId.trim();
  if (!STATION_ID.test(stationId)) return { ok: false, message: 'The station id is letters, digits, dot, dash or underscore (up to 64).' };
  const token = f.token.trim();
  return { ok: true, args: token ? { url, stationId, token } : { url, stationId } };
}
