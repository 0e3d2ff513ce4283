import { describe, expect, it } from 'vitest';
import { blankDomains } from '../../shared/contract/blank-state';
import type { StationState } from '../../shared/contract/index';
import { clockHold, describeStep, holdMessage, judgeDrift } from './clock-drift';

type Held = Parameters<typeof clockHold>[0];
const quiet = (): Held => ({ ...blankDomains(), cues: { showStartedAt: null } as StationState['cues'] });

describe('what would jump with a realignment', () => {
  it('nothing on a quiet station; the live show first, then the stream, an offer window, the show clock, a waiting comment', () => {
    expect(clockHold(quiet())).toBeNull();
    const s = quiet();
    s.comments = { ...s.comments, queues: [{ name: 'moderators', open: 2, claimed: 0, oldestReceivedAt: 1, watched: true, overflow: false, overflowReason: null }] };
    expect(clockHold(s)).toBe('comments-waiting');
    s.cues = { showStartedAt: 5 } as StationState['cues'];
    expect(clockHold(s)).toBe('show-clock');
    s.onair = { ...s.onair, windows: [{ phase: 'open' } as StationState['onair']['windows'][number]] };
    expect(clockHold(s)).toBe('offer-window');
    s.obs = { ...s.obs, stream: { ...s.obs.stream, phase: 'reconnecting' } };
    expect(clockHold(s)).toBe('stream-live');
    s.showday = { ...s.showday, phase: 'live' };
    expect(clockHold(s)).toBe('show-live');
  });

  it('spam (no SLA clock), an ended window and a stopped stream hold nothing', () => {
    const s = quiet();
    s.comments = { ...s.comments, queues: [{ name: 'spam', open: 40, claimed: 0, oldestReceivedAt: 1, watched: false, overflow: false, overflowReason: null }] };
    s.onair = { ...s.onair, windows: [{ phase: 'ended' } as StationState['onair']['windows'][number]] };
    s.obs = { ...s.obs, stream: { ...s.obs.stream, phase: 'idle' } };
    s.showday = { ...s.showday, phase: 'ended' };
    expect(clockHold(s)).toBeNull();
  });
});

describe('how far the clock moved, in words', () => {
  it('hours and minutes, minutes and seconds, or seconds, with the direction', () => {
    expect(describeStep(3_600_000)).toBe('+1 h 00 m');
    expect(describeStep(-3_600_000)).toBe('−1 h 00 m');
    expect(describeStep(2 * 3_600_000 + 5 * 60_000 + 40_000)).toBe('+2 h 05 m');
    expect(describeStep(600_900)).toBe('+10 m 01 s');
    expect(describeStep(-1_400)).toBe('−1 s');
    expect(holdMessage(3_600_000, 'show-live')).toBe('System clock moved +1 h 00 m; show times stay steady and will realign after the show');
  });
});

describe('what to do about a difference', () => {
  it('over a second: realign when nothing holds it, else hold with the notice', () => {
    expect(judgeDrift({ driftMs: 1_001, hold: null, noticed: false })).toEqual({ kind: 'realign' });
    expect(judgeDrift({ driftMs: -3_600_000, hold: 'show-live', noticed: false })).toEqual({ kind: 'hold', message: holdMessage(-3_600_000, 'show-live') });
  });

  it('a second or less is nothing, unless a notice is up: withdrawn when settled, kept or realigned in between (no flapping at the mark)', () => {
    expect(judgeDrift({ driftMs: 1_000, hold: null, noticed: false })).toEqual({ kind: 'none' });
    expect(judgeDrift({ driftMs: -400, hold: 'show-live', noticed: true })).toEqual({ kind: 'withdraw' });
    expect(judgeDrift({ driftMs: 900, hold: 'show-live', noticed: true })).toEqual({ kind: 'none' });
    expect(judgeDrift({ driftMs: 900, hold: null, noticed: true })).toEqual({ kind: 'realign' });
  });
});
