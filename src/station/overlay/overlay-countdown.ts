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
