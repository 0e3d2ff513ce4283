// The classifier's one-pass scoring (intent logits, the sub-intent logits beside them, and the explanation taken from
// per-part sums) against the plain path it replaces on the hot path (logits(), the sub model's own logits(),
// topFeatures()), on every comment of the tuning data (dev-tune, tune2 and the developer-written corpus categories) with
// the shipped model: the answers must be the same, bit for bit.
import { describe, expect, it } from 'vitest';
import { DEVELOPER_WRITTEN, loadCorpusCategory, loadTuningSets } from '../../../../bench/triage/datasets';
import { createAnalyzer } from './triage.analyzer';
import { featurizeLinear, partsLength, trainLinear, type ModelInput } from './linear.model';
import { loadTriageModelFile, SHIPPED_MODEL_PATH } from './triage.model-file';

const same = (a: ArrayLike<number>, b: ArrayLike<number>): boolean => a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));

describe('one-pass scoring gives what the plain path gives', () => {
  it('on every tuning comment with the shipped model: logits, sub-intent logits and top features for every class', () => {
    const { model, problem } = loadTriageModelFile(SHIPPED_MODEL_PATH);
    expect(problem).toBeNull();
    const intent = model!.intent;
    const sub = model!.sub!;
    expect(sub).not.toBeNull();
    const K = intent.classes.length;
    const z = new Float64Array(K);
    const parts = new Float64Array(partsLength(K));
    const also = { model: sub, z: new Float64Array(sub.classes.length) };
    let compared = 0;
    let explained = 0;
    const mismatches: string[] = [];
    for (const set of [...loadTuningSets(), ...[...DEVELOPER_WRITTEN].map((c) => loadCorpusCategory(c))]) {
      const an = createAnalyzer(set.catalog);
      for (const row of set.rows) {
        const a = an.analyse(row.text, row.lang, row.pinnedSku ?? null);
        const x = featurizeLinear(a.modelInput);
        intent.logitsWithParts(x, a.modelInput, z, parts, also);
        if (!same(z, intent.logits(x))) mismatches.push(`${row.id}: intent logits`);
        if (!same(also.z, sub.logits(x))) mismatches.push(`${row.id}: sub-intent logits`);
        for (let c = 0; c < K; c++) {
          const fast = intent.topFeaturesOfParts(parts, x, a.modelInput, c, 3);
          const plain = intent.topFeatures(x, a.modelInput, c, 3);
          if (JSON.stringify(fast) !== JSON.stringify(plain)) mismatches.push(`${row.id}: top features of ${intent.classes[c]}`);
          explained += plain.length;
        }
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(2000);
    // the check is not vacuous: most comments have reasons to give
    expect(explained).toBeGreaterThan(compared * K);
    expect(mismatches).toEqual([]);
  });

  it('a model with 32-bit weights (sums not exact in every order) and a comment with more extras than the buffer holds fall back to the plain explanation', () => {
    const ex = (words: string, y: number) => ({ x: featurizeLinear({ words: words.split(' '), lang: 'en', extras: ['rule a'] }), y });
    const m = trainLinear(['order', 'complaint', 'other'], [ex('want two please', 0), ex('zip broke again', 1), ex('hello all', 2), ex('i want it', 0), ex('strap broke', 1)], { epochs: 20, seed: 5 });
    const inputs: ModelInput[] = [
      { words: ['zip', 'broke', 'broke', 'want', 'it'], lang: 'en', extras: ['rule a', 'rule b'] },
      { words: ['broke'], lang: 'en', extras: Array.from({ length: 1500 }, (_, i) => `rule ${i % 3 === 0 ? 'a' : i}`) },
    ];
    const z = new Float64Array(3);
    const parts = new Float64Array(partsLength(3));
    for (const input of inputs) {
      const x = featurizeLinear(input);
      m.logitsWithParts(x, input, z, parts);
      expect(same(z, m.logits(x))).toBe(true);
      for (let c = 0; c < 3; c++) expect(m.topFeaturesOfParts(parts, x, input, c, 3)).toEqual(m.topFeatures(x, input, c, 3));
    }
  });
});

describe('feature hashes computed in one pass over a word', () => {
  // the definition: 32-bit FNV-1a over the UTF-16 code units, from a seed (linear.model's hashStr)
  const fnv = (s: string, seed: number): number => {
    let h = seed >>> 0;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
  };
  it('gives each word its unigram hash and each pair its bigram hash, chained from "<s>" to "</s>"', () => {
    const MASK = (1 << 18) - 1;
    const words = ['kak', 'udh', 'blm', '__prod__', 'ñandú', '', '#n'];
    const x = featurizeLinear({ words, lang: 'id', extras: [] });
    const got = new Set(x.idx);
    let prev = fnv('<s>', 0x2b6e1c7d);
    for (const w of words) {
      expect(got.has(fnv(w, 0x811c9dc5) & MASK)).toBe(true);
      expect(got.has(fnv(w, prev) & MASK)).toBe(true);
      prev = fnv(w, 0x2b6e1c7d);
    }
    expect(got.has(fnv('</s>', prev) & MASK)).toBe(true);
  });
});
