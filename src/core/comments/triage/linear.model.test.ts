import { describe, expect, it } from 'vitest';
import { featurizeLinear, trainLinear, type ModelInput } from './linear.model';

const ex = (words: string, y: number): { input: ModelInput; y: number } => ({ input: { words: words.split(' '), lang: 'en', extras: [] }, y });
const data = [
  ex('zip broke on day one', 1),
  ex('the strap snapped already', 1),
  ex('buckle broke after a week', 1),
  ex('want two please', 0),
  ex('take my money want it', 0),
  ex('i want the big one', 0),
];

describe('linear model (fastText-style)', () => {
  it('learns a separable toy set and generalises through character n-grams', () => {
    const m = trainLinear(['order', 'complaint'], data.map((d) => ({ x: featurizeLinear(d.input), y: d.y })), { epochs: 30, lr: 0.8, seed: 3 });
    const z = m.logits(featurizeLinear({ words: ['handle', 'broken'], lang: 'en', extras: [] }));
    expect(z[1]!).toBeGreaterThan(z[0]!);
    const w = m.logits(featurizeLinear({ words: ['wants', 'one'], lang: 'en', extras: [] }));
    expect(w[0]!).toBeGreaterThan(w[1]!);
  });

  it('is deterministic for a seed', () => {
    const train = (): Float64Array =>
      trainLinear(['order', 'complaint'], data.map((d) => ({ x: featurizeLinear(d.input), y: d.y })), { seed: 9 }).logits(
        featurizeLinear({ words: ['broke', 'again'], lang: 'en', extras: [] }),
      );
    expect([...train()]).toEqual([...train()]);
  });

  it('names the features that pushed a decision', () => {
    const m = trainLinear(['order', 'complaint'], data.map((d) => ({ x: featurizeLinear(d.input), y: d.y })), { epochs: 30, seed: 3 });
    const input: ModelInput = { words: ['it', 'broke'], lang: 'en', extras: ['rule x'] };
    const top = m.topFeatures(featurizeLinear(input), input, 1, 3);
    expect(top.length).toBeGreaterThan(0);
    expect(top.map((t) => t.feature).join(' ')).toMatch(/brok|bro|rok|oke/);
  });

  it('caps the features of a huge comment', () => {
    const x = featurizeLinear({ words: Array.from({ length: 500 }, (_, i) => `word${i}`), lang: 'en', extras: [] });
    expect(x.n).toBeLessThanOrEqual(1024);
  });
});
