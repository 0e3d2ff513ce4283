// The countdown overlay's time as viewers read it. One self-contained function: the overlay page
// embeds its source text (overlay-page.route), so the unit tests and OBS's browser source run the same code.

/**
 * Time left until `endsAt` at station time `now`, as "mm:ss": whole seconds rounded up, so it reads
 * 00:00 only once the end is reached, and holds there (never negative, never NaN) until the station
 * closes the window; past an hour the minutes go on counting ("75:00"), which a viewer reads at once.
 * No imports, helpers or closures: the page runs this function's source as it stands.
 */
export function countdownTime(endsAt: number, now: number): string {
  const up = Math.ceil((endsAt - now) / 1000);
  const left = up > 0 ? up : 0;
  const m = Math.floor(left / 60);
  const s = left % 60;
  return (m < 10 ? '0' : '') + m + ':' + (s < 10 ? '0' : '') + s;
}

/** How long viewers read "Ended" after an offer window, before the overlay goes blank (or to a later segment). */
export const ENDED_HOLD_MS = 8000;

/** What the countdown overlay draws at station time `now`: a running time, an offer's end, or nothing. */
export type CountdownView =
  | { state: 'running'; kind: 'window' | 'segment'; label: string; text: string }
  | { state: 'ended'; kind: 'ended'; label: string; text: string }
  | { state: 'hidden' };

/**
 * The countdown overlay at station time `now`, from the station's countdown content (null: hidden).
 * A window that ended reads "<offer> / Ended" for 8 s (ENDED_HOLD_MS) from its end, then the
 * segment countdown the station sends in `then` (a segment begun after the window), else nothing:
 * never the segment's time straight after "ends in 00:00", which reads as the offer running on.
 * Self-contained like `countdownTime`, which the page passes in as `time` (a bundler may rename a
 * direct call, and the page would then call a name it never declared).
 */
export function countdownView(
  c: { label: string; kind: string; endsAt: number; then?: { label: string; endsAt: number } | null } | null,
  now: number,
  time: (endsAt: number, now: number) => string,
): CountdownView {
  if (!c) return { state: 'hidden' };
  if (c.kind === 'ended') {
    // Also a page whose clock is a little behind the station's end: the station said it ended. A time
    // it cannot read (NaN) compares false: past the hold, never "Ended" for ever.
    if (now < c.endsAt + 8000) return { state: 'ended', kind: 'ended', label: c.label, text: 'Ended' };
    const t = c.then;
    return t ? { state: 'running', kind: 'segment', label: t.label, text: time(t.endsAt, now) } : { state: 'hidden' };
  }
  return { state: 'running', kind: c.kind === 'window' ? 'window' : 'segment', label: c.label, text: time(c.endsAt, now) };
}
