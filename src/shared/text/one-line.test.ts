import { describe, expect, it } from 'vitest';
import { oneLine } from './one-line';

describe('oneLine', () => {
  it('folds every kind of line break and control character into one space', () => {
    expect(oneLine('a\nb\r\nc\u0085d\u2028e\u2029f\tg\u0000h\u007fi\u009bj')).toBe('a b c d e f g h i j');
  });

  it('keeps emoji, RTL and markup as text, trimmed', () => {
    expect(oneLine('  <b>مرحبا</b>   👍🏽  ')).toBe('<b>مرحبا</b> 👍🏽');
  });

  it('drops explicit direction embeddings, overrides and isolates (a line cannot flip the text after it)', () => {
    expect(oneLine('a\u202ab\u202bc\u202cd\u202de\u202ef\u2066g\u2067h\u2068i\u2069j')).toBe('abcdefghij');
    // The marks (LRM, RLM, ALM) scope nothing and stay.
    expect(oneLine('x\u200ey\u200fz\u061c')).toBe('x\u200ey\u200fz\u061c');
  });
});
