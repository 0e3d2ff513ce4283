import { describe, expect, it } from 'vitest';
import { dearestFramesByKind, droppedFrames, frameCosts } from '../../bench/support/frame-costs';
import type { TraceEvent } from '../../bench/support/trace-breakdown';

const task = (ts: number, dur: number, tdur: number, tid = 1): TraceEvent => ({ name: 'RunTask', cat: 'devtools.timeline', ph: 'X', ts, dur, tdur, pid: 7, tid });
const begin = (ts: number, tid = 1): TraceEvent => ({ name: 'BeginMainThreadFrame', cat: 'devtools.timeline.frame', ph: 'I', ts, pid: 7, tid });

describe('frameCosts', () => {
  it('charges each task to the frame it began in, a frame opening with the task that holds its BeginMainThreadFrame', () => {
    const events = [
      task(0, 4_000, 3_000), // holds frame 1's begin
      begin(100),
      task(5_000, 2_000, 1_000),
      task(16_000, 6_000, 5_000), // holds frame 2's begin
      begin(16_200),
      task(30_000, 1_000, 1_000),
      task(33_000, 1_000, 1_000), // holds frame 3's begin: after the last measured frame
      begin(33_100),
    ];
    const r = frameCosts(events);
    expect(r?.frames).toEqual([
      { from: 0, to: 16_000, wallMs: 6, cpuMs: 4 },
      { from: 16_000, to: 33_000, wallMs: 7, cpuMs: 6 },
    ]);
    expect(r?.thread).toEqual({ pid: 7, tid: 1 });
  });

  it('reads the thread that drew the most frames, and counts long tasks by wall and by CPU time', () => {
    const events = [begin(0, 2), begin(10_000, 2), begin(0), begin(70_000), begin(130_000), task(1_000, 60_000, 20_000), task(71_000, 55_000, 52_000), task(1_000, 99_000, 99_000, 2)];
    const r = frameCosts(events);
    expect(r?.frames).toMatchObject([
      { wallMs: 60, cpuMs: 20 },
      { wallMs: 55, cpuMs: 52 },
    ]);
    expect(r?.longTasks).toBe(2);
    expect(r?.longTasksCpu).toBe(1);
  });

  it('is null for a trace without frames', () => {
    expect(frameCosts([task(0, 1_000, 1_000)])).toBeNull();
  });
});

describe('dearestFramesByKind', () => {
  it('averages the self time by kind of the frames at or above the p95', () => {
    const events: TraceEvent[] = [
      begin(0),
      task(0, 2_000, 2_000),
      begin(10_000),
      task(10_000, 12_000, 12_000),
      { name: 'Layout', cat: 'devtools.timeline', ph: 'X', ts: 11_000, dur: 8_000, pid: 7, tid: 1 },
      begin(30_000),
    ];
    const costs = frameCosts(events);
    if (!costs) throw new Error('no frames');
    expect(dearestFramesByKind(events, costs)).toEqual({ frames: 1, byKind: { 'style + layout': 8, other: 4 }, other: { RunTask: 4 } });
  });
});

describe('droppedFrames', () => {
  it('counts intervals over one and a half vsync periods', () => {
    expect(droppedFrames([16.7, 16.6, 25.1, 33.4, 24.9])).toBe(2);
  });
});
