import { describe, expect, it } from 'vitest';
import type { CuesState } from '../../shared/contract/index';
import { nextRundown } from './rundown.track';

const T0 = 1_800_000_000_000;
const cues = (over: Partial<CuesState>): CuesState => ({
  loaded: null,
  current: null,
  next: null,
  index: 0,
  total: 3,
  armed: null,
  showStartedAt: null,
  segmentStartedAt: null,
  segmentPlannedSeconds: null,
  override: null,
  changedAt: null,
  ...over,
});
const at = (segmentId: string, startedAt: number, showStartedAt = T0) =>
  cues({ showStartedAt, segmentStartedAt: startedAt, current: { id: `${segmentId}.1`, kind: 'demo', text: 'x', segmentId, segmentTitle: segmentId.toUpperCase() } });

describe('rundown tracking', () => {
  it('records each segment as it becomes current and closes the one before', () => {
    let r = nextRundown([], at('open', T0));
    expect(r).toEqual([{ segmentId: 'open', title: 'OPEN', startedAt: T0, endedAt: null }]);
    // A cue change inside the same segment changes nothing (same array back).
    expect(nextRundown(r, at('open', T0))).toBe(r);
    r = nextRundown(r, at('demo', T0 + 65_000));
    expect(r).toEqual([
      { segmentId: 'open', title: 'OPEN', startedAt: T0, endedAt: T0 + 65_000 },
      { segmentId: 'demo', title: 'DEMO', startedAt: T0 + 65_000, endedAt: null },
    ]);
  });

  it('starts over when the show clock is reset or restarted, and ignores a stopped clock', () => {
    const r = nextRundown(nextRundown([], at('open', T0)), at('demo', T0 + 10_000));
    expect(nextRundown(r, cues({}))).toEqual([]);
    expect(nextRundown([], cues({}))).toEqual([]);
    const again = nextRundown(r, at('open', T0 + 99_000, T0 + 99_000));
    expect(again).toEqual([{ segmentId: 'open', title: 'OPEN', startedAt: T0 + 99_000, endedAt: null }]);
  });
});
