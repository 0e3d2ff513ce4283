// A fastText-style linear classifier: hashed character n-grams (2–5, per word with boundary marks), word uni- and
// bigrams, the language and the ids of the rules that fired, into a softmax trained by SGD from a fixed seed.
// Pure computation; features remember where they came from so a prediction can name its strongest ones.

export const MODEL_BITS = 18;
const DIM = 1 << MODEL_BITS;
const MASK = DIM - 1;
const MAX_WORDS = 48;
const MAX_FEATURES = 1024;
const MAX_WORD_CHARS = 24;

/** Feature kinds, for explanations. */
const K_WORD = 0;
const K_BIGRAM = 1;
const K_CHAR = 2;
const K_OTHER = 3;

export interface ModelInput {
  /** Normalized word keys (text.normalize); product mentions already replaced by '__prod__'. */
  words: readonly string[];
  lang: string;
  /** Extra named features (rule ids, structural flags). */
  extras: readonly string[];
}

export interface FeatureVector {
  idx: Int32Array;
  val: Float32Array;
  /** Where each feature came from: kind | word index << 2 | start << 8 | length << 16 (chars) or extras index. */
  src: Int32Array;
  n: number;
}

export interface LinearModel {
  readonly classes: readonly string[];
  /** Raw class scores (logits). */
  logits(x: FeatureVector): Float64Array;
  /** The features pushing hardest towards class `c`, as readable text. */
  topFeatures(x: FeatureVector, input: ModelInput, c: number, k: number): Array<{ feature: string; weight: number }>;
}

export interface TrainOptions {
  epochs?: number;
  /** Initial learning rate (decays linearly to zero, as fastText does). */
  lr?: number;
  seed?: number;
  /** Weight of each class's examples (e.g. inverse frequency); default 1. */
  classWeight?: readonly number[];
  /** L2 shrink per step. */
  l2?: number;
}

