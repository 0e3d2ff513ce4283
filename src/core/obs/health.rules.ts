// The verdict on each sample: green, amber or red, with reasons a producer can read out loud
// ("bitrate 40% below baseline for 10 s"). Level conditions must last the show's sustain time;
// frame-drop rates are taken over that same window; a reconnect or failed start is red at once,
// and so is a stream that is not live while the show clock says the show is on air.
import type { HealthLevel, StreamPhase } from '../../shared/contract/index';
import type { HealthThresholds } from '../../shared/show/show.schema';
import type { UnratedSample } from './health.reading';

export interface Finding {
  /** Stable per condition: `bitrate`, `dropped`, `cpu`, … (alerts are keyed on it). */
  key: string;
  level: 'amber' | 'red';
  message: string;
}

export interface RuleInput {
  sample: UnratedSample;
  /** Recent samples of this link session, oldest first, ending with `sample`. */
  recent: readonly UnratedSample[];
  phase: StreamPhase;
  retry: number;
  lastError: string | null;
  thresholds: HealthThresholds;
  expectedFps: number | null;
  baselineKbps: number | null;
  intervalMs: number;
  /** The show clock runs: the show should be on air, so anything but a live stream is red. */
  onAirExpected: boolean;
}

/** When each level condition started holding, per rule; kept between samples. */
export interface RulesMemory {
  since: Map<string, number>;
}

export function createRulesMemory(): RulesMemory {
  return { since: new Map() };
}

/** Fewer frames than this in the window say nothing about a drop rate. */
const MIN_WINDOW_FRAMES = 30;

