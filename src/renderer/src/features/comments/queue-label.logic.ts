// The short overflow line under a queue tab: the station's reasons without their limits, so it
// fits a 210-pixel column in two lines; the whole sentence stays the tab's tooltip.

/**
 * "61 items waiting (limit 40; 427 comments), oldest 95 s (limit 90 s)" → "61 items waiting · oldest 95 s".
 * A reason of another shape is kept as it is (never dropped: an overflow always says why).
 */
export function overflowShort(reason: string | null): string {
  if (!reason) return '';
  return reason
    .split(', ')
    .map((part) => part.replace(/\s*\([^()]*\)\s*$/, '').trim() || part)
    .join(' · ');
}