function hashStr(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const SEED_WORD = 0x811c9dc5;
const SEED_BIGRAM = 0x2b6e1c7d;
const SEED_CHAR = 0x5bd1e995;
const SEED_OTHER = 0x1b873593;

/** The hashed feature vector of one comment. Values are 1/√n so long comments do not shout. */
export function featurizeLinear(input: ModelInput): FeatureVector {
  const idx = new Int32Array(MAX_FEATURES);
  const src = new Int32Array(MAX_FEATURES);
  let n = 0;
  const push = (h: number, s: number): void => {
    if (n >= MAX_FEATURES) return;
    idx[n] = h & MASK;
    src[n] = s;
    n++;
  };
  const words = input.words;
  const nw = Math.min(words.length, MAX_WORDS);
  let prev = '<s>';
  for (let i = 0; i < nw; i++) {
    const w = words[i] ?? '';
    push(hashStr(w, SEED_WORD), K_WORD | (i << 2));
    push(hashStr(w, hashStr(prev, SEED_BIGRAM)), K_BIGRAM | (i << 2));
    prev = w;
    const c0 = w.charCodeAt(0);
    // emoji tokens, placeholders, '#2', '+1', '?' are whole words only
    if (c0 === 58 || c0 === 95 || c0 === 35 || c0 === 43 || w === '?') continue;
    const len = Math.min(w.length, MAX_WORD_CHARS);
    // padded word '<' + w + '>': positions 0..len+1
    const L = len + 2;
    for (let s = 0; s < L; s++) {
      let h = SEED_CHAR;
      for (let e = s; e < L && e < s + 5; e++) {
        const ch = e === 0 ? 60 : e === L - 1 ? 62 : w.charCodeAt(e - 1);
        h ^= ch;
        h = Math.imul(h, 0x01000193) >>> 0;
        if (e - s + 1 >= 2) push(h, K_CHAR | (i << 2) | (s << 8) | ((e - s + 1) << 16));
      }
    }
  }
  if (nw > 0) push(hashStr('</s>', hashStr(prev, SEED_BIGRAM)), K_BIGRAM | (nw << 2));
  push(hashStr('lang:' + input.lang, SEED_OTHER), K_OTHER | (0x3fff << 2));
  for (let j = 0; j < input.extras.length; j++) push(hashStr(input.extras[j] ?? '', SEED_OTHER), K_OTHER | (j << 2));
  const val = new Float32Array(n);
  const v = n > 0 ? 1 / Math.sqrt(n) : 0;
  val.fill(v);
  return { idx: idx.subarray(0, n), val, src: src.subarray(0, n), n };
}

/** Readable name of feature j of x. */
export function describeFeature(x: FeatureVector, input: ModelInput, j: number): string {
  const s = x.src[j] ?? 0;
  const kind = s & 3;
  const i = (s >>> 2) & 0x3f;
  if (kind === K_WORD) return `“${input.words[i] ?? ''}”`;
  if (kind === K_BIGRAM) {
    const a = i === 0 ? '^' : (input.words[i - 1] ?? '');
    const b = i >= Math.min(input.words.length, MAX_WORDS) ? '$' : (input.words[i] ?? '');
    return `“${a} ${b}”`;
  }
  if (kind === K_CHAR) {
    const start = (s >>> 8) & 0xff;
    const len = (s >>> 16) & 0xff;
    const padded = '<' + (input.words[i] ?? '').slice(0, MAX_WORD_CHARS) + '>';
    return `“${padded.slice(start, start + len).replace('<', '·').replace('>', '·')}”`;
  }
  const e = (s >>> 2) & 0x3fff;
  return e === 0x3fff ? `language ${input.lang}` : `${input.extras[e] ?? ''}`;
}

/** Deterministic PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A trained model from its weights (class-major per feature: w[f * K + c]). */
export function linearModelOf(classes: readonly string[], w: Float32Array, bias: Float32Array): LinearModel {
  const K = classes.length;
  function logits(x: FeatureVector): Float64Array {
    const z = new Float64Array(K);
    for (let c = 0; c < K; c++) z[c] = bias[c] ?? 0;
    for (let j = 0; j < x.n; j++) {
      const base = (x.idx[j] ?? 0) * K;
      const v = x.val[j] ?? 0;
      for (let c = 0; c < K; c++) z[c] = (z[c] ?? 0) + v * (w[base + c] ?? 0);
    }
    return z;
  }
  function topFeatures(x: FeatureVector, input: ModelInput, c: number, k: number): Array<{ feature: string; weight: number }> {
    // contribution towards c relative to the mean of the other classes, merged by readable name
    const byName = new Map<string, number>();
    for (let j = 0; j < x.n; j++) {
      const base = (x.idx[j] ?? 0) * K;
      let others = 0;
      for (let o = 0; o < K; o++) if (o !== c) others += w[base + o] ?? 0;
      const contrib = (x.val[j] ?? 0) * ((w[base + c] ?? 0) - others / Math.max(1, K - 1));
      if (contrib <= 0) continue;
      const name = describeFeature(x, input, j);
      byName.set(name, (byName.get(name) ?? 0) + contrib);
    }
    return [...byName.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([feature, weight]) => ({ feature, weight }));
  }
  return { classes, logits, topFeatures };
}

/** Softmax SGD over examples (feature vector, class index). Deterministic for a given seed and order. */
export function trainLinear(
  classes: readonly string[],
  data: ReadonlyArray<{ x: FeatureVector; y: number }>,
  opts: TrainOptions = {},
): LinearModel {
  const K = classes.length;
  const epochs = opts.epochs ?? 10;
  const lr0 = opts.lr ?? 0.5;
  const l2 = opts.l2 ?? 0;
  const rand = seededRandom(opts.seed ?? 17);
  const w = new Float32Array(DIM * K);
  const bias = new Float32Array(K);
  const order = data.map((_, i) => i);
  const total = epochs * data.length;
  const z = new Float64Array(K);
  let step = 0;
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    for (const k of order) {
      const { x, y } = data[k]!;
      const lr = lr0 * (1 - step / total);
      step++;
      let max = -Infinity;
      for (let c = 0; c < K; c++) {
        let s = bias[c] ?? 0;
        for (let j = 0; j < x.n; j++) s += (x.val[j] ?? 0) * (w[(x.idx[j] ?? 0) * K + c] ?? 0);
        z[c] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let c = 0; c < K; c++) {
        z[c] = Math.exp((z[c] ?? 0) - max);
        sum += z[c] ?? 0;
      }
      const cw = opts.classWeight?.[y] ?? 1;
      for (let c = 0; c < K; c++) {
        const g = cw * ((z[c] ?? 0) / sum - (c === y ? 1 : 0));
        if (g === 0) continue;
        bias[c] = (bias[c] ?? 0) - lr * g * 0.1;
        for (let j = 0; j < x.n; j++) {
          const at = (x.idx[j] ?? 0) * K + c;
          const cur = w[at] ?? 0;
          w[at] = cur * (1 - lr * l2) - lr * g * (x.val[j] ?? 0);
        }
      }
    }
  }
  return linearModelOf(classes, w, bias);
}
