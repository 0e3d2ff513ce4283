// Text cut to a bound on a code point: `slice` counts UTF-16 units and can end on the first half of
// a surrogate pair, which SQLite and PostgreSQL cannot store as such and a view draws as �.

/** Cuts text to at most `max` code units without splitting a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const lastUnit = cut.charCodeAt(cut.length - 1);
  return lastUnit >= 0xd800 && lastUnit <= 0xdbff ? cut.slice(0, -1) : cut;
}
