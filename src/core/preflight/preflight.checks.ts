// The go/no-go rules: each automatic check reads the live state of one subsystem (never a
// remembered "it was fine earlier"); manual items pass only when a named person ticked them.
import type { CheckStatus, PersonAccess, PreflightCheck, PreflightState, StationState } from '../../shared/contract/index';
import type { Show } from '../../shared/show/show.schema';
import { ROSTER_CHECK, rosterVerdict } from './roster.check';

export interface Tick {
  done: boolean;
  by: string;
  at: number;
}

type Verdict = { status: CheckStatus; detail: string };
type AutoCheck = (s: StationState, now: number) => Verdict;

const AUTO_CHECKS: Record<string, AutoCheck> = {
  'obs.connected': (s) => {
    const o = s.obs;
    if (o.link !== 'connected') return { status: 'fail', detail: o.linkError ?? `OBS link is ${o.link}` };
    if (!o.synced) return { status: 'pending', detail: 'OBS link up, resync in progress' };
    if (o.scenes.length === 0) return { status: 'fail', detail: 'OBS has no scenes' };
    if (o.authDisabled) return { status: 'warn', detail: `${o.scenes.length} scenes; obs-websocket authentication is OFF (it listens on every interface)` };
    return { status: 'pass', detail: `${o.scenes.length} scenes, program “${o.programScene ?? '?'}”` };
  },
  'obs.health': (s) => {
    const o = s.obs;
    if (o.link !== 'connected') return { status: 'fail', detail: 'no OBS link' };
    const phase = o.stream.phase;
    if (phase !== 'live') return { status: 'warn', detail: `not streaming (${phase}): start a test stream to measure health` };
    const level = o.health.level;
    const why = o.health.reasons.join('; ');
    if (level === 'green') return { status: 'pass', detail: `stream healthy${o.health.sample?.bitrateKbps ? `, ${Math.round(o.health.sample.bitrateKbps)} kbps` : ''}` };
    if (level === 'amber') return { status: 'warn', detail: why || 'stream health amber' };
    if (level === 'red') return { status: 'fail', detail: why || 'stream health red' };
    return { status: 'pending', detail: 'waiting for health samples' };
  },
  'script.loaded': (s) => {
    const l = s.cues.loaded;
    if (!l) return { status: 'fail', detail: 'no approved script is loaded in the cue deck' };
    return { status: 'pass', detail: `version ${l.shortHash} approved by ${l.approval.approver}` };
  },
  'offers.reachable': (s) => {
    const items = s.offers.items;
    if (items.length === 0) return { status: 'warn', detail: 'the show has no offers' };
    const bad = items.filter((o) => o.state === 'error' || o.lastError);
    if (bad.length) return { status: 'fail', detail: bad.map((o) => `${o.name}: ${o.lastError ?? o.state}`).join('; ') };
    const unchecked = items.filter((o) => o.confirmedAt === null);
    if (unchecked.length) return { status: 'pending', detail: `not read back yet: ${unchecked.map((o) => o.name).join(', ')} — run the checks` };
    const rehearsal = items.filter((o) => o.rehearsal);
    if (rehearsal.length) return { status: 'warn', detail: `REHEARSAL store for ${rehearsal.map((o) => o.name).join(', ')}` };
    return { status: 'pass', detail: `${items.length} offer(s) read back from the store` };
  },
  'comments.sources': (s) => {
    const src = s.comments.sources;
    if (src.length === 0) return { status: 'fail', detail: 'no comment source configured' };
    const down = src.filter((x) => x.status !== 'connected');
    if (down.length) return { status: 'fail', detail: down.map((x) => `${x.label}: ${x.status}${x.detail ? ` (${x.detail})` : ''}`).join('; ') };
    const rehearsal = src.filter((x) => x.rehearsal);
    if (rehearsal.length) return { status: 'warn', detail: `REHEARSAL source: ${rehearsal.map((x) => x.label).join(', ')}` };
    return { status: 'pass', detail: `${src.length} source(s) connected` };
  },
  // Green for the last 60 s by the stored samples (one a second), not by the latest reading.
  'stream.green60': (s, now) => greenFor(s, now, GREEN_MS),
  // Active probe: run by preflight.run (show.probe); stale after 10 minutes.
  'ingest.backup': (s, now) => {
    const p = s.showday.probes['ingest.backup'];
    if (!p) return { status: 'pending', detail: 'not probed yet: run the checks' };
    if (now - p.at > 10 * 60_000) return { status: 'pending', detail: `last probed ${Math.round((now - p.at) / 60_000)} min ago: run the checks again` };
    return { status: p.status, detail: p.detail };
  },
  // Active: a real order through each offer's store (show.probe); stale after 30 minutes.
  'store.testOrder': (s, now) => {
    const p = s.showday.probes['store.testOrder'];
    if (!p) return { status: 'pending', detail: 'no test order placed yet: run the checks' };
    if (now - p.at > 30 * 60_000) return { status: 'pending', detail: `last test order ${Math.round((now - p.at) / 60_000)} min ago: run the checks again` };
    return { status: p.status, detail: p.detail };
  },
  'script.unchanged': (s) => {
    const l = s.cues.loaded;
    if (!l) return { status: 'fail', detail: 'no approved script is loaded: nothing to compare with the approval' };
    if (l.hash !== l.approval.hash) {
      return { status: 'fail', detail: `loaded version ${l.shortHash} is not the approved one (approved ${l.approval.hash.slice(0, 12)})` };
    }
    // A later edit is not on air (the deck holds the approved version), but the producer should know.
    const newer = s.scripts.versions.filter((v) => v.number > l.number && v.hash !== l.hash);
    if (newer.length) {
      return { status: 'warn', detail: `the deck holds approved version ${l.number} (${l.shortHash}); version ${newer[0]!.number} was edited since and is ${newer[0]!.status}` };
    }
    return { status: 'pass', detail: `version ${l.number} (${l.shortHash}) = the hash ${l.approval.approver} approved` };
  },
  'views.host': (s) =>
    s.station.views.host > 0
      ? { status: 'pass', detail: `${s.station.views.host} host card(s) open` }
      : { status: 'fail', detail: 'no host cue card is open (View → Host cue card, or the host link)' },
};

