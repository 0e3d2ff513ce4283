// What the OBS panel shows, derived from the `obs` slice alone (pure, unit-tested): the link line,
// whether controls may be used, scene keys, stream and ingest buttons, figures and sparkline data.
import type { HealthLevel, HealthPoint, ObsState, StreamPhase } from '../../../../shared/contract/index';
import { formatAge, formatClock } from '../../ui/format';

export type Level = 'green' | 'amber' | 'red' | 'unknown';

/** OBS controls work only on a resynced link, seen through a live link to the station. */
export function controlsEnabled(obs: ObsState, stationLinked: boolean): boolean {
  return stationLinked && obs.link === 'connected' && obs.synced;
}

export interface LinkLine {
  level: Level;
  /** The headline: "OBS link lost — 12 s" while there is no usable link. */
  text: string;
  /** Why, in the station's words, and what it is doing about it. */
  detail: string | null;
}

/** `lostSince` from linkLostSince, so the panel's "lost N s" is the number the OBS banner above it says. */
export function linkLine(obs: ObsState, now: number, lostSince: number | null = obs.lostAt): LinkLine {
  if (obs.link === 'connected' && obs.synced) {
    return { level: 'green', text: `OBS linked${obs.url ? ` · ${obs.url}` : ''}`, detail: obs.obsVersion };
  }
  const lost = lostSince === null ? 'OBS link lost' : `OBS link lost — ${formatAge(now - lostSince)}`;
  if (obs.link === 'connected') return { level: 'amber', text: `${lost} · resyncing`, detail: 'Reading scenes and stream state from OBS; controls come back once it is done.' };
  if (obs.link === 'connecting') {
    const attempt = obs.reconnectAttempt > 1 ? ` (try ${obs.reconnectAttempt})` : '';
    return { level: 'red', text: `${lost} · reconnecting${attempt}`, detail: obs.linkError };
  }
  if (obs.url === null) return { level: 'red', text: lost, detail: 'Not connected: enter OBS’s WebSocket address in Setup (Tools → WebSocket Server Settings in OBS).' };
  return { level: 'red', text: lost, detail: obs.linkError ?? 'Disconnected. Connect to resume.' };
}

export type SceneRole = 'program' | 'preview' | 'none';

export function sceneRole(obs: ObsState, scene: string): SceneRole {
  if (!obs.synced) return 'none';
  if (obs.programScene === scene) return 'program';
  if (obs.studioMode && obs.previewScene === scene) return 'preview';
  return 'none';
}

/** Keys 1–9 for the first nine scenes, top of OBS's list first. */
export function sceneHotkey(index: number): string | null {
  return index < 9 ? String(index + 1) : null;
}

export function phaseLabel(phase: StreamPhase, retry: number): string {
  switch (phase) {
    case 'live':
      return 'ON AIR';
    case 'starting':
      return 'STARTING…';
    case 'reconnecting':
      return retry > 0 ? `RECONNECTING (try ${retry})` : 'RECONNECTING';
    case 'stopping':
      return 'STOPPING…';
    case 'failed_start':
      return 'FAILED TO START';
    case 'idle':
      return 'OFF AIR';
    case 'unknown':
      return 'UNKNOWN';
  }
}

export function phaseLevel(phase: StreamPhase): Level {
  if (phase === 'live') return 'green';
  if (phase === 'starting' || phase === 'stopping') return 'amber';
  if (phase === 'reconnecting' || phase === 'failed_start') return 'red';
  return 'unknown';
}

export type StreamAction = { kind: 'start' | 'stop'; label: string; confirm: string; enabled: boolean };

export function streamAction(obs: ObsState, enabled: boolean): StreamAction {
  const p = obs.stream.phase;
  const onAir = p === 'live' || p === 'reconnecting' || p === 'starting';
  const busy = p === 'starting' || p === 'stopping' || p === 'unknown' || obs.ingest.switching;
  return onAir
    ? { kind: 'stop', label: 'Stop stream', confirm: 'Confirm: STOP the stream', enabled: enabled && !busy }
    : { kind: 'start', label: 'Start stream', confirm: 'Confirm: go LIVE', enabled: enabled && !busy };
}

export type IngestAction = { to: 'primary' | 'backup'; label: string; confirm: string; enabled: boolean } | null;

export function ingestAction(obs: ObsState, enabled: boolean): IngestAction {
  if (!obs.ingest.hasBackup) return null;
  const to = obs.ingest.active === 'backup' ? 'primary' : 'backup';
  const p = obs.stream.phase;
  const settled = p !== 'starting' && p !== 'stopping' && p !== 'unknown';
  const label = obs.ingest.switching ? 'Switching ingest…' : to === 'backup' ? 'Switch to backup ingest' : 'Back to primary ingest';
  const confirm = p === 'live' || p === 'reconnecting' ? `Confirm: restart the stream on the ${to}` : `Confirm: use the ${to} ingest`;
  return { to, label, confirm, enabled: enabled && settled && !obs.ingest.switching };
}

export interface Figure {
  label: string;
  value: string;
  level: Level;
}

const dash = '—';

