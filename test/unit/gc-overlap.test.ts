// The offers bench's GC overlap: which timed windows a station's collections fell into, clipped to them.
import { describe, expect, it } from 'vitest';
import { gcOverlap } from '../../bench/support/gc-overlap';

describe('gc overlap', () => {
  it('counts collections inside windows, clipped to them, and ignores those outside the run', () => {
    const windows: [number, number][] = [
      [100, 120],
      [200, 220],
      [300, 320],
    ];
    const rows: [number, number, number][] = [
      [50, 1, 1], // before the first window: not during
      [110, 2, 1], // inside the first
      [150, 3, 1], // between windows
      [218, 5, 0], // starts in the second, runs 3 ms past its end: 2 ms inside
      [400, 1, 1], // after the last window
    ];
    expect(gcOverlap(rows, windows)).toEqual({ during: 3, minor: 2, windowsHit: 2, insideMs: 4 });
  });
});
