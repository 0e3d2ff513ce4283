// The 1 Hz health loop: GetStats + GetStreamStatus (pipelined), a sample from their deltas, the
// baseline, the verdict. Only one reading is in flight at a time; a reading that times out is a
// link fault (OBS froze, or the socket is half-open) and is reported, not retried here.
import type { HealthLevel, HealthSample, StreamPhase } from '../../shared/contract/index';
import type { HealthThresholds } from '../../shared/show/show.schema';
import type { ObsSession } from './obs.client';
import { createBaselineLearner } from './health.baseline';
import { readSample, type ReadingMemory, type UnratedSample } from './health.reading';
import { createRulesMemory, rateSample, type Finding } from './health.rules';

export interface StreamView {
  phase: StreamPhase;
  startedAt: number | null;
  retry: number;
  lastError: string | null;
}

export interface SampleVerdict {
  level: HealthLevel;
  findings: Finding[];
  baselineKbps: number | null;
}

export interface HealthSamplerDeps {
  intervalMs: number;
  /** Wall clock: the stored and shown time of each sample. */
  now(): number;
  /** Monotonic clock: every duration the reading and the rules measure (a bitrate's second, a condition's sustain). */
  monotonic(): number;
  /** The resynced session, or null (no reading is taken then). */
  session(): ObsSession | null;
  stream(): StreamView;
  thresholds(): HealthThresholds;
  expectedFps(): number | null;
  /** True while the show clock runs: a stream that is not live is then red, never green. */
  onAirExpected(): boolean;
  onSample(sample: HealthSample, verdict: SampleVerdict): void;
  onFault(error: unknown): void;
}

export interface HealthSampler {
  start(): void;
  stop(): void;
  /** Takes one reading now (the timer calls this; tests and benches may too). */
  sampleNow(): Promise<HealthSample | null>;
  /** A new link session: counters from the old one are not comparable. */
  newSession(): void;
  /** A new stream: the learned baseline starts over. */
  newStream(): void;
}

export function createHealthSampler(deps: HealthSamplerDeps): HealthSampler {
  let timer: NodeJS.Timeout | undefined;
  let busy = false;
  let memory: ReadingMemory | null = null;
  let recent: UnratedSample[] = [];
  let rules = createRulesMemory();
  const baseline = createBaselineLearner(() => deps.thresholds().baselineKbps ?? null);

  const sampleNow = async (): Promise<HealthSample | null> => {
    const session = deps.session();
    if (!session || busy) return null;
    busy = true;
    try {
      const [stats, status] = await Promise.all([session.call('GetStats'), session.call('GetStreamStatus')]);
      // The link may have dropped (and been replaced) while the answers were on their way.
      if (deps.session() !== session) return null;
      // The rating runs on monotonic time (`at` below): a wall clock stepped back an hour would
      // otherwise hide every sustained condition for that hour, and a step either way would garble
      // a bitrate. The sample leaves with the wall-clock time it is stored and shown at, and its uptime
      // is read against the stream's shown start (a wall time), so readSample is given no start.
      const at = deps.monotonic();
      const wallAt = deps.now();
      const stream = deps.stream();
      const read = readSample(memory, { at, stats, status, phase: stream.phase, startedAt: null });
      memory = read.memory;
      const thresholds = deps.thresholds();
      const keepMs = (thresholds.sustainSeconds + 2) * 1000;
      recent = [...recent.filter((s) => s.at >= at - keepMs), read.sample];
      baseline.observe(read.sample, stream.phase === 'live');
      const verdict = rateSample(
        {
          sample: read.sample,
          recent,
          phase: stream.phase,
          retry: stream.retry,
          lastError: stream.lastError,
          thresholds,
          expectedFps: deps.expectedFps(),
          baselineKbps: baseline.current(),
          intervalMs: deps.intervalMs > 0 ? deps.intervalMs : 1000,
          onAirExpected: deps.onAirExpected(),
        },
        rules,
      );
      const uptimeMs = read.sample.streaming && stream.startedAt !== null ? Math.max(0, wallAt - stream.startedAt) : 0;
      const sample: HealthSample = { ...read.sample, at: wallAt, uptimeMs, level: verdict.level };
      deps.onSample(sample, { ...verdict, baselineKbps: baseline.current() });
      return sample;
    } catch (error) {
      if (deps.session() === session) deps.onFault(error);
      return null;
    } finally {
      busy = false;
    }
  };

  return {
    start() {
      if (timer || deps.intervalMs <= 0) return;
      timer = setInterval(() => void sampleNow(), deps.intervalMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
    sampleNow,
    newSession() {
      memory = null;
      recent = [];
      rules = createRulesMemory();
    },
    newStream() {
      baseline.reset();
      memory = null;
    },
  };
}