export function rateSample(input: RuleInput, memory: RulesMemory): { level: HealthLevel; findings: Finding[] } {
  const { sample, thresholds: t, intervalMs } = input;
  const sustainMs = t.sustainSeconds * 1000;
  const findings: Finding[] = [];

  // `level` is the worst level the condition meets right now (null: fine). Amber and red are
  // timed separately, so red needs red-level readings for the whole sustain time.
  const sustained = (key: string, level: 'amber' | 'red' | null, message: (seconds: number) => string) => {
    const amberKey = `${key}:amber`;
    const redKey = `${key}:red`;
    if (level === null) {
      memory.since.delete(amberKey);
      memory.since.delete(redKey);
      return;
    }
    const amberSince = memory.since.get(amberKey) ?? sample.at;
    memory.since.set(amberKey, amberSince);
    if (level === 'red') memory.since.set(redKey, memory.since.get(redKey) ?? sample.at);
    else memory.since.delete(redKey);
    const redSince = memory.since.get(redKey);
    const held = (since: number) => sample.at - since + intervalMs;
    if (redSince !== undefined && held(redSince) >= sustainMs) {
      findings.push({ key, level: 'red', message: message(Math.round(held(redSince) / 1000)) });
    } else if (held(amberSince) >= sustainMs) {
      findings.push({ key, level: 'amber', message: message(Math.round(held(amberSince) / 1000)) });
    }
  };
  const forget = (key: string) => sustained(key, null, () => '');

  if (input.phase === 'failed_start') {
    findings.push({ key: 'stream', level: 'red', message: input.lastError ?? 'the stream failed to start' });
  }

  const reconnecting = input.phase === 'reconnecting' || sample.reconnecting;
  if (input.onAirExpected && !reconnecting && input.phase !== 'live' && input.phase !== 'failed_start') {
    findings.push({ key: 'offair', level: 'red', message: `off air while the show clock runs (stream ${input.phase === 'idle' ? 'stopped' : input.phase})` });
  }
  if (reconnecting) {
    findings.push({
      key: 'reconnecting',
      level: 'red',
      message: `ingest unreachable, OBS reconnecting${input.retry > 0 ? ` (try ${input.retry})` : ''}`,
    });
  }

  // Bitrate against the baseline, while the stream is really flowing.
  if (sample.streaming && !reconnecting && input.baselineKbps !== null) {
    if (sample.bitrateKbps !== null) {
      const ratio = sample.bitrateKbps / input.baselineKbps;
      const level = ratio < t.bitrateRedRatio ? 'red' : ratio < t.bitrateAmberRatio ? 'amber' : null;
      const below = Math.round((1 - ratio) * 100);
      sustained('bitrate', level, (s) => `bitrate ${below}% below baseline for ${s} s (${Math.round(sample.bitrateKbps ?? 0)} of ${Math.round(input.baselineKbps ?? 0)} kbps)`);
    }
    // A null bitrate (OBS reset its byte counter) says nothing: the timers keep running.
  } else {
    forget('bitrate');
  }

  // Frame-drop rates over the sustain window.
  const windowed = (key: string, what: string, pick: (s: UnratedSample) => [skipped: number, total: number], only: (s: UnratedSample) => boolean) => {
    const rate = windowRate(input.recent, sample.at - sustainMs, pick, only);
    if (rate === null) return;
    const level = rate.pct >= t.droppedRedPct ? 'red' : rate.pct >= t.droppedAmberPct ? 'amber' : null;
    if (level) findings.push({ key, level, message: `${what} ${rate.pct.toFixed(1)}% over ${Math.round(rate.spanMs / 1000)} s` });
  };
  if (sample.streaming && !reconnecting) {
    windowed('dropped', 'dropped frames', (s) => [s.outputSkippedFrames, s.outputTotalFrames], (s) => s.streaming);
  }
  windowed('encoder', 'encoder overloaded: skipped frames', (s) => [s.encoderSkippedFrames, s.encoderTotalFrames], () => true);
  windowed('render', 'rendering lag: skipped frames', (s) => [s.renderSkippedFrames, s.renderTotalFrames], () => true);

  const cpu = sample.cpuPct;
  sustained('cpu', cpu >= t.cpuRedPct ? 'red' : cpu >= t.cpuAmberPct ? 'amber' : null, (s) => `OBS CPU ${Math.round(cpu)}% for ${s} s`);

  if (input.expectedFps !== null && input.expectedFps > 0) {
    const low = sample.activeFps < input.expectedFps * t.fpsAmberRatio;
    sustained('fps', low ? 'amber' : null, (s) => `OBS rendering ${sample.activeFps.toFixed(0)} fps (expected ${input.expectedFps}) for ${s} s`);
  }

  const level: HealthLevel = findings.some((f) => f.level === 'red') ? 'red' : findings.length > 0 ? 'amber' : 'green';
  return { level, findings };
}

/**
 * Skipped over total frames between the oldest sample inside the window and the newest, after the
 * last counter reset. Null until the window is full and has enough frames to mean something.
 */
export function windowRate(
  recent: readonly UnratedSample[],
  from: number,
  pick: (s: UnratedSample) => [number, number],
  only: (s: UnratedSample) => boolean,
): { pct: number; spanMs: number } | null {
  const last = recent[recent.length - 1];
  if (!last) return null;
  // Oldest sample at or before the window's start, so the deltas cover the whole window.
  let start = -1;
  for (let i = recent.length - 1; i >= 0; i--) {
    const s = recent[i] as UnratedSample;
    if (!only(s)) break;
    const next = recent[i + 1];
    // Counters went backwards between i and i+1: nothing before i+1 is comparable.
    if (next && pick(next)[1] < pick(s)[1]) break;
    start = i;
    if (s.at <= from) break;
  }
  const first = recent[start];
  if (!first || first === last || first.at > from) return null;
  const [s0, t0] = pick(first);
  const [s1, t1] = pick(last);
  const frames = t1 - t0;
  const skipped = s1 - s0;
  if (frames < MIN_WINDOW_FRAMES || skipped < 0) return null;
  return { pct: Math.min(100, (skipped / frames) * 100), spanMs: last.at - first.at };
}
