import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../shared/contract/index';
import { auditTimes } from './audit-times.logic';

const HOUR = 3_600_000;
const T = Date.UTC(2026, 11, 8, 9, 0, 0);
const stamped = (ms: number) => `@${ms}`;
const row = (seq: number, at: number, command = 'offer.pause', args: unknown = {}): AuditEntry => ({
  seq,
  at,
  actor: 'Sam Lee',
  role: 'producer',
  via: 'ws',
  command,
  args,
  outcome: 'ok',
  detail: null,
  durationMs: 1,
  hash: `h${seq}`,
});
const note = (at: number) => `Stamped @${at} on the station's clock before it was corrected; shown on the corrected clock`;

describe('audit rows around a realignment of the station clock', () => {
  it('a clock an hour fast, put right: the rows before the realignment read on the corrected clock, though their stamps are above later rows', () => {
    // Rows 1–2 stamped 10:00 and 10:04 on the fast clock; the realignment at 09:05 on the corrected one; row 4 at 09:06.
    const entries = [
      row(4, T + 6 * 60_000),
      row(3, T + 5 * 60_000, 'station.clock.realigned', { offsetSeconds: -3600 }),
      row(2, T + HOUR + 4 * 60_000),
      row(1, T + HOUR),
    ];
    const shown = auditTimes(entries, stamped);
    expect(shown.get(4)).toEqual({ at: T + 6 * 60_000, note: null });
    expect(shown.get(3)).toEqual({ at: T + 5 * 60_000, note: null });
    expect(shown.get(2)).toEqual({ at: T + 4 * 60_000, note: note(T + HOUR + 4 * 60_000) });
    expect(shown.get(1)).toEqual({ at: T, note: note(T + HOUR) });
  });

  it('two realignments add up for the rows before both; rows in any order are read by seq', () => {
    const entries = [
      row(1, T),
      row(2, T + HOUR + 1000, 'station.clock.realigned', { offsetSeconds: 3600 }),
      row(3, T + HOUR + 2000),
      row(4, T + HOUR + 3000 + 30_000, 'station.clock.realigned', { offsetSeconds: 30 }),
    ];
    const shown = auditTimes(entries, stamped);
    expect(shown.get(1)?.at).toBe(T + HOUR + 30_000);
    expect(shown.get(2)?.at).toBe(T + HOUR + 1000 + 30_000);
    expect(shown.get(3)?.at).toBe(T + HOUR + 2000 + 30_000);
    expect(shown.get(4)).toEqual({ at: T + HOUR + 3000 + 30_000, note: null });
  });

  it('no realignment in the list, or one with no readable offset: every row as stamped', () => {
    expect([...auditTimes([row(2, T), row(1, T - 1000)], stamped).values()]).toEqual([
      { at: T, note: null },
      { at: T - 1000, note: null },
    ]);
    expect(auditTimes([row(2, T, 'station.clock.realigned', { offsetSeconds: 'x' }), row(1, T - 1000)], stamped).get(1)).toEqual({
      at: T - 1000,
      note: null,
    });
    expect(auditTimes([row(2, T, 'station.clock.realigned', null), row(1, T - 1000)], stamped).get(1)).toEqual({
      at: T - 1000,
      note: null,
    });
  });
});
