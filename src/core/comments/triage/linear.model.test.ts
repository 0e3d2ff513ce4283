import { describe, expect, it } from 'vitest';
import { averageLinear, createFeatureScratch, featurizeLinear, trainLinear, type ModelInput } from './linear.model';

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

  it('shares character n-grams across the space between two plain words, not across a mark or an emoji', () => {
    const feats = (words: string[]): Set<number> => new Set(featurizeLinear({ words, lang: 'en', extras: [] }).idx);
    const across = (a: string, b: string, between: string[] = []): Set<number> => {
      const alone = new Set([...feats([a]), ...feats([b])]);
      return new Set([...feats([a, ...between, b])].filter((f) => !alone.has(f)));
    };
    // different words, different bigrams, the same letters either side of the space ("…ah bp…")
    const one = across('xyzah', 'bpqq');
    const two = across('kkah', 'bpzz');
    expect([...one].filter((f) => two.has(f)).length).toBeGreaterThanOrEqual(2);
    // a question mark between them: the words no longer touch
    const split = across('xyzah', 'bpqq', ['?']);
    expect([...split].filter((f) => two.has(f))).toEqual([]);
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

  it('explains with at most k distinct features, strongest first, and nothing for k = 0', () => {
    const m = trainLinear(['order', 'complaint'], data.map((d) => ({ x: featurizeLinear(d.input), y: d.y })), { epochs: 30, seed: 3 });
    const input: ModelInput = { words: ['zip', 'broke', 'broke', 'again', 'snapped'], lang: 'en', extras: ['rule a', 'rule b'] };
    const x = featurizeLinear(input);
    for (const k of [1, 2, 3, 5]) {
      const top = m.topFeatures(x, input, 1, k);
      expect(top.length).toBeLessThanOrEqual(k);
      expect(new Set(top.map((t) => t.feature)).size).toBe(top.length);
      for (let i = 1; i < top.length; i++) expect(top[i - 1]!.weight).toBeGreaterThanOrEqual(top[i]!.weight);
      expect(top.every((t) => t.weight > 0)).toBe(true);
    }
    expect(m.topFeatures(x, input, 1, 0)).toEqual([]);
  });

  it('a scratch buffer gives the same features as a fresh vector', () => {
    const input: ModelInput = { words: ['the', 'lid', 'cracked', '?'], lang: 'pt', extras: ['rule z'] };
    const fresh = featurizeLinear(input);
    const inScratch = featurizeLinear(input, createFeatureScratch());
    expect([...inScratch.idx.subarray(0, inScratch.n)]).toEqual([...fresh.idx]);
    expect(inScratch.scale).toBe(fresh.scale);
  });

  it('feature dropout still learns the toy set, stays deterministic, and changes what is learned', () => {
    const xs = data.map((d) => ({ x: featurizeLinear(d.input), y: d.y }));
    const probe = featurizeLinear({ words: ['handle', 'broken'], lang: 'en', extras: [] });
    const train = (dropout: number): Float64Array => trainLinear(['order', 'complaint'], xs, { epochs: 40, lr: 0.8, seed: 3, dropout }).logits(probe);
    const z = train(0.3);
    expect(z[1]!).toBeGreaterThan(z[0]!);
    expect([...train(0.3)]).toEqual([...z]);
    expect([...train(0)]).not.toEqual([...z]);
  });

  it('label smoothing keeps a learned comment short of certainty; without it the model pushes towards 1', () => {
    const xs = data.map((d) => ({ x: featurizeLinear(d.input), y: d.y }));
    const probe = featurizeLinear(data[0]!.input);
    const gold = (labelSmoothing: number): number => {
      const z = trainLinear(['order', 'complaint'], xs, { epochs: 200, lr: 0.8, seed: 3, labelSmoothing }).logits(probe);
      return 1 / (1 + Math.exp(z[0]! - z[1]!));
    };
    // ε = 0.4 over two classes: the target of the gold class is 0.8
    expect(gold(0)).toBeGreaterThan(0.97);
    const smoothed = gold(0.4);
    expect(smoothed).toBeGreaterThan(0.5);
    expect(smoothed).toBeLessThan(0.9);
  });

  it('pairs every word with the language: the same words in two languages differ in exactly those features and the language', () => {
    const words = ['ainda', 'nao', 'chegou'];
    const pt = featurizeLinear({ words, lang: 'pt', extras: [] });
    const es = featurizeLinear({ words, lang: 'es', extras: [] });
    expect(pt.n).toBe(es.n);
    const esSet = new Set(es.idx);
    const onlyPt = [...pt.idx].filter((f) => !esSet.has(f));
    expect(onlyPt.length).toBe(words.length + 1);
  });

  it('tail averaging still learns the toy set, is deterministic, and is the last weights when it covers one epoch', () => {
    const xs = data.map((d) => ({ x: featurizeLinear(d.input), y: d.y }));
    const probe = featurizeLinear({ words: ['handle', 'broken'], lang: 'en', extras: [] });
    const train = (averageTail: number): Float64Array => trainLinear(['order', 'complaint'], xs, { epochs: 20, lr: 0.8, seed: 3, dropout: 0.2, averageTail }).logits(probe);
    const half = train(0.5);
    expect(half[1]!).toBeGreaterThan(half[0]!);
    expect([...train(0.5)]).toEqual([...half]);
    // the mean of epochs 10..19 is not the weights of epoch 19
    expect([...train(0)]).not.toEqual([...half]);
    // one epoch in the tail (0.05 × 20) is no averaging at all
    expect([...train(0.05)]).toEqual([...train(0)]);
  });

  it('a per-row rate scales each feature’s steps: a row at 0 never learns, a rate of the wrong length is refused', () => {
    const xs = data.map((d) => ({ x: featurizeLinear(d.input), y: d.y }));
    const probe = featurizeLinear({ words: ['broke'], lang: 'en', extras: [] });
    const row = probe.idx[0]! & ((1 << 12) - 1);
    const rate = new Float32Array(1 << 12).fill(1);
    const plain = trainLinear(['order', 'complaint'], xs, { epochs: 10, lr: 0.8, seed: 3, bits: 12 });
    const ones = trainLinear(['order', 'complaint'], xs, { epochs: 10, lr: 0.8, seed: 3, bits: 12, rate });
    expect([...ones.weights.w]).toEqual([...plain.weights.w]);
    rate[row] = 0;
    const frozen = trainLinear(['order', 'complaint'], xs, { epochs: 10, lr: 0.8, seed: 3, bits: 12, rate });
    expect(plain.weights.w[row * 2]).not.toBe(0);
    expect(frozen.weights.w[row * 2]).toBe(0);
    expect(frozen.weights.w[row * 2 + 1]).toBe(0);
    expect(() => trainLinear(['order', 'complaint'], xs, { epochs: 1, bits: 12, rate: new Float32Array(10) })).toThrow(TypeError);
  });

  it('the mean of models scores the mean of their logits, in one table', () => {
    const xs = data.map((d) => ({ x: featurizeLinear(d.input), y: d.y }));
    const models = [3, 4, 5].map((seed) => trainLinear(['order', 'complaint'], xs, { epochs: 10, lr: 0.8, seed, dropout: 0.3 }));
    const mean = averageLinear(models);
    expect(mean.weights.w.length).toBe(models[0]!.weights.w.length);
    for (const words of [['handle', 'broken'], ['want', 'three'], ['zip']]) {
      const x = featurizeLinear({ words, lang: 'en', extras: [] });
      const each = models.map((m) => m.logits(x));
      const z = mean.logits(x);
      for (let c = 0; c < 2; c++) expect(z[c]!).toBeCloseTo(each.reduce((s, e) => s + e[c]!, 0) / 3, 5);
    }
    const other = trainLinear(['order', 'complaint', 'other'], xs, { epochs: 2, seed: 3 });
    expect(() => averageLinear([models[0]!, other])).toThrow(TypeError);
    expect(() => averageLinear([])).toThrow(TypeError);
  });
});
