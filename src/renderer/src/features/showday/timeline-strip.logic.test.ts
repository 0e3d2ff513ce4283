import { describe, expect, it } from 'vitest';
import type { CommentBucket } from '../../../../shared/contract/index';
import { healthBands, intentTotals, volumeColumns, volumeWords } from './timeline-strip.logic';

const box = { left: 10, width: 600, base: 100, room: 50 };

describe('timeline strip', () => {
  it('stacks each minute by intent in the desk order, on one scale for the show', () => {
    const from = 1_000_000;
    const buckets: CommentBucket[] = [
      { at: 960_000, total: 4, byIntent: { question: 1, order: 3 } }, // the minute GO fell in
      { at: 1_020_000, total: 8, byIntent: { complaint: 2, order: 4, question: 2 } },
    ];
    const { columns, max } = volumeColumns(buckets, from, from + 10 * 60_000, box);
    expect(max).toBe(8);
    expect(columns[0]!.x).toBe(10); // clamped to GO
    expect(columns[1]!.x).toBeCloseTo(10 + (20_000 / 600_000) * 600);
    expect(columns[1]!.stack.map((s) => [s.intent, s.n, s.h])).toEqual([
      ['order', 4, 25],
      ['question', 2, 12.5],
      ['complaint', 2, 12.5],
    ]);
    // Stacked from the base up.
    expect(columns[1]!.stack[0]!.y).toBe(75);
    expect(columns[1]!.stack[2]!.y).toBe(50);
    expect(volumeWords(columns[1]!)).toBe('+00:20 · 8 comments: 4 order, 2 question, 2 complaint');
    expect(intentTotals(buckets)).toEqual([
      { intent: 'order', n: 7 },
      { intent: 'question', n: 3 },
      { intent: 'complaint', n: 2 },
    ]);
  });
  it('draws the health per minute with its figures', () => {
    const b = healthBands([{ at: 120_000, bitrateKbps: 4200, droppedPct: 1.25, level: 'amber' }], 0, 600_000, box);
    expect(b).toEqual([{ x: 10 + 120, w: 60, level: 'amber', words: '+02:00 · stream amber, 4200 kbps, 1.3 % dropped' }]);
    // The minute GO fell in starts at GO; the minute running now stops at the strip's end.
    const edge = healthBands([{ at: 0, bitrateKbps: null, droppedPct: null, level: 'green' }, { at: 60_000, bitrateKbps: null, droppedPct: null, level: 'red' }], 30_000, 90_000, box);
    expect(edge.map((e) => [e.x, e.w])).toEqual([[10, 300], [310, 300]]);
  });
});
