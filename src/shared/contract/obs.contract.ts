// OBS link: the connection, the scenes and the stream's health. While the link is not
// `connected`, `programScene` is null: the console never shows a last-known scene as current.
import { z } from 'zod';
import { ALL_ROLES, PRODUCER, command } from './command';

export type ObsLink = 'connected' | 'connecting' | 'disconnected';
export type HealthLevel = 'green' | 'amber' | 'red' | 'unknown';
export type StreamPhase = 'idle' | 'starting' | 'live' | 'reconnecting' | 'stopping' | 'failed_start';

export interface HealthSample {
  at: number;
  bitrateKbps: number | null;
  droppedFramesPct: number;
  outputSkippedFrames: number;
  renderSkippedFrames: number;
  encoderSkippedFrames: number;
  activeFps: number;
  cpuPct: number;
  memoryMb: number;
  congestion: number;
  reconnecting: boolean;
  uptimeMs: number;
}

export interface ObsState {
  link: ObsLink;
  url: string | null;
  /** Why the link is not up, in words: "wrong password", "OBS not running at ws://…". */
  linkError: string | null;
  /** When the link went down (ms), so views can count "OBS link lost — 12 s". */
  lostAt: number | null;
  reconnectAttempt: number;
  /** obs-websocket with authentication off listens on every interface: the producer is warned. */
  authDisabled: boolean;
  /** True once the post-(re)connect resync finished; controls are enabled only then. */
  synced: boolean;
  scenes: string[];
  programScene: string | null;
  previewScene: string | null;
  studioMode: boolean;
  stream: { phase: StreamPhase; since: number | null; reconnects: number; lastError: string | null };
  record: { active: boolean };
  health: { level: HealthLevel; reasons: string[]; sample: HealthSample | null; baselineKbps: number | null };
  /** The last five minutes, oldest first, for the sparklines. */
  history: HealthSample[];
  ingest: { active: 'primary' | 'backup'; switching: boolean };
}

export const obsCommands = {
  'obs.connect': command<{ link: ObsLink }>()({
    summary: 'Connect to obs-websocket (v5). The settings are remembered; the password is stored as a secret.',
    roles: PRODUCER,
    kind: 'write',
    args: z
      .object({
        url: z.string().regex(/^wss?:\/\/[^\s/]+(:\d+)?\/?$/, 'a WebSocket URL like ws://127.0.0.1:4455'),
        password: z.string().max(200).optional(),
      })
      .strict(),
    secretArgs: ['password'],
  }),
  'obs.disconnect': command<{ link: ObsLink }>()({
    summary: 'Close the OBS link and stop reconnecting.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({}).strict(),
  }),
  'obs.switchScene': command<{ programScene: string | null; previewScene: string | null }>()({
    summary: 'Cut to a scene (in studio mode: set the preview; `obs.take` performs the transition).',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ scene: z.string().min(1).max(256) }).strict(),
  }),
  'obs.take': command<{ programScene: string | null }>()({
    summary: 'Studio mode: transition the preview scene to program.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({}).strict(),
  }),
  'obs.startStream': command<{ phase: StreamPhase }>()({
    summary: 'Start streaming; answers once OBS reports the stream started (or failed to).',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({}).strict(),
  }),
  'obs.stopStream': command<{ phase: StreamPhase }>()({
    summary: 'Stop streaming.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({}).strict(),
  }),
  'obs.switchIngest': command<{ active: 'primary' | 'backup' }>()({
    summary: 'Move the stream to the primary or backup ingest: stop, swap the service, settle, start, confirm.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ to: z.enum(['primary', 'backup']) }).strict(),
  }),
  'obs.history': command<{ samples: HealthSample[] }>()({
    summary: 'Stored health samples between two times (ms), for the post-show timeline.',
    roles: ALL_ROLES,
    kind: 'read',
    args: z
      .object({ from: z.number().int().nonnegative(), to: z.number().int().nonnegative().optional() })
      .strict(),
  }),
};
