import { describe, expect, it } from 'vitest';
import { createHealthSampler, type SampleVerdict } from './health.sampler';
import type { ObsSession } from './obs.client';
import type { ObsStats, ObsStreamStatus } from './health.reading';
import type { HealthSample } from '../../shared/contract/index';
import { healthThresholdsSchema } from '../../shared/show/show.schema';
import { createTestClock } from '../../../test/support/test-core';

/** OBS at 99 % CPU, streaming 6 Mbit/s steadily: one second's worth of bytes and frames per reading. */
function busyObs() {
  let second = 0;
  const stats = (): ObsStats => ({ cpuUsage: 99, memoryUsage: 500, activeFps: 30, renderSkippedFrames: 0, renderTotalFrames: 30 * second, outputSkippedFrames: 0, outputTotalFrames: 30 * second });
  const status = (): ObsStreamStatus => ({ outputActive: true, outputReconnecting: false, outputBytes: 750_000 * second, outputSkippedFrames: 0, outputTotalFrames: 30 * second, outputCongestion: 0 });
  const session = {
    hello: { authRequired: true },
    closed: false,
    call: (type: string) => Promise.resolve(type === 'GetStats' ? stats() : status()),
    on() {},
    onClose() {},
    close: () => Promise.resolve(),
  } as unknown as ObsSession;
  return { session, tick: () => void (second += 1) };
}

describe('health sampler', () => {
  it('times its rules on the monotonic clock: a wall clock stepped back an hour neither hides a sustained condition for that hour nor breaks the bitrate; samples keep wall-clock timestamps', async () => {
    const clock = createTestClock();
    const obs = busyObs();
    const seen: { sample: HealthSample; verdict: SampleVerdict }[] = [];
    const sampler = createHealthSampler({
      intervalMs: 1000,
      now: () => clock.now(),
      monotonic: () => clock.monotonic(),
      session: () => obs.session,
      stream: () => ({ phase: 'live', startedAt: clock.now() - 60_000, retry: 0, lastError: null }),
      thresholds: () => healthThresholdsSchema.parse({}),
      expectedFps: () => null,
      onAirExpected: () => false,
      onSample: (sample, verdict) => void seen.push({ sample, verdict }),
      onFault: (error) => {
        throw error;
      },
    });
    for (let s = 0; s < 12; s++) {
      if (s === 3) clock.set(clock.now() - 3_600_000);
      await sampler.sampleNow();
      clock.advance(1000);
      obs.tick();
    }
    const last = seen[seen.length - 1];
    // 99 % CPU for the sustain time (10 s) is red, whatever the wall clock did on the way.
    expect(last?.verdict.findings).toContainEqual(expect.objectContaining({ key: 'cpu', level: 'red' }));
    expect(seen.slice(1).map((x) => x.sample.bitrateKbps)).toEqual(Array(11).fill(6000));
    expect(last?.sample).toMatchObject({ at: clock.now() - 1000, uptimeMs: 60_000 });
  });
});
