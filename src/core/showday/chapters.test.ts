import { describe, expect, it } from 'vitest';
import type { SegmentMark } from '../../shared/contract/index';
import { chapterLines, formatOffset } from './chapters';

const seg = (at: number, title: string): SegmentMark => ({
  at,
  segmentId: title,
  title,
  totals: { views: 0, addToCart: 0, checkouts: 0, orders: 0, revenue: 0, paymentErrors: 0 },
});

describe('chapters', () => {
  it('formats offsets as mm:ss, and h:mm:ss past an hour', () => {
    expect(formatOffset(0)).toBe('00:00');
    expect(formatOffset(65_400)).toBe('01:05');
    expect(formatOffset(3_723_000)).toBe('1:02:03');
  });

  it('starts at 00:00 with segment times relative to the stream start', () => {
    const start = 1_000_000;
    expect(chapterLines([seg(start + 2000, 'Intro'), seg(start + 95_000, 'Demo'), seg(start + 3_700_000, 'Closing')], start, start + 4_000_000)).toEqual([
      '00:00 Intro',
      '01:35 Demo',
      '1:01:40 Closing',
    ]);
  });

  it('adds a pre-show chapter when the first segment starts late, folds segments under 10 s and flattens titles', () => {
    const start = 0;
    expect(chapterLines([seg(30_000, 'Intro'), seg(60_000, 'Oops'), seg(65_000, 'Demo\nline two')], start, 100_000)).toEqual([
      '00:00 Pre-show',
      '00:30 Intro',
      '01:00 Demo line two',
    ]);
  });

  it('keeps a chapter on one line even when its title carries a next-line or separator character', () => {
    // U+0085 (NEL) and U+2028/2029 end a line in some readers of a chapter file.
    expect(chapterLines([seg(0, 'Demo\u0085# line two'), seg(20_000, 'Q&A\u2028Part 2'), seg(40_000, ' \u0000 ')], 0, 60_000)).toEqual([
      '00:00 Demo # line two',
      '00:20 Q&A Part 2',
      '00:40 Untitled',
    ]);
  });
});
