// The station's time as a view reads it, while this machine's wall clock steps or is simply wrong.
// A desktop view runs on the station's machine, so NTP stepping the station's clock steps the view's
// too; the station's comment times do not move (they are on its steady clock), so the view must not
// either: a comment received 30 s ago reads 30 s old, and its SLA turns red after 60 s of real time,
// not at once (step forward) nor an hour late (step back).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { slaLevel, waitedSeconds } from '../features/comments/comments.logic';
import { applyMessage, type Mirror } from './apply-message';
import { localClock, stationNow } from './station-clock';

const HOUR = 3_600_000;
const SLA_SECONDS = 60;
const STATION_START = Date.UTC(2026, 11, 3, 19, 0, 0);
const empty: Mirror = { state: null, rev: 0, role: null, actor: null, clockOffsetMs: 0 };

afterEach(() => {
  vi.useRealTimers();
});

/** A view whose machine's wall clock is `skewMs` off the station's; a comment the station received at STATION_START. */
function view(skewMs: number) {
  vi.useFakeTimers({ toFake: ['Date', 'performance'], now: STATION_START + skewMs });
  const received = { receivedAt: STATION_START, answeredAt: null };
  // The hello, 10 s after the comment arrived: the station's time then.
  vi.advanceTimersByTime(10_000);
  const mirror = applyMessage(empty, { t: 'hello', actor: 'Ana', role: 'moderator', roles: ['moderator'], at: STATION_START + 10_000 }, localClock()).mirror;
  const now = () => stationNow(mirror.clockOffsetMs);
  return { received, now };
}

describe.each([
  ['forward', HOUR],
  ['back', -HOUR],
])('this machine\'s wall clock stepped an hour %s after the hello', (_dir, step) => {
  it('a comment received 30 s ago reads 30 s old; its SLA turns amber after 45 s and red after 60 s of real time', () => {
    const { received, now } = view(0);
    vi.advanceTimersByTime(20_000);
    vi.setSystemTime(Date.now() + step);
    expect(waitedSeconds(received, now())).toBe(30);
    expect(slaLevel(received, now(), SLA_SECONDS)).toBe('green');
    vi.advanceTimersByTime(16_000);
    expect(slaLevel(received, now(), SLA_SECONDS)).toBe('amber');
    vi.advanceTimersByTime(15_000);
    expect(waitedSeconds(received, now())).toBe(61);
    expect(slaLevel(received, now(), SLA_SECONDS)).toBe('red');
  });
});

it('a browser whose clock is 7 minutes off, either way, reads the station\'s time, not its own', () => {
  for (const skew of [7 * 60_000, -7 * 60_000]) {
    const { received, now } = view(skew);
    vi.advanceTimersByTime(35_000);
    expect(waitedSeconds(received, now())).toBe(45);
    vi.useRealTimers();
  }
});
