import { describe, expect, it } from 'vitest';
import type { MinutePoint } from '../../../../shared/contract/index';
import { CHUNK, areaPath, clockLabel, countTicks, createPathBuilder, downsample, nearestIndex, niceCeil, plotData, plotFrame, rollingRate, spanFor, timeTicks, xOf, yCount, type Vertex } from './kpi-plot.logic';

const point = (m: number, views: number, carts: number, checkouts: number, orders: number): MinutePoint => ({
  at: 1_000_000 + m * 60_000,
  counts: { views, addToCart: carts, checkouts, orders, revenue: orders * 39, paymentErrors: 0, refunds: 0 },
});

describe('plotData and rolling rates', () => {
  it('puts minutes on the show clock and sums a rate over the last five minutes, as the KPI windows do', () => {
    // Minutes 0..6 with a gap at 3: the window ending at 6 holds minutes 2..6.
    const s = [point(0, 100, 10, 5, 1), point(1, 100, 10, 2, 1), point(2, 100, 4, 4, 0), point(4, 50, 6, 0, 2), point(5, 0, 0, 0, 0), point(6, 10, 10, 10, 7)];
    const d = plotData(s, 1_000_000);
    expect(d.minutes).toEqual([0, 1, 2, 4, 5, 6]);
    expect(d.peak).toBe(10);
    const r = rollingRate(d, 'cartToCheckout', 5);
    expect(r.num).toEqual([5, 7, 11, 11, 6, 14]);
    expect(r.den).toEqual([10, 20, 24, 30, 20, 20]);
    expect(r.value[5]).toBeCloseTo(14 / 20);
    // One minute: that minute alone; the whole show: running sums.
    expect(rollingRate(d, 'viewToCart', 1).value).toEqual([0.1, 0.1, 0.04, 0.12, null, 1]);
    expect(rollingRate(d, 'viewToCart', Infinity).den).toEqual([100, 200, 300, 350, 350, 360]);
  });
  it('starts the minute GO fell in at GO, and keeps the windows on whole minutes', () => {
    // GO at 12:00:40; buckets at 12:00, 12:01 and 12:05.
    const go = 1_000_000 * 60_000 + 40_000;
    const s = [0, 1, 5].map((m) => ({ ...point(0, 10, 10, 1, 1), at: 1_000_000 * 60_000 + m * 60_000 }));
    const d = plotData(s, go);
    expect(d.minutes.map((m) => Math.round(m * 100) / 100)).toEqual([0, 0.33, 4.33]);
    expect(d.index).toEqual([0, 1, 5]);
    // The 5-minute window ending at minute 5 holds minutes 1..5, as the station's does.
    expect(rollingRate(d, 'cartToCheckout', 5).num).toEqual([1, 2, 2]);
  });
  it('has no rate while the window has no denominator', () => {
    const d = plotData([point(0, 5, 0, 0, 0), point(9, 5, 0, 0, 0)], 1_000_000);
    expect(rollingRate(d, 'cartToCheckout', 5).value).toEqual([null, null]);
    expect(rollingRate(d, 'paymentErrorRate', 5).den).toEqual([0, 0]);
  });
});

describe('scales', () => {
  it('grows the time axis in whole steps and the count axis on 1-2-5', () => {
    expect([0, 4, 5, 9, 10, 29, 59, 60, 95, 179, 239, 240].map(spanFor)).toEqual([5, 5, 10, 10, 20, 30, 60, 90, 120, 180, 240, 300]);
    expect([0, 3, 6, 11, 20, 21, 480].map(niceCeil)).toEqual([5, 5, 10, 20, 20, 50, 500]);
    expect(countTicks(20)).toEqual([0, 4, 8, 12, 16, 20]);
    expect(timeTicks(180)).toEqual([0, 30, 60, 90, 120, 150, 180]);
    expect(clockLabel(0)).toBe('+0:00');
    expect(clockLabel(95)).toBe('+1:35');
  });
  it('maps GO to the left edge and the axis end to the right one', () => {
    const f = plotFrame(900, 180, 179, 12);
    expect(xOf(f, 0)).toBe(f.left);
    expect(xOf(f, 180)).toBe(900 - f.right);
    expect(yCount(f, 0)).toBe(180 - f.bottom);
    expect(yCount(f, 20)).toBe(f.top);
  });
  it('finds the nearest minute for the tooltip', () => {
    expect(nearestIndex([0, 1, 2, 5], 3.4)).toBe(2);
    expect(nearestIndex([0, 1, 2, 5], 3.6)).toBe(3);
    expect(nearestIndex([0, 1, 2, 5], -3)).toBe(0);
    expect(nearestIndex([], 1)).toBe(-1);
  });
});

