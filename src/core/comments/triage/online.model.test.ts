import { describe, expect, it } from 'vitest';
import { createOnlineModel, featurize } from './online.model';
import { normalizeText } from './text.normalize';
import type { Intent } from './triage.types';

const zero: Record<Intent, number> = { order: 0, question: 0, complaint: 0, spam: 0, other: 0 };

describe('online.model', () => {
  it('features are hashed, merged and L2-normalised', () => {
    const x = featurize(normalizeText('hello hello world'), 'en', ['r:a']);
    let sq = 0;
    for (const v of x.val) sq += v * v;
    expect(sq).toBeCloseTo(1, 5);
    expect(new Set(x.idx).size).toBe(x.n);
    expect(x.n).toBeLessThanOrEqual(256);
  });

  it('an untrained model scores zero', () => {
    const m = createOnlineModel();
    const s = m.scores(featurize(normalizeText('anything'), 'en', []));
    expect(Object.values(s).every((v) => v === 0)).toBe(true);
  });

  it('one update reaches the margin on that example and generalises to a similar one', () => {
    const m = createOnlineModel({ margin: 1 });
    const base = { ...zero, other: 2 };
    const x = featurize(normalizeText('the wrapping paper is torn again'), 'en', []);
    expect(m.update(x, 'complaint', base)).toBe(true);
    const s = m.scores(x);
    expect(base.complaint + s.complaint - (base.other + s.other)).toBeGreaterThanOrEqual(0.99);
    const y = featurize(normalizeText('wrapping paper torn'), 'en', []);
    const t = m.scores(y);
    expect(t.complaint).toBeGreaterThan(t.other);
    // a second identical update is passive (margin already met)
    const before = m.updates;
    m.update(x, 'complaint', base);
    expect(m.updates).toBe(before);
  });

  it('update is fast (well under a millisecond)', () => {
    const m = createOnlineModel();
    const x = featurize(normalizeText('kak aku mau yang merah 2 ya, transfer nanti malam'), 'id', ['order:mau']);
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) m.update(x, i % 2 ? 'order' : 'question', zero);
    expect((performance.now() - t0) / 1000).toBeLessThan(0.5);
  });
});
