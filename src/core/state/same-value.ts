// Whether a slice handed to the state store says the same as the one it holds: a deep comparison
// of JSON-like values that stops at the first difference, skips subtrees shared by identity (an
// immutable update shares what it did not touch), and gives up after a bounded number of nodes —
// on the hot path of every `set`, a slice too large to compare cheaply is simply treated as changed.

/** Nodes compared before giving up (a few hundred µs at worst; a typical slice needs tens). */
export const SAME_VALUE_BUDGET = 4096;

/** True only when `a` and `b` are equal as JSON-like values; false when they differ or the budget runs out. */
export function sameValue(a: unknown, b: unknown, budget = SAME_VALUE_BUDGET): boolean {
  let left = budget;
  const same = (x: unknown, y: unknown): boolean => {
    if (Object.is(x, y)) return true;
    if (--left < 0) return false;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (Array.isArray(x)) {
      if (!Array.isArray(y) || x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) if (!same(x[i], y[i])) return false;
      return true;
    }
    // Plain objects only: anything else (a Map, a Date) is not compared field by field.
    if (Array.isArray(y) || Object.getPrototypeOf(x) !== Object.prototype || Object.getPrototypeOf(y) !== Object.prototype) return false;
    const xo = x as Record<string, unknown>;
    const yo = y as Record<string, unknown>;
    const keys = Object.keys(xo);
    if (keys.length !== Object.keys(yo).length) return false;
    for (const k of keys) if (!Object.hasOwn(yo, k) || !same(xo[k], yo[k])) return false;
    return true;
  };
  return same(a, b);
}
