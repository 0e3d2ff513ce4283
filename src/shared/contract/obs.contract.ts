// OBS link: the connection, the scenes and the stream's health. While the link is not `connected`
// and resynced, `programScene`, `previewScene` and `scenes` are empty and `synced` is false: the
// console never shows a last-known scene as current, and every OBS control stays disabled.
import { z } from 'zod';
import { PRODUCER, command } from './command';

export type ObsLink = 'connected' | 'connecting' | 'disconnected';
export type HealthLevel = 'green' | 'amber' | 'red' | 'unknown';
/** `unknown` while the link is down: OBS may still be live, but Baton cannot see it. */
export type StreamPhase = 'unknown' | 'idle' | 'starting' | 'live' | 'reconnecting' | 'stopping' | 'failed_start';
export type IngestName = 'primary' | 'backup';

/** One reading of OBS, taken once a second while the link is up. */
export interface HealthSample {
  at: number;
  /** The stream output is active (live or reconnecting). Stream figures are null when not. */
  streaming: boolean;
  /** From the byte counter's delta; null on the first reading and when OBS reset the counter. */
  bitrateKbps: number | null;
  /** Frames the network output dropped in this interval, in % of the frames it was given. */
  droppedFramesPct: number | null;
  /** Counters since the stream started, as OBS reports them. */
  outputSkippedFrames: number;
  outputTotalFrames: number;
  /** Frames skipped by OBS's render thread (GPU/compositing lag) since OBS started. */
  renderSkippedFrames: number;
  renderTotalFrames: number;
  /** Frames skipped by OBS's output thread (encoder overload) since OBS started. */
  encoderSkippedFrames: number;
  encoderTotalFrames: number;
  activeFps: number;
  cpuPct: number;
  memoryMb: number;
  /** 0..1 as OBS reports it; null when not streaming. */
  congestion: number | null;
  reconnecting: boolean;
  uptimeMs: number;
  /** The overall verdict after this sample. */
  level: HealthLevel;
}

/** What the sparklines need, kept small because the whole slice is patched every second. */
export interface HealthPoint {
  at: number;
  bitrateKbps: number | null;
  droppedFramesPct: number | null;
  level: HealthLevel;
}

export interface ObsState {
  link: ObsLink;
  url: string | null;
  /** Why the link is not up, in words: "wrong password", "OBS not running at ws://…". */
  linkError: string | null;
  /** When the link went down (ms), so views can count "OBS link lost — 12 s". Null while synced. */
  lostAt: number | null;
  reconnectAttempt: number;
  /** obs-websocket with authentication off listens on every interface: the producer is warned. */
  authDisabled: boolean;
  /** True once the post-(re)connect resync finished; controls are enabled only then. */
  synced: boolean;
  /** "OBS 29.0.2, obs-websocket 5.1.0" once connected. */
  obsVersion: string | null;
  /** Top of OBS's list first, as the producer sees it in OBS; keys 1–9 follow this order. */
  scenes: string[];
  programScene: string | null;
  previewScene: string | null;
  studioMode: boolean;
  stream: {
    phase: StreamPhase;
    /** When the current phase began. */
    since: number | null;
    /** When this stream went live (STARTED), kept through reconnects: the uptime's origin. */
    startedAt: number | null;
    /** Reconnects OBS made during this stream. */
    reconnects: number;
    /** The try number of the ongoing reconnect; 0 when not reconnecting. */
    retry: number;
    lastError: string | null;
  };
  /** Null while the link is down. */
  record: { active: boolean | null };
  health: {
    level: HealthLevel;
    reasons: string[];
    sample: HealthSample | null;
    /** The bitrate the alerts compare against: the show's, or learned from the first 30 s live. */
    baselineKbps: number | null;
    /** OBS's configured frame rate. */
    expectedFps: number | null;
  };
  /** The last five minutes, oldest first, for the sparklines. */
  history: HealthPoint[];
  ingest: {
    /** Which of the show's ingests OBS is set to; null when it is neither (or unknown). */
    active: IngestName | null;
    /** OBS's current stream server URL (never the key). */
    server: string | null;
    hasBackup: boolean;
    switching: boolean;
  };
}

export const obsCommands = {
  'obs.connect': command<{ link: ObsLink; linkError: string | null }>()({
    summary:
      'Connect to obs-websocket (v5) and keep reconnecting. The URL is remembered; the password is stored as a secret (omit it to keep the stored one, send "" for none).',
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
    summary: 'Close the OBS link and stop reconnecting (also on the next start).',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({}).strict(),
  }),
  'obs.switchScene': command<{ programScene: string | null; previewScene: string | null }>()({
    summary: 'Cut to a scene, answering when OBS confirms (in studio mode: set the preview; `obs.take` performs the transition).',
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
    summary: 'Start streaming; answers once OBS reports the stream started (a failed start is an error).',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({}).strict(),
  }),
  'obs.stopStream': command<{ phase: StreamPhase }>()({
    summary: 'Stop streaming; answers once OBS reports the stream stopped.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({}).strict(),
  }),
  'obs.switchIngest': command<{ active: IngestName; phase: StreamPhase }>()({
    summary: 'Move the stream to the show’s primary or backup ingest: stop, swap the server, settle, start, confirm STARTED.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ to: z.enum(['primary', 'backup']) }).strict(),
  }),
  'obs.history': command<{ samples: HealthSample[]; truncated: boolean }>()({
    summary: 'Stored health samples between two times (ms), oldest first, for the post-show timeline (at most 36 000).',
    roles: ['producer', 'host', 'moderator', 'observer'],
    kind: 'read',
    args: z
      .object({ from: z.number().int().nonnegative(), to: z.number().int().nonnegative().optional() })
      .strict(),
  }),
};
