import { describe, expect, it } from 'vitest';
import { MAX_COMMENT_CHARS } from '../../shared/contract/index';
import { cleanText, rawJson } from './comment.model';

describe('comment model', () => {
  it('keeps RTL, emoji and markup as text and drops control characters', () => {
    expect(cleanText('مرحبا 😍 <b>hi</b>\u0007\r\nok')).toBe('مرحبا 😍 <b>hi</b>\nok');
  });

  it('cuts an over-long platform line visibly, never in the middle of an emoji', () => {
    const long = `${'a'.repeat(MAX_COMMENT_CHARS - 2)}😍😍😍`;
    const out = cleanText(long);
    expect(out.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(out.endsWith('…')).toBe(true);
    expect(out).not.toMatch(/[\uD800-\uDBFF]…$/);
    expect(cleanText('short')).toBe('short');
  });

  it('caps the stored raw payload', () => {
    expect(rawJson({ a: 'x'.repeat(10_000) })).toMatch(/^\{"truncated":true,"head":/);
    expect(rawJson(null)).toBeNull();
  });
});
