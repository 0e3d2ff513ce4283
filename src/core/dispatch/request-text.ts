// A request's text made canonical before anything reads it: every string (keys included) is
// well-formed UTF-16, lone surrogates replaced by U+FFFD and counted, so validation, handlers,
// error messages and the audit hash all see the same text. Depth and size are bounded on the way,
// so no later layer (zod, JSON, the hash) can be driven into a stack overflow.

import { wellFormed } from '../storage/well-formed-text';

export const MAX_ARGS_DEPTH = 64;
export const MAX_ARGS_VALUES = 100_000;

export type CanonicalArgs = { ok: true; value: unknown; replaced: number } | { ok: false; message: string };

/** Arguments with every string well-formed; the same object back when nothing needed replacing. */
export function canonicalArgs(value: unknown): CanonicalArgs {
  let replaced = 0;
  let values = 0;
  let problem: string | null = null;

  const walk = (v: unknown, depth: number): unknown => {
    if (problem) return v;
    values += 1;
    if (values > MAX_ARGS_VALUES) {
      problem = `the arguments hold more than ${MAX_ARGS_VALUES} values`;
      return v;
    }
    if (typeof v === 'string') {
      const w = wellFormed(v);
      replaced += w.replaced;
      return w.text;
    }
    if (typeof v !== 'object' || v === null) return v;
    if (depth >= MAX_ARGS_DEPTH) {
      problem = `the arguments are nested deeper than ${MAX_ARGS_DEPTH} levels`;
      return v;
    }
    if (Array.isArray(v)) {
      let copy: unknown[] | null = null;
      for (let i = 0; i < v.length && !problem; i++) {
        const item: unknown = v[i];
        const next = walk(item, depth + 1);
        if (next !== item && !copy) copy = v.slice();
        if (copy) copy[i] = next;
      }
      return copy ?? v;
    }
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return v; // not JSON data: validation refuses it
    const source = v as Record<string, unknown>;
    let changed = false;
    const entries: [string, unknown][] = [];
    for (const key of Object.keys(source)) {
      if (problem) break;
      const k = wellFormed(key);
      replaced += k.replaced;
      const item = source[key];
      const next = walk(item, depth + 1);
      if (k.replaced > 0 || next !== item) changed = true;
      entries.push([k.text, next]);
    }
    if (!changed) return v;
    const copy: Record<string, unknown> = {};
    // defineProperty: a key named "__proto__" stays data, never a prototype.
    for (const [k, item] of entries) Object.defineProperty(copy, k, { value: item, enumerable: true, writable: true, configurable: true });
    return copy;
  };

  const out = walk(value, 0);
  if (problem) return { ok: false, message: problem };
  return { ok: true, value: out, replaced };
}

/** The note an audit row carries when a request's text was repaired. */
export function replacementNote(replaced: number): string {
  return `${replaced} ill-formed UTF-16 code unit${replaced === 1 ? ' was' : 's were'} replaced by U+FFFD`;
}
