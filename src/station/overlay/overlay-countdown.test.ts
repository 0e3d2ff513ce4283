// What viewers read on the countdown overlay across an offer window, from the very text the overlay
// page embeds (its source, evaluated on its own the way the page runs it).
import { describe, expect, it } from 'vitest';
import { countdownTime } from './overlay-countdown';
import { createOverlayPageRoute } from './overlay-page.route';

const END = 1_765_000_000_000; // a station time (ms)
const S = 1000;

// The function as the page has it: its source text alone, no module scope around it.
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const source = new Function(`return (${String(countdownTime)});`) as () => typeof countdownTime;
const embedded = source();

describe.each([
  ['the module', countdownTime],
  ['its source as the page embeds it', embedded],
])('countdown overlay time (%s)', (_, time) => {
  it('at the start of a five-minute window reads the whole five minutes', () => {
    expect(time(END, END - 5 * 60 * S)).toBe('05:00');
  });

  it('while running shows minutes and seconds, rounded up to the whole second', () => {
    expect(time(END, END - 4 * 60 * S - 59.2 * S)).toBe('05:00');
    expect(time(END, END - 4 * 60 * S - 58.9 * S)).toBe('04:59');
    expect(time(END, END - 61 * S)).toBe('01:01');
    expect(time(END, END - 60 * S)).toBe('01:00');
    expect(time(END, END - 59.001 * S)).toBe('01:00');
    expect(time(END, END - 59 * S)).toBe('00:59');
  });

  it('in the last seconds counts each one and reads 00:00 only at the end', () => {
    expect(time(END, END - 10 * S)).toBe('00:10');
    expect(time(END, END - 9.5 * S)).toBe('00:10');
    expect(time(END, END - 1 * S)).toBe('00:01');
    expect(time(END, END - 1)).toBe('00:01');
    expect(time(END, END)).toBe('00:00');
  });

  it('past the end (the station has not closed the window yet) holds at 00:00, never negative', () => {
    expect(time(END, END + 1)).toBe('00:00');
    expect(time(END, END + 95 * S)).toBe('00:00');
  });

  it('a window longer than an hour keeps counting minutes', () => {
    expect(time(END, END - 75 * 60 * S)).toBe('75:00');
    expect(time(END, END - (120 * 60 + 1) * S)).toBe('120:01');
  });

  it('a time it cannot read shows 00:00, never NaN', () => {
    expect(time(Number.NaN, END)).toBe('00:00');
    expect(time(END, Number.NaN)).toBe('00:00');
  });
});

it('the overlay page carries the countdown function and draws with it', async () => {
  const route = createOverlayPageRoute();
  let body = '';
  const res = { writeHead: () => res, end: (b: string) => void (body = b) };
  await route.handle({ res, rest: 'countdown' } as unknown as Parameters<typeof route.handle>[0]);
  expect(body).toContain(`var countdownTime = ${String(countdownTime)};`);
  expect(body).toContain('countdownTime(c.countdown.endsAt, performance.now() + skew)');
});
