import { describe, expect, it } from 'vitest';
import type { OfferWindowView, ScriptSegment, TalkbackMessage } from '../../../../shared/contract/index';
import { overUnderText, rundown } from './rundown.logic';
import { firstName, readLine } from './talkback.logic';
import { windowLine } from './window.logic';
import { segmentLevel } from '../cues/host-card.logic';

const T0 = 1_800_000_000_000;
const seg = (id: string, plannedSeconds: number | null): ScriptSegment => ({ id, title: id, plannedSeconds, offerId: null, cues: [] });
const SEGMENTS = [seg('open', 60), seg('demo', 120), seg('offer', 300), seg('close', 60)];

describe('rundown timing', () => {
  it('shows planned vs actual, the running over/under and the projected end', () => {
    const ran = [
      { segmentId: 'open', title: 'open', startedAt: T0, endedAt: T0 + 75_000 },
      { segmentId: 'demo', title: 'demo', startedAt: T0 + 75_000, endedAt: T0 + 175_000 },
      { segmentId: 'offer', title: 'offer', startedAt: T0 + 175_000, endedAt: null },
    ];
    const now = T0 + 175_000 + 100_000;
    const r = rundown(SEGMENTS, ran, now);
    expect(r.rows.map((x) => x.state)).toEqual(['done', 'done', 'current', 'next']);
    expect(r.rows[0]?.deltaMs).toBe(15_000);
    expect(r.rows[1]?.deltaMs).toBe(-20_000);
    expect(r.overUnderMs).toBe(-5_000);
    // 200 s left of the offer segment, then the 60 s close.
    expect(r.projectedEndAt).toBe(now + 200_000 + 60_000);
    expect(r.rows[2]?.alarm).toBeNull();
    expect(r.plannedTotalMs).toBe(540_000);
  });

  it('warns before the current segment over-runs, then counts the over-run into the show', () => {
    const ran = [{ segmentId: 'open', title: 'open', startedAt: T0, endedAt: null }];
    expect(rundown(SEGMENTS, ran, T0 + 29_000).rows[0]?.alarm).toBeNull();
    expect(rundown(SEGMENTS, ran, T0 + 31_000).rows[0]?.alarm).toBe('warn');
    const over = rundown(SEGMENTS, ran, T0 + 70_000);
    expect(over.rows[0]?.alarm).toBe('over');
    expect(over.overUnderMs).toBe(10_000);
    expect(over.projectedEndAt).toBe(T0 + 70_000 + 480_000);
  });

  it('marks segments jumped over as skipped and has no projection before the clock starts', () => {
    const ran = [{ segmentId: 'offer', title: 'offer', startedAt: T0, endedAt: null }];
    expect(rundown(SEGMENTS, ran, T0).rows.map((x) => x.state)).toEqual(['skipped', 'skipped', 'current', 'next']);
    expect(rundown(SEGMENTS, [], T0).projectedEndAt).toBeNull();
    expect(overUnderText(65_000)).toBe('1:05 over');
    expect(overUnderText(-40_000)).toBe('0:40 under');
    expect(overUnderText(200)).toBe('on time');
  });
});

describe('talkback read line', () => {
  const m: TalkbackMessage = { id: 't', preset: 'wrap_30s', text: 'WRAP UP', sentAt: T0, sentBy: 'Maya', ackAt: null, ackBy: null };
  it('says who read it and how long after', () => {
    expect(readLine(m, T0 + 4000)).toBe('not read yet · sent 4 s ago');
    expect(readLine({ ...m, ackAt: T0 + 2200, ackBy: 'Leo Martins (host)' }, T0 + 9000)).toBe('read by Leo 2 s after');
    expect(firstName('studio-deck')).toBe('studio-deck');
  });
});

describe('window line and segment colours', () => {
  const w: OfferWindowView = { offerId: 'k', offerName: 'Kit', openedAt: T0, openedBy: 'A', endsAt: T0 + 120_000, phase: 'open', endReason: null, endedAt: null, problem: null, cta: null, marks: [], changes: [] };
  it('goes amber in the last minute and red in the last ten seconds; an unconfirmed end is red', () => {
    expect(windowLine(w, T0).level).toBe('ok');
    expect(windowLine(w, T0 + 61_000).level).toBe('amber');
    expect(windowLine(w, T0 + 111_000).level).toBe('red');
    expect(windowLine({ ...w, phase: 'ending', problem: 'ending — store unreachable' }, T0).text).toBe('ending — store unreachable');
  });
  it('colours the host’s segment time left amber near the end and red past it', () => {
    expect(segmentLevel({ show: 0, segment: 100_000, segmentOver: false, segmentPlanned: true }, 600)).toBe('ok');
    expect(segmentLevel({ show: 0, segment: 50_000, segmentOver: false, segmentPlanned: true }, 600)).toBe('amber');
    expect(segmentLevel({ show: 0, segment: 20_000, segmentOver: false, segmentPlanned: true }, 60)).toBe('amber');
    expect(segmentLevel({ show: 0, segment: -1, segmentOver: true, segmentPlanned: true }, 60)).toBe('red');
    expect(segmentLevel({ show: 0, segment: 5_000, segmentOver: false, segmentPlanned: false }, null)).toBe('ok');
  });
});
