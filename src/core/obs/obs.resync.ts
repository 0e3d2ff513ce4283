// The full resync after every (re)connect: scenes, program/preview, studio mode, stream, record,
// frame rate and stream server, read in one burst of pipelined requests. If OBS reports a change
// while the answers are in flight, the burst is repeated, so the result is never half old.
import type { ObsSession } from './obs.client';

export interface ObsSnapshot {
  version: string;
  /** Top of OBS's scene list first (obs-websocket lists them bottom-up). */
  scenes: string[];
  programScene: string | null;
  previewScene: string | null;
  studioMode: boolean;
  stream: { active: boolean; reconnecting: boolean; durationMs: number; bytes: number };
  recordActive: boolean;
  expectedFps: number | null;
  service: { type: string; server: string | null };
}

const MAX_ROUNDS = 5;

/** obs-websocket lists scenes bottom-up (`sceneIndex` 0 is the last in OBS's dock); we show top-down. */
export function sceneNames(scenes: readonly Record<string, unknown>[]): string[] {
  return scenes
    .map((s) => ({ index: Number(s['sceneIndex'] ?? 0), name: typeof s['sceneName'] === 'string' ? s['sceneName'] : '' }))
    .filter((s) => s.name !== '')
    .sort((a, b) => b.index - a.index)
    .map((s) => s.name);
}

export async function readObsSnapshot(session: ObsSession): Promise<ObsSnapshot> {
  const [version, list, studio, stream, record, video, service] = await Promise.all([
    session.call('GetVersion'),
    session.call('GetSceneList'),
    session.call('GetStudioModeEnabled'),
    session.call('GetStreamStatus'),
    session.call('GetRecordStatus'),
    session.call('GetVideoSettings'),
    session.call('GetStreamServiceSettings'),
  ]);
  const scenes = sceneNames(list.scenes);
  const server = service.streamServiceSettings['server'];
  const fps = video.fpsDenominator > 0 ? video.fpsNumerator / video.fpsDenominator : null;
  return {
    version: `OBS ${version.obsVersion}, obs-websocket ${version.obsWebSocketVersion}`,
    scenes,
    programScene: list.currentProgramSceneName ?? null,
    previewScene: list.currentPreviewSceneName ?? null,
    studioMode: studio.studioModeEnabled,
    stream: {
      active: stream.outputActive,
      reconnecting: stream.outputReconnecting,
      durationMs: stream.outputDuration,
      bytes: stream.outputBytes,
    },
    recordActive: record.outputActive,
    expectedFps: fps !== null && Number.isFinite(fps) ? Math.round(fps * 100) / 100 : null,
    service: { type: service.streamServiceType, server: typeof server === 'string' ? server : null },
  };
}

/**
 * Reads until a round passes with no relevant event (`changes()` counts them). A link that never
 * settles is treated as a failed resync: better a retried link than a half-old picture.
 */
export async function resync(session: ObsSession, changes: () => number): Promise<ObsSnapshot> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const before = changes();
    const snap = await readObsSnapshot(session);
    if (changes() === before) return snap;
  }
  throw new Error(`OBS kept changing during ${MAX_ROUNDS} resync rounds`);
}
