// What viewers read on the countdown overlay across an offer window, from the very text the overlay
// page embeds (its source, evaluated on its own the way the page runs it).
import { describe, expect, it } from 'vitest';
import { ENDED_HOLD_MS, countdownTime, countdownView } from './overlay-countdown';
import { createOverlayPageRoute } from './overlay-page.route';

const END = 1_765_000_000_000; // a station time (ms)
const S = 1000;

// The function as the page has it: its source text alone, no module scope around it.
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const source = new Function(`return (${String(countdownTime)});`) as () => typeof countdownTime;
const embedded = source();
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const viewSource = new Function(`return (${String(countdownView)});`) as () => typeof countdownView;
const embeddedView = viewSource();

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

describe.each([
  ['the module', countdownView],
  ['its source as the page embeds it', embeddedView],
])('countdown overlay across a window\'s end (%s)', (_, view) => {
  const win = { label: 'Glow Kit ends in', kind: 'window', endsAt: END };
  const ended = { label: 'Glow Kit', kind: 'ended', endsAt: END, then: null };
  const segment = { label: 'Q&A', endsAt: END + 10 * 60 * S };

  it('draws nothing without content', () => {
    expect(view(null, END, countdownTime)).toEqual({ state: 'hidden' });
  });

  it('an open window counts down under "<offer> ends in", and holds 00:00 until the station ends it', () => {
    expect(view(win, END - 61 * S, countdownTime)).toEqual({ state: 'running', kind: 'window', label: 'Glow Kit ends in', text: '01:01' });
    expect(view(win, END + 2 * S, countdownTime)).toMatchObject({ state: 'running', text: '00:00' });
  });

  it('once the window ended, viewers read "<offer> / Ended" for the hold, then nothing', () => {
    expect(ENDED_HOLD_MS).toBe(8000);
    expect(view(ended, END, countdownTime)).toEqual({ state: 'ended', kind: 'ended', label: 'Glow Kit', text: 'Ended' });
    expect(view(ended, END + ENDED_HOLD_MS - 1, countdownTime)).toMatchObject({ state: 'ended', text: 'Ended' });
    expect(view(ended, END + ENDED_HOLD_MS, countdownTime)).toEqual({ state: 'hidden' });
    expect(view(ended, END + 60 * 60 * S, countdownTime)).toEqual({ state: 'hidden' });
  });

  it('a page whose clock is a little behind the station\'s end still reads "Ended", never a time', () => {
    expect(view(ended, END - 300, countdownTime)).toMatchObject({ state: 'ended', text: 'Ended' });
  });

  it('never a segment time straight after the window: a later segment\'s countdown only once "Ended" was held', () => {
    const thenSegment = { ...ended, then: segment };
    expect(view(thenSegment, END + 1 * S, countdownTime)).toMatchObject({ state: 'ended', label: 'Glow Kit', text: 'Ended' });
    expect(view(thenSegment, END + ENDED_HOLD_MS, countdownTime)).toEqual({ state: 'running', kind: 'segment', label: 'Q&A', text: '09:52' });
  });

  it('a segment countdown runs under its title', () => {
    expect(view({ label: 'Q&A', kind: 'segment', endsAt: END }, END - 90 * S, countdownTime)).toEqual({ state: 'running', kind: 'segment', label: 'Q&A', text: '01:30' });
  });

  it('a time it cannot read after a window shows nothing, never "Ended" for ever', () => {
    expect(view(ended, Number.NaN, countdownTime)).toEqual({ state: 'hidden' });
  });
});

it('the overlay page carries the countdown function and draws with it', async () => {
  const route = createOverlayPageRoute();
  let body = '';
  const res = { writeHead: () => res, end: (b: string) => void (body = b) };
  await route.handle({ res, rest: 'countdown' } as unknown as Parameters<typeof route.handle>[0]);
  expect(body).toContain(`var countdownTime = ${String(countdownTime)};`);
  expect(body).toContain(`var countdownView = ${String(countdownView)};`);
  expect(body).toContain('countdownView(c.countdown, performance.now() + skew, countdownTime)');
});
