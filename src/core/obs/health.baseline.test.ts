import { describe, expect, it } from 'vitest';
import { createBaselineLearner, median } from './health.baseline';
import type { UnratedSample } from './health.reading';

const s = (bitrateKbps: number | null, uptimeMs: number, reconnecting = false) => ({ bitrateKbps, uptimeMs, reconnecting }) as UnratedSample;

describe('the bitrate baseline', () => {
  it('uses the show’s figure when it gives one', () => {
    const b = createBaselineLearner(() => 2_500);
    expect(b.current()).toBe(2_500);
  });

  it('learns the median of 30 clean readings after the ramp-up, then holds it', () => {
    const b = createBaselineLearner(() => null);
    b.observe(s(50, 1_000), true); // ramp-up: ignored
    b.observe(s(0, 5_000, true), true); // reconnecting: ignored
    b.observe(s(null, 5_000), true); // unknown: ignored
    for (let i = 0; i < 29; i++) b.observe(s(300 + (i % 3), 4_000 + i * 1_000), true);
    expect(b.current()).toBeNull();
    b.observe(s(900, 40_000), true);
    expect(b.current()).toBe(301);
    b.observe(s(10, 41_000), true);
    expect(b.current()).toBe(301);
    b.reset();
    expect(b.current()).toBeNull();
  });

  it('takes the middle of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