describe('downsample (min/max per pixel column)', () => {
  it('keeps every point while each has its own column', () => {
    expect(downsample([0, 1, 2], [3, null, 5])).toEqual([
      { x: 0, y: 3 },
      { x: 1, y: null },
      { x: 2, y: 5 },
    ]);
  });
  it('keeps a one-minute spike when many minutes share a column', () => {
    const xs = Array.from({ length: 600 }, (_, i) => i / 10); // 10 minutes per pixel
    const ys = xs.map((_, i) => (i === 333 ? 99 : 1));
    const v = downsample(xs, ys);
    expect(v.length).toBeLessThanOrEqual(61 * 4);
    expect(Math.max(...v.map((p) => p.y ?? 0))).toBe(99);
    // The spike's column: first, max, last.
    expect(v.filter((p) => p.x === 33).map((p) => p.y)).toEqual([1, 99, 1]);
  });
  it('keeps a gap inside a column as a gap', () => {
    const v = downsample([0.1, 0.2, 0.3], [1, null, 2]);
    expect(v.map((p) => p.y)).toEqual([1, 2, null, 2]);
  });
});

describe('path builder', () => {
  const vertices = (n: number, y = (i: number): number | null => i % 7): Vertex[] => Array.from({ length: n }, (_, i) => ({ x: i * 5, y: y(i) }));
  it('draws M then L, and lifts the pen over gaps', () => {
    const b = createPathBuilder();
    expect(b.line([{ x: 0, y: 1 }, { x: 1, y: 2 }, { x: 2, y: null }, { x: 3, y: 4 }])).toBe('M0 1L1 2M3 4');
  });
  it('formats only the chunk that changed when a minute is appended or a late event lands', () => {
    const b = createPathBuilder();
    const full = b.line(vertices(CHUNK * 4));
    expect(b.formatted()).toBe(4);
    // Appending: the last chunk is new, the first four are reused.
    const grown = b.line(vertices(CHUNK * 4 + 1));
    expect(b.formatted()).toBe(5);
    expect(grown.startsWith(full)).toBe(true);
    // A late event in minute 40 (chunk 1): that chunk only.
    b.line(vertices(CHUNK * 4 + 1, (i) => (i === 40 ? 50 : i % 7)));
    expect(b.formatted()).toBe(6);
    // Same vertices again: nothing formatted, same text.
    const again = b.line(vertices(CHUNK * 4 + 1, (i) => (i === 40 ? 50 : i % 7)));
    expect(b.formatted()).toBe(6);
    expect(again).toBe(createPathBuilder().line(vertices(CHUNK * 4 + 1, (i) => (i === 40 ? 50 : i % 7))));
  });
  it('starts a chunk with M when the one before ended in a gap', () => {
    const b = createPathBuilder();
    const d = b.line(vertices(CHUNK + 2, (i) => (i === CHUNK - 1 ? null : 1)));
    expect(d).toContain(`M${CHUNK * 5} 1`);
    expect(d.match(/M/g)).toHaveLength(2);
  });
  it('closes an area down to the baseline', () => {
    const v = [{ x: 0, y: 10 }, { x: 4, y: 2 }];
    expect(areaPath(createPathBuilder().line(v), v, 20)).toBe('M0 10L4 2L4 20L0 20Z');
    expect(areaPath('', [], 20)).toBe('');
  });
});
