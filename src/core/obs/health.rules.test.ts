import { describe, expect, it } from 'vitest';
import { healthThresholdsSchema } from '../../shared/show/show.schema';
import type { UnratedSample } from './health.reading';
import { createRulesMemory, rateSample, type RuleInput, type RulesMemory } from './health.rules';

const thresholds = healthThresholdsSchema.parse({});
const T = 5_000_000;

function sample(i: number, patch: Partial<UnratedSample> = {}): UnratedSample {
  return {
    at: T + i * 1_000,
    streaming: true,
    bitrateKbps: 300,
    droppedFramesPct: 0,
    outputSkippedFrames: 0,
    outputTotalFrames: 30 * i,
    renderSkippedFrames: 0,
    renderTotalFrames: 1_000 + 30 * i,
    encoderSkippedFrames: 0,
    encoderTotalFrames: 30 * i,
    activeFps: 30,
    cpuPct: 20,
    memoryMb: 200,
    congestion: 0,
    reconnecting: false,
    uptimeMs: 60_000 + i * 1_000,
    ...patch,
  };
}

/** Feeds samples 0..n-1 (made by `make`) and returns the verdict on the last one. */
function feed(n: number, make: (i: number) => UnratedSample, extra: Partial<RuleInput> = {}, memory: RulesMemory = createRulesMemory()) {
  const recent: UnratedSample[] = [];
  let verdict: ReturnType<typeof rateSample> | null = null;
  const levels: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = make(i);
    recent.push(s);
    verdict = rateSample(
      { sample: s, recent, phase: 'live', retry: 0, lastError: null, thresholds, expectedFps: 30, baselineKbps: 300, intervalMs: 1_000, onAirExpected: false, ...extra },
      memory,
    );
    levels.push(verdict.level);
  }
  return { verdict: verdict as ReturnType<typeof rateSample>, levels };
}

describe('rateSample', () => {
  it('is green when everything is within the thresholds', () => {
    const { verdict } = feed(20, (i) => sample(i));
    expect(verdict).toEqual({ level: 'green', findings: [] });
  });

  it('raises a low bitrate only once it has lasted the sustain time, with the reason', () => {
    // 40% of baseline from sample 5 on: below the amber ratio (0.7), not below red (0.4).
    const { verdict, levels } = feed(15, (i) => sample(i, { bitrateKbps: i >= 5 ? 150 : 300 }));
    expect(levels.slice(0, 14)).toEqual([...Array(14).fill('green')]);
    expect(verdict.level).toBe('amber');
    expect(verdict.findings).toEqual([{ key: 'bitrate', level: 'amber', message: 'bitrate 50% below baseline for 10 s (150 of 300 kbps)' }]);
  });

  it('goes red only after red-level readings for the whole sustain time', () => {
    const { levels } = feed(30, (i) => sample(i, { bitrateKbps: i < 5 ? 300 : i < 10 ? 150 : 60 }));
    // Amber from 14 (5 + 10 − 1); red from 19 (10 + 10 − 1).
    expect(levels[13]).toBe('green');
    expect(levels[14]).toBe('amber');
    expect(levels[18]).toBe('amber');
    expect(levels[19]).toBe('red');
  });

  it('forgets a condition that ended, and keeps timing across a reading with no bitrate', () => {
    const m = createRulesMemory();
    const dips = feed(8, (i) => sample(i, { bitrateKbps: i >= 2 ? 100 : 300 }), {}, m);
    expect(dips.verdict.level).toBe('green');
    const recovered = feed(1, () => sample(8, { bitrateKbps: 300 }), {}, m);
    expect(recovered.verdict.level).toBe('green');
    expect(m.since.size).toBe(0);
    // A counter reset (null) in the middle of a drop neither resets nor ends it.
    const { levels } = feed(13, (i) => sample(i, { bitrateKbps: i === 6 ? null : 100 }));
    expect(levels[9]).toBe('red');
  });

  it('is red at once while OBS reconnects, with the try number', () => {
    const { verdict } = feed(1, (i) => sample(i, { reconnecting: true, bitrateKbps: 0 }), { phase: 'reconnecting', retry: 3 });
    expect(verdict.level).toBe('red');
    expect(verdict.findings).toEqual([{ key: 'reconnecting', level: 'red', message: 'ingest unreachable, OBS reconnecting (try 3)' }]);
  });

  it('is red at once after a failed start', () => {
    const { verdict } = feed(1, (i) => sample(i, { streaming: false, bitrateKbps: null }), { phase: 'failed_start', lastError: 'OBS could not start the stream' });
    expect(verdict.findings).toEqual([{ key: 'stream', level: 'red', message: 'OBS could not start the stream' }]);
  });

  it('takes dropped frames over the sustain window, not per second', () => {
    // 1 of every 30 frames dropped = 3.3% → amber (1%), not red (5%); needs a full window first.
    const { levels, verdict } = feed(14, (i) => sample(i, { outputSkippedFrames: i, outputTotalFrames: 30 * i }));
    expect(levels.slice(0, 10).every((l) => l === 'green')).toBe(true);
    expect(verdict.level).toBe('amber');
    expect(verdict.findings[0]?.message).toBe('dropped frames 3.3% over 10 s');
  });

  it('does not compare frame counters across an OBS counter reset', () => {
    const { verdict } = feed(14, (i) => (i < 8 ? sample(i, { outputSkippedFrames: 100, outputTotalFrames: 500 + i }) : sample(i, { outputSkippedFrames: 0, outputTotalFrames: 30 * (i - 8) })));
    expect(verdict.findings.filter((f) => f.key === 'dropped')).toEqual([]);
  });

  it('flags encoder overload, CPU and a low frame rate', () => {
    const { verdict } = feed(14, (i) =>
      sample(i, { encoderSkippedFrames: 3 * i, cpuPct: 97, activeFps: 20, renderSkippedFrames: 0 }),
    );
    const byKey = Object.fromEntries(verdict.findings.map((f) => [f.key, f]));
    expect(byKey['encoder']).toMatchObject({ level: 'red', message: 'encoder overloaded: skipped frames 10.0% over 10 s' });
    expect(byKey['cpu']).toMatchObject({ level: 'red', message: 'OBS CPU 97% for 14 s' });
    expect(byKey['fps']).toMatchObject({ level: 'amber', message: 'OBS rendering 20 fps (expected 30) for 14 s' });
    expect(verdict.level).toBe('red');
  });

  it('leaves the bitrate alone until there is a baseline', () => {
    const { verdict } = feed(20, (i) => sample(i, { bitrateKbps: 10 }), { baselineKbps: null });
    expect(verdict.level).toBe('green');
  });

  it('is never green while the show clock runs and the stream is not live', () => {
    const idle = feed(3, (i) => sample(i, { streaming: false, bitrateKbps: null }), { phase: 'idle', onAirExpected: true });
    expect(idle.levels).toEqual(['red', 'red', 'red']);
    expect(idle.verdict.findings).toEqual([{ key: 'offair', level: 'red', message: 'off air while the show clock runs (stream stopped)' }]);
    // Off air before the show starts is nobody's emergency; live during the show is fine.
    expect(feed(3, (i) => sample(i, { streaming: false, bitrateKbps: null }), { phase: 'idle', onAirExpected: false }).verdict.level).toBe('green');
    expect(feed(3, (i) => sample(i), { phase: 'live', onAirExpected: true }).verdict.level).toBe('green');
  });
});
