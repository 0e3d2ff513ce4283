import { describe, expect, it } from 'vitest';
import { MAX_ARGS_DEPTH, canonicalArgs } from './request-text';
import { toWellFormed, wellFormed } from '../storage/well-formed-text';
import { clip } from '../../shared/text/clip';
import { shapeOf } from './args-shape';

const nest = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};

describe('request text', () => {
  it('replaces lone surrogates only, counting them; pairs, NUL and RTL marks stay', () => {
    expect(wellFormed('a\ud800b\udc00😀\u0000\u202e')).toEqual({ text: 'a\ufffdb\ufffd😀\u0000\u202e', replaced: 2 });
    expect(wellFormed('\udc00\ud800')).toEqual({ text: '\ufffd\ufffd', replaced: 2 });
    expect(wellFormed('plain')).toEqual({ text: 'plain', replaced: 0 });
    // The audit writer's count-free form gives the same text.
    for (const t of ['a\ud800b\udc00😀\u0000\u202e', '\udc00\ud800', 'plain', '']) expect(toWellFormed(t)).toBe(wellFormed(t).text);
  });

  it('cuts text without splitting a surrogate pair', () => {
    expect(clip('ab😀', 3)).toBe('ab');
    expect(clip('ab😀', 4)).toBe('ab😀');
  });

  it('hands back the same arguments when nothing needed replacing', () => {
    const args = { a: ['x', { b: 'y' }], n: 1 };
    const r = canonicalArgs(args);
    expect(r).toEqual({ ok: true, value: args, replaced: 0 });
    expect(r.ok && r.value).toBe(args);
  });

  it('replaces in keys and nested values, and keeps a "__proto__" key as plain data', () => {
    const args = JSON.parse('{"__proto__": {"polluted": "\\ud800"}, "k\\udfff": ["\\ud800"]}') as unknown;
    const r = canonicalArgs(args);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.replaced).toBe(3);
    const value = r.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'k\ufffd']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(`allows ${MAX_ARGS_DEPTH} levels of nesting and refuses one more`, () => {
    expect(canonicalArgs(nest(MAX_ARGS_DEPTH)).ok).toBe(true);
    expect(canonicalArgs(nest(MAX_ARGS_DEPTH + 1))).toEqual({ ok: false, message: `the arguments are nested deeper than ${MAX_ARGS_DEPTH} levels` });
  });

  it('summarises a shape without any value, secrets named as such', () => {
    expect(shapeOf({ a: 'xy', b: [1], c: { d: 1 }, e: null, f: true, code: 'abc' }, ['code'])).toEqual({
      a: 'string(2)', b: 'array(1)', c: 'object(1)', e: 'null', f: 'boolean', code: '[secret]',
    });
    expect(shapeOf('raw text')).toBe('string(8)');
    expect(shapeOf([1, 2])).toBe('array(2)');
  });
});
