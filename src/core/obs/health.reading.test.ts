import { describe, expect, it } from 'vitest';
import { readSample, type ObsStats, type ObsStreamStatus, type ReadingMemory } from './health.reading';

const stats: ObsStats = {
  cpuUsage: 18.333,
  memoryUsage: 210.4,
  activeFps: 30.0000003,
  renderSkippedFrames: 1,
  renderTotalFrames: 900,
  outputSkippedFrames: 0,
  outputTotalFrames: 850,
};
const live = (bytes: number, total = 30, skipped = 0): ObsStreamStatus => ({
  outputActive: true,
  outputReconnecting: false,
  outputBytes: bytes,
  outputSkippedFrames: skipped,
  outputTotalFrames: total,
  outputCongestion: 0.123,
});
const idle: ObsStreamStatus = { ...live(0, 0), outputActive: false, outputCongestion: 0 };
const T = 1_000_000;

describe('readSample', () => {
  it('computes the bitrate from the byte delta over the real interval', () => {
    const first = readSample(null, { at: T, stats, status: live(100_000), phase: 'live', startedAt: T - 5_000 });
    expect(first.sample.bitrateKbps).toBeNull();
    // 39 000 bytes in 1.0 s = 312 kbps; in 1.3 s = 240 kbps.
    const second = readSample(first.memory, { at: T + 1_000, stats, status: live(139_000, 60), phase: 'live', startedAt: T - 5_000 });
    expect(second.sample.bitrateKbps).toBe(312);
    const slow = readSample(first.memory, { at: T + 1_300, stats, status: live(139_000, 60), phase: 'live', startedAt: T - 5_000 });
    expect(slow.sample.bitrateKbps).toBe(240);
    expect(second.sample.uptimeMs).toBe(6_000);
    expect(second.sample.congestion).toBe(0.12);
    expect(second.sample.activeFps).toBe(30);
    expect(second.sample.cpuPct).toBe(18.3);
  });

  it('says "unknown", never negative, when OBS reset its byte counter', () => {
    const prev: ReadingMemory = { at: T, bytes: 500_000, skipped: 3, total: 900 };
    const r = readSample(prev, { at: T + 1_000, stats, status: live(12_000, 20, 0), phase: 'live', startedAt: T - 60_000 });
    expect(r.sample.bitrateKbps).toBeNull();
    expect(r.sample.droppedFramesPct).toBeNull();
    // The next second is measured from the reset counter again.
    const next = readSample(r.memory, { at: T + 2_000, stats, status: live(51_000, 50), phase: 'live', startedAt: T - 60_000 });
    expect(next.sample.bitrateKbps).toBe(312);
  });

  it('reports 0 kbps while reconnecting (the counter freezes) and trusts the event phase', () => {
    const prev: ReadingMemory = { at: T, bytes: 103_929, skipped: 0, total: 82 };
    const status = { ...live(103_929, 82), outputActive: true, outputReconnecting: false };
    const r = readSample(prev, { at: T + 1_000, stats, status, phase: 'reconnecting', startedAt: T - 3_000 });
    expect(r.sample.reconnecting).toBe(true);
    expect(r.sample.bitrateKbps).toBe(0);
    expect(r.sample.droppedFramesPct).toBeNull();
  });

  it('computes the dropped share of this interval as OBS does (dropped / total)', () => {
    const prev: ReadingMemory = { at: T, bytes: 0, skipped: 10, total: 1_000 };
    const r = readSample(prev, { at: T + 1_000, stats, status: live(39_000, 1_030, 13), phase: 'live', startedAt: T - 30_000 });
    expect(r.sample.droppedFramesPct).toBe(10);
  });

  it('leaves stream figures empty when not streaming', () => {
    const r = readSample({ at: T, bytes: 5, skipped: 0, total: 5 }, { at: T + 1_000, stats, status: idle, phase: 'idle', startedAt: null });
    expect(r.sample).toMatchObject({ streaming: false, bitrateKbps: null, droppedFramesPct: null, congestion: null, uptimeMs: 0 });
    expect(r.memory).toBeNull();
    expect(r.sample.encoderTotalFrames).toBe(850);
  });
});
