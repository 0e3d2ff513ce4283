import { describe, expect, it } from 'vitest';
import type { TimelineItem } from '../../../../shared/contract/index';
import { minutesWithItems, pauseMarkers, showClock, visibleItems } from './timeline.logic';

const item = (at: number, kind: TimelineItem['kind'], label: string): TimelineItem => ({ at, kind, label, detail: '', by: null, auditSeq: null });

describe('incident timeline logic', () => {
  it('puts times on the show clock', () => {
    expect(showClock(1000 + 65_000, 1000)).toBe('+01:05');
    expect(showClock(1000 + 3_725_000, 1000)).toBe('+1:02:05');
    expect(showClock(0, 5000)).toBe('−00:05');
  });
  it('marks confirmed pauses and resumes (not refused ones) on the chart, in minutes since GO', () => {
    const items = [item(0, 'go', 'GO'), item(90_000, 'offer', 'glow paused'), item(100_000, 'offer', 'glow paused: failed'), item(180_000, 'offer', 'glow resumed')];
    expect(pauseMarkers(items, 0)).toEqual([
      { t: 1.5, kind: 'pause', label: 'glow paused' },
      { t: 3, kind: 'resume', label: 'glow resumed' },
    ]);
  });
  it('lists newest first and zooms to a minute', () => {
    const items = [item(0, 'go', 'GO'), item(61_000, 'alert', 'a'), item(62_000, 'cleared', 'b'), item(130_000, 'end', 'END')];
    expect(visibleItems(items, 0, null).map((i) => i.label)).toEqual(['END', 'b', 'a', 'GO']);
    expect(visibleItems(items, 0, 1).map((i) => i.label)).toEqual(['b', 'a']);
    expect(minutesWithItems(items, 0)).toEqual([0, 1, 2]);
  });
});
