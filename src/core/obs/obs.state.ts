// The `obs` slice of the snapshot and the pure transitions the module applies to it. Anything
// learned from OBS is wiped when the link goes down, so nothing stale can look current.
import { blankObsState, type HealthPoint, type HealthSample, type ObsState, type StreamPhase } from '../../shared/contract/index';
import type { ObsSnapshot } from './obs.resync';

/** Five minutes at 1 Hz. */
export const HISTORY_POINTS = 300;

/** The link has been down since the station started. */
export function initialObsState(now: number): ObsState {
  return blankObsState(now);
}

/** Not (or no longer) usable: keep the history (it is the past), drop everything "current". */
export function offline(
  s: ObsState,
  change: { link: 'connecting' | 'disconnected' | 'connected'; error: string | null; attempt: number; now: number },
): ObsState {
  return {
    ...s,
    link: change.link,
    linkError: change.error,
    lostAt: s.lostAt ?? change.now,
    reconnectAttempt: change.attempt,
    synced: false,
    scenes: [],
    programScene: null,
    previewScene: null,
    studioMode: false,
    stream: { ...s.stream, phase: 'unknown', since: null, startedAt: null, retry: 0 },
    record: { active: null },
    health: { ...s.health, level: 'unknown', reasons: [], sample: null },
    ingest: { ...s.ingest, active: null, server: null, switching: false },
  };
}

/** The resync finished: everything comes from OBS's own answers. */
export function resynced(s: ObsState, snap: ObsSnapshot, ingest: { active: ObsState['ingest']['active'] }, now: number): ObsState {
  const phase: StreamPhase = snap.stream.reconnecting ? 'reconnecting' : snap.stream.active ? 'live' : 'idle';
  const keepStream = phase !== 'idle' && (s.stream.phase === 'unknown' || s.stream.phase === phase);
  return {
    ...s,
    link: 'connected',
    linkError: null,
    lostAt: null,
    reconnectAttempt: 0,
    synced: true,
    obsVersion: snap.version,
    scenes: snap.scenes,
    programScene: snap.programScene,
    previewScene: snap.studioMode ? snap.previewScene : null,
    studioMode: snap.studioMode,
    stream: {
      phase,
      since: now,
      // OBS reports how long the output has run; after our own reconnect that is the best we know.
      startedAt: phase === 'idle' ? null : now - snap.stream.durationMs,
      reconnects: keepStream ? s.stream.reconnects : 0,
      retry: phase === 'reconnecting' ? Math.max(1, s.stream.retry) : 0,
      lastError: null,
    },
    record: { active: snap.recordActive },
    health: { ...s.health, expectedFps: snap.expectedFps },
    ingest: { ...s.ingest, active: ingest.active, server: snap.service.server, switching: false },
  };
}

export function toPoint(sample: HealthSample): HealthPoint {
  return { at: sample.at, bitrateKbps: sample.bitrateKbps, droppedFramesPct: sample.droppedFramesPct, level: sample.level };
}

/** Appends a point and drops those older than five minutes. */
export function pushHistory(history: HealthPoint[], point: HealthPoint): HealthPoint[] {
  const cutoff = point.at - HISTORY_POINTS * 1_000;
  const kept = history.filter((p) => p.at > cutoff);
  kept.push(point);
  return kept.length > HISTORY_POINTS ? kept.slice(kept.length - HISTORY_POINTS) : kept;
}
