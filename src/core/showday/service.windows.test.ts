import { describe, expect, it } from 'vitest';
import { approvalWindows, createServiceWindows } from './service.windows';

const M = 60_000;
const T0 = 1_000 * M; // GO, on a minute boundary
const answered = (id: string, queue: string, receivedAt: number, seconds: number) => ({ id, queue, receivedAt, answeredAt: receivedAt + seconds * 1000 });

describe('comment response windows', () => {
  it('gives p50/p90 per queue and in total over 1, 5, 15 min and the show, by the minute of the answer', () => {
    const w = createServiceWindows({ startAt: T0, slaSeconds: 60 });
    const now = T0 + 20 * M + 45_000;
    // Minute 2 (outside 15 min): 10 s and 200 s; minute 10: 30 s; minute 20 (now): 5, 20, 90 s.
    for (const c of [
      answered('a', 'buy', T0 + 2 * M, 10),
      answered('b', 'questions', T0 + 2 * M, 200),
      answered('c', 'buy', T0 + 10 * M, 30),
      answered('d', 'buy', T0 + 20 * M, 5),
      answered('e', 'buy', T0 + 20 * M + 1000, 20),
      answered('f', 'questions', T0 + 19 * M, 90),
    ])
      expect(w.add(c, now)).toEqual({ ok: true });
    const v = w.view(now, []);
    // 1 min: {5, 20, 90}: nearest rank p50 = 20, p90 = 90; two within 60 s.
    expect(v.responses.total['1m']).toEqual({ answered: 3, withinSla: 2, p50: 20, p90: 90 });
    expect(v.responses.total['5m']).toEqual(v.responses.total['1m']);
    // 15 min adds minute 10's 30 s: {5, 20, 30, 90}: p50 = rank 2 = 20, p90 = rank 4 = 90.
    expect(v.responses.total['15m']).toEqual({ answered: 4, withinSla: 3, p50: 20, p90: 90 });
    // Whole show: {5, 10, 20, 30, 90, 200}: p50 = rank 3 = 20, p90 = rank 6 = 200.
    expect(v.responses.total.show).toEqual({ answered: 6, withinSla: 4, p50: 20, p90: 200 });
    expect(v.responses.queues.buy!.show).toEqual({ answered: 4, withinSla: 4, p50: 10, p90: 30 });
    expect(v.responses.queues.questions!['1m']).toEqual({ answered: 1, withinSla: 0, p50: 90, p90: 90 });
    // Minutes by answer time: a and b at minute 2 (b answered at 5:20), c at 10, d e f at 20.
    expect(v.series.map((p) => [(p.at - T0) / M, p.answered])).toEqual([
      [2, 1],
      [5, 1],
      [10, 1],
      [20, 3],
    ]);
  });

  it('counts a late answer in its own minute, a duplicate once, and refuses impossible ones', () => {
    const w = createServiceWindows({ startAt: T0, slaSeconds: 60 });
    const now = T0 + 10 * M;
    expect(w.add(answered('x', 'buy', T0 + 9 * M, 30), now).ok).toBe(true);
    // Arrives late (out of order): answered in minute 3, counted there, not in the last minute.
    expect(w.add(answered('y', 'buy', T0 + 3 * M, 12), now).ok).toBe(true);
    expect(w.add(answered('x', 'buy', T0 + 9 * M, 30), now)).toEqual({ ok: false, reason: 'comment x already counted' });
    expect(w.add({ id: 'z', queue: 'buy', receivedAt: T0 + 5 * M, answeredAt: T0 + 4 * M }, now).ok).toBe(false);
    expect(w.add(answered('f', 'buy', now + M, 1), now).ok).toBe(false);
    expect(w.add(answered('b', 'buy', T0 - 2 * M, 1), now).ok).toBe(false);
    const v = w.view(now, []);
    expect(v.responses.total['1m'].answered).toBe(0);
    expect(v.responses.total['5m']).toMatchObject({ answered: 1, p50: 30 });
    expect(v.responses.total.show).toMatchObject({ answered: 2, p50: 12, p90: 30 });
    expect(v.refused).toBe(4);
  });
});

describe('approval SLA windows', () => {
  it('counts requests decided on time, late, and overdue at their due time', () => {
    const now = T0 + 29 * M + 30_000;
    const w = approvalWindows(
      [
        { requestedAt: T0 + M, dueAt: T0 + 11 * M, decidedAt: T0 + 5 * M }, // on time, minute 5
        { requestedAt: T0 + 20 * M, dueAt: T0 + 25 * M, decidedAt: T0 + 29 * M }, // late, minute 29
        { requestedAt: T0 + 10 * M, dueAt: T0 + 20 * M, decidedAt: null }, // overdue since minute 20
        { requestedAt: T0 + 28 * M, dueAt: T0 + 40 * M, decidedAt: null }, // open, not due
      ],
      now,
      T0,
    );
    expect(w['1m']).toEqual({ due: 1, onTime: 0, open: 1 });
    expect(w['15m']).toEqual({ due: 2, onTime: 0, open: 1 });
    expect(w.show).toEqual({ due: 3, onTime: 1, open: 1 });
  });
});