export function figures(obs: ObsState, now: number): Figure[] {
  const s = obs.synced ? obs.health.sample : null;
  const stream = obs.stream;
  const uptime = stream.startedAt !== null && (stream.phase === 'live' || stream.phase === 'reconnecting') ? formatClock(now - stream.startedAt) : dash;
  const baseline = obs.health.baselineKbps;
  const bitrateLevel: Level = !s || s.bitrateKbps === null || baseline === null ? 'unknown' : s.bitrateKbps < baseline * 0.7 ? 'amber' : 'green';
  return [
    { label: 'Bitrate', value: s?.bitrateKbps != null ? `${Math.round(s.bitrateKbps)} kbps` : dash, level: s?.reconnecting ? 'red' : bitrateLevel },
    { label: 'Baseline', value: baseline !== null ? `${Math.round(baseline)} kbps` : s?.streaming ? 'learning…' : dash, level: 'unknown' },
    { label: 'Dropped', value: s?.droppedFramesPct != null ? `${s.droppedFramesPct.toFixed(1)} %` : dash, level: pctLevel(s?.droppedFramesPct ?? null) },
    { label: 'Dropped total', value: s && s.streaming ? `${s.outputSkippedFrames} / ${s.outputTotalFrames}` : dash, level: 'unknown' },
    { label: 'Render skipped', value: s ? String(s.renderSkippedFrames) : dash, level: 'unknown' },
    { label: 'Encoder skipped', value: s ? String(s.encoderSkippedFrames) : dash, level: 'unknown' },
    { label: 'FPS', value: s ? `${s.activeFps.toFixed(1)}${obs.health.expectedFps ? ` / ${obs.health.expectedFps}` : ''}` : dash, level: s && obs.health.expectedFps && s.activeFps < obs.health.expectedFps * 0.9 ? 'amber' : 'unknown' },
    { label: 'OBS CPU', value: s ? `${Math.round(s.cpuPct)} %` : dash, level: s && s.cpuPct >= 80 ? 'amber' : 'unknown' },
    { label: 'OBS memory', value: s ? `${Math.round(s.memoryMb)} MB` : dash, level: 'unknown' },
    { label: 'Congestion', value: s?.congestion != null ? `${Math.round(s.congestion * 100)} %` : dash, level: s?.congestion != null && s.congestion >= 0.5 ? 'amber' : 'unknown' },
    { label: 'Uptime', value: uptime, level: 'unknown' },
    { label: 'Reconnects', value: obs.synced && stream.phase !== 'idle' ? String(stream.reconnects) : dash, level: stream.reconnects > 0 ? 'amber' : 'unknown' },
  ];
}

function pctLevel(pct: number | null): Level {
  if (pct === null) return 'unknown';
  return pct >= 5 ? 'red' : pct >= 1 ? 'amber' : 'green';
}

export const SPARK_WINDOW_S = 300;

export interface SparkPoint {
  /** Seconds before now (−300 … 0), so the axis never moves. */
  t: number;
  bitrate: number | null;
  dropped: number | null;
}

/** The last five minutes for the sparklines; a gap in sampling (link down) stays a gap. */
export function sparkSeries(history: readonly HealthPoint[], now: number): SparkPoint[] {
  const out: SparkPoint[] = [];
  let prevAt: number | null = null;
  for (const p of history) {
    const t = Math.round((p.at - now) / 100) / 10;
    if (t < -SPARK_WINDOW_S) continue;
    if (prevAt !== null && p.at - prevAt > 3_000) out.push({ t: Math.round((prevAt - now) / 100) / 10 + 1, bitrate: null, dropped: null });
    out.push({ t, bitrate: p.bitrateKbps, dropped: p.droppedFramesPct });
    prevAt = p.at;
  }
  return out;
}

export function healthLevelLabel(level: HealthLevel, synced: boolean): string {
  if (!synced) return 'NO LINK';
  return level === 'unknown' ? 'NO DATA' : level.toUpperCase();
}

/**
 * Since when a lost OBS link counts, for everything that says "lost N s" beside the emergency banner:
 * from the loss, or, when the link was already down as the show clock started, from the start (it
 * became an emergency then; the banner never counts from before the show). Null when nobody knows.
 */
export function linkLostSince(obs: Pick<ObsState, 'lostAt'>, showStartedAt: number | null): number | null {
  return emergencySince(obs.lostAt, showStartedAt);
}

/** A condition that began at `t` became an emergency when the show clock started, if it began before: the later of the two. */
export function emergencySince(t: number | null, showStartedAt: number | null): number | null {
  if (showStartedAt === null) return t;
  return t === null ? showStartedAt : Math.max(t, showStartedAt);
}

/** The compact badge for the header and the host view; `lostSince` from linkLostSince, so the badge
 * and the OBS banner under it say the same number. */
export function badge(obs: ObsState, now: number, lostSince: number | null): { level: Level; text: string } {
  if (!(obs.link === 'connected' && obs.synced)) {
    return { level: 'red', text: lostSince === null ? 'OBS LINK LOST' : `OBS LINK LOST ${formatAge(now - lostSince)}` };
  }
  const phase = obs.stream.phase;
  if (phase === 'live') return { level: obs.health.level === 'unknown' ? 'green' : obs.health.level, text: obs.health.level === 'green' || obs.health.level === 'unknown' ? 'ON AIR' : `ON AIR · ${obs.health.level.toUpperCase()}` };
  return { level: phaseLevel(phase) === 'unknown' ? 'unknown' : phaseLevel(phase), text: phaseLabel(phase, obs.stream.retry) };
}