const GREEN_MS = 60_000;
/** Samples further apart than this are a hole in the record: the stream was not watched then. */
const MAX_GAP_MS = 3_000;

function greenFor(s: StationState, now: number, span: number): Verdict {
  if (s.obs.link !== 'connected') return { status: 'fail', detail: 'no OBS link' };
  if (s.obs.stream.phase !== 'live') return { status: 'pending', detail: `not streaming (${s.obs.stream.phase}): start a test stream and keep it green for ${span / 1000} s` };
  const recent = s.obs.history.filter((p) => p.at >= now - span && p.at <= now);
  const red = recent.filter((p) => p.level === 'red');
  if (red.length) return { status: 'fail', detail: `red ${red.length} s in the last ${span / 1000} s` };
  // Count back from now: the green run ends at the first non-green sample or hole.
  let since = now;
  let prev = now;
  for (let i = recent.length - 1; i >= 0; i--) {
    const p = recent[i]!;
    if (p.level !== 'green' || prev - p.at > MAX_GAP_MS) break;
    since = p.at;
    prev = p.at;
  }
  const greenMs = recent.length && now - recent[recent.length - 1]!.at <= MAX_GAP_MS ? now - since : 0;
  if (greenMs >= span - MAX_GAP_MS) return { status: 'pass', detail: `green for the last ${span / 1000} s (${recent.length} samples)` };
  return { status: 'pending', detail: `green for ${Math.floor(greenMs / 1000)} s of ${span / 1000} s` };
}

export const KNOWN_CHECKS = [...Object.keys(AUTO_CHECKS), ROSTER_CHECK];

export function evaluatePreflight(
  show: Show | null,
  state: StationState,
  ticks: ReadonlyMap<string, Tick>,
  now: number,
  checkedAt: number | null,
  /** People's access as the People panel lists it: the "roles assigned" check reads it. */
  roster: readonly PersonAccess[] = [],
): PreflightState {
  if (!show) return { checks: [], verdict: 'pending' };
  const checks: PreflightCheck[] = show.checklist.map((item) => {
    if (item.kind === 'manual') {
      const t = ticks.get(item.id);
      return {
        id: item.id,
        label: item.label,
        kind: 'manual',
        status: t?.done ? 'pass' : 'pending',
        detail: t?.done ? `ticked by ${t.by}` : item.owner ? `waiting for ${item.owner}` : 'waiting for a tick',
        checkedAt: t?.at ?? null,
        checkedBy: t?.by ?? null,
      };
    }
    const rule = item.check === ROSTER_CHECK ? () => rosterVerdict(show, roster) : item.check ? AUTO_CHECKS[item.check] : undefined;
    const v: Verdict = rule
      ? rule(state, now)
      : { status: 'fail', detail: `unknown check “${item.check ?? '(none)'}” — known: ${KNOWN_CHECKS.join(', ')}` };
    return { id: item.id, label: item.label, kind: 'auto', status: v.status, detail: v.detail, checkedAt: checkedAt ?? now, checkedBy: 'station', ...(item.check ? { rule: item.check } : {}) };
  });
  const verdict: PreflightState['verdict'] = checks.some((c) => c.status === 'fail')
    ? 'no-go'
    : checks.some((c) => c.status === 'pending')
      ? 'pending'
      : 'go';
  return { checks, verdict };
}

/**
 * The checklist is re-evaluated on every watched patch; an automatic check whose verdict (status and
 * detail) did not change keeps the time it was first given, so an unchanged station evaluates to an
 * equal preflight and the state store publishes nothing. A run (`preflight.run`) restamps every check
 * with its time; a changed verdict carries the evaluation's time.
 */
export function restamp(prev: PreflightState | null, next: PreflightState, runAt: number | null): PreflightState {
  const before = new Map((prev?.checks ?? []).map((c) => [c.id, c]));
  const checks = next.checks.map((c) => {
    if (c.kind !== 'auto') return c;
    const old = before.get(c.id);
    const kept = old && old.kind === 'auto' && old.status === c.status && old.detail === c.detail ? old.checkedAt : null;
    const at = kept === null ? c.checkedAt : runAt === null ? kept : Math.max(kept, runAt);
    return at === c.checkedAt ? c : { ...c, checkedAt: at };
  });
  return { ...next, checks };
}
