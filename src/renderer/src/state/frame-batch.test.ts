import { describe, expect, it } from 'vitest';
import { createFrameBatch, type RequestFrame } from './frame-batch';

function manualFrames() {
  const pending: Array<{ run: () => void; live: boolean }> = [];
  const request: RequestFrame = (run) => {
    const entry = { run, live: true };
    pending.push(entry);
    return () => {
      entry.live = false;
    };
  };
  const tick = () => {
    for (const e of pending.splice(0)) if (e.live) e.run();
  };
  return { request, tick, asked: () => pending.filter((e) => e.live).length };
}

describe('frame batch', () => {
  it('hands over every message of a frame once, in arrival order, asking for one frame', () => {
    const frames = manualFrames();
    const batches: number[][] = [];
    const b = createFrameBatch<number>((ms) => batches.push(ms), frames.request);
    b.push(1);
    b.push(2);
    b.push(3);
    expect(frames.asked()).toBe(1);
    expect(batches).toEqual([]);
    frames.tick();
    expect(batches).toEqual([[1, 2, 3]]);
    b.push(4);
    frames.tick();
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('flush hands over at once and the frame then finds nothing', () => {
    const frames = manualFrames();
    const batches: number[][] = [];
    const b = createFrameBatch<number>((ms) => batches.push(ms), frames.request);
    b.push(1);
    b.flush();
    expect(batches).toEqual([[1]]);
    frames.tick();
    b.flush();
    expect(batches).toEqual([[1]]);
  });

  it('dispose drops what is queued and the frame applies nothing', () => {
    const frames = manualFrames();
    const batches: number[][] = [];
    const b = createFrameBatch<number>((ms) => batches.push(ms), frames.request);
    b.push(1);
    b.dispose();
    frames.tick();
    expect(batches).toEqual([]);
  });
});
