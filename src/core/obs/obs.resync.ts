// The full resync after every (re)connect: scenes, program/preview, studio mode, stream, record,
// frame rate and stream server, read in one burst of pipelined requests. If OBS reports a change
// while the answers are in flight, the burst is repeated, so the result is never half old.
import type { ObsSession } from './obs.client';
import { MAX_SCENES, obsCount, obsFlag, obsLabel, sceneName } from './obs.text';

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
export function sceneNames(scenes: unknown): string[] {
  if (!Array.isArray(scenes)) return [];
  return (scenes as unknown[])
    .filter((s): s is Record<string, unknown> => typeof s === 'object' && s !== null)
    .map((s) => ({ index: Number(s['sceneIndex'] ?? 0), name: sceneName(s['sceneName']) }))
    .filter((s): s is { index: number; name: string } => s.name !== null)
    .sort((a, b) => (Number.isFinite(b.index) ? b.index : 0) - (Number.isFinite(a.index) ? a.index : 0))
    .slice(0, MAX_SCENES)
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
    version: `OBS ${obsLabel(version.obsVersion)}, obs-websocket ${obsLabel(version.obsWebSocketVersion)}`,
    scenes,
    programScene: sceneName(list.currentProgramSceneName),
    previewScene: sceneName(list.currentPreviewSceneName),
    studioMode: obsFlag(studio.studioModeEnabled),
    stream: {
      active: obsFlag(stream.outputActive),
      reconnecting: obsFlag(stream.outputReconnecting),
      durationMs: obsCount(stream.outputDuration),
      bytes: obsCount(stream.outputBytes),
    },
    recordActive: obsFlag(record.outputActive),
    expectedFps: fps !== null && Number.isFinite(fps) ? Math.round(fps * 100) / 100 : null,
    service: { type: obsLabel(service.streamServiceType), server: typeof server === 'string' ? String(server).slice(0, 2048) : null },
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
