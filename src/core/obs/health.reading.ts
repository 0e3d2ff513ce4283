// Turns one GetStats + GetStreamStatus pair into a health sample. Bitrate and dropped frames come
// from deltas against the previous reading; OBS resets its counters when it reconnects to the
// ingest, so a counter that went backwards yields "unknown" for that second, never a negative.
import type { HealthSample, StreamPhase } from '../../shared/contract/index';

export interface ObsStats {
  cpuUsage: number;
  memoryUsage: number;
  activeFps: number;
  renderSkippedFrames: number;
  renderTotalFrames: number;
  outputSkippedFrames: number;
  outputTotalFrames: number;
}

export interface ObsStreamStatus {
  outputActive: boolean;
  outputReconnecting: boolean;
  outputBytes: number;
  outputSkippedFrames: number;
  outputTotalFrames: number;
  outputCongestion: number;
}

/** What the next reading needs from this one. */
export interface ReadingMemory {
  at: number;
  bytes: number;
  skipped: number;
  total: number;
}

export interface ReadingInput {
  at: number;
  stats: ObsStats;
  status: ObsStreamStatus;
  /** The phase as OBS's events tell it (the status contradicts them during reconnects). */
  phase: StreamPhase;
  /** When the stream went live, for the uptime. */
  startedAt: number | null;
}

export type UnratedSample = Omit<HealthSample, 'level'>;

export function readSample(prev: ReadingMemory | null, input: ReadingInput): { sample: UnratedSample; memory: ReadingMemory | null } {
  const { at, stats, status, phase } = input;
  const reconnecting = phase === 'reconnecting' || status.outputReconnecting;
  const streaming = status.outputActive || reconnecting || phase === 'live';
  const memory: ReadingMemory | null = streaming
    ? { at, bytes: status.outputBytes, skipped: status.outputSkippedFrames, total: status.outputTotalFrames }
    : null;

  let bitrateKbps: number | null = null;
  let droppedFramesPct: number | null = null;
  if (streaming && prev && at > prev.at) {
    const seconds = (at - prev.at) / 1000;
    const bytes = status.outputBytes - prev.bytes;
    if (bytes >= 0) bitrateKbps = round1((bytes * 8) / 1000 / seconds);
    const frames = status.outputTotalFrames - prev.total;
    const skipped = status.outputSkippedFrames - prev.skipped;
    // As OBS's own stats dock counts it: dropped over total frames. No frames this second
    // (reconnecting, stalled) or a counter reset leaves it unknown.
    if (frames > 0 && skipped >= 0) droppedFramesPct = round2(Math.min(100, (skipped / frames) * 100));
  }

  return {
    sample: {
      at,
      streaming,
      bitrateKbps,
      droppedFramesPct,
      outputSkippedFrames: streaming ? status.outputSkippedFrames : 0,
      outputTotalFrames: streaming ? status.outputTotalFrames : 0,
      renderSkippedFrames: stats.renderSkippedFrames,
      renderTotalFrames: stats.renderTotalFrames,
      encoderSkippedFrames: stats.outputSkippedFrames,
      encoderTotalFrames: stats.outputTotalFrames,
      activeFps: round1(stats.activeFps),
      cpuPct: round1(stats.cpuUsage),
      memoryMb: round1(stats.memoryUsage),
      congestion: streaming ? round2(status.outputCongestion) : null,
      reconnecting,
      uptimeMs: streaming && input.startedAt !== null ? Math.max(0, at - input.startedAt) : 0,
    },
    memory,
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
