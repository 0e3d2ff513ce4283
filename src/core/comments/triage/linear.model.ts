// A fastText-style linear classifier: hashed character n-grams (2–5, per word with boundary marks), word uni- and
// bigrams, each word paired with the comment's language, the language and the ids of the rules that fired, into a
// softmax trained by SGD (with label smoothing when asked) from a fixed seed.
// Pure computation; features remember where they came from so a prediction can name its strongest ones.

/** Hash space of the features (2^18); a model may use fewer bits (its weights fold the hash onto a smaller table). */
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
  /** Every feature has this value (1/√n): long comments do not shout. */
  scale: number;
  /** Where each feature came from: kind | word index << 2 | start << 8 | length << 16 (chars) or extras index. */
  src: Int32Array;
  n: number;
}

export interface LinearModel {
  readonly classes: readonly string[];
  /** The weights (class-major per hashed feature) and biases, for serialisation. */
  readonly weights: { w: Float32Array | Int8Array; bias: Float32Array; scale: number };
  /** Raw class scores (logits). */
  logits(x: FeatureVector): Float64Array;
  /**
   * The logits written into `z` (no allocation) and, in the same pass over the weight table, each part's class sums
   * into `parts` (a part is a word with its character n-grams, a bigram, or an extra feature; see partsLength), so
   * topFeaturesOfParts explains the decision without reading the table a second time.
   */
  logitsWithParts(x: FeatureVector, input: ModelInput, z: Float64Array, parts: Float64Array, also?: AlsoScore): void;
  /** topFeatures from logitsWithParts' sums: the same answer, bit for bit (see partsExact), without a second pass. */
  topFeaturesOfParts(parts: Float64Array, x: FeatureVector, input: ModelInput, c: number, k: number): Array<{ feature: string; weight: number }>;
  /** The features pushing hardest towards class `c`, as readable text. */
  topFeatures(x: FeatureVector, input: ModelInput, c: number, k: number): Array<{ feature: string; weight: number }>;
}

/**
 * A second model over the same features, scored in the same pass (its logits into `z`, exactly as its own logits()
 * would give them): the sub-intent table is read while the intent table's rows for the same features are in
 * flight, which costs little more than the intent pass alone, where a pass of its own cost as much again.
 */
export interface AlsoScore {
  model: LinearModel;
  z: Float64Array;
}

/** Length of the `parts` buffer logitsWithParts needs for a model of `classes` classes (any comment). */
export function partsLength(classes: number): number {
  return (2 * (MAX_WORDS + 1) + MAX_FEATURES + 1) * classes;
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
  /** Share of a comment's features left out at each training step (0 = none). */
  dropout?: number;
  /**
   * Label smoothing ε: the target is 1 − ε + ε/K for the gold class and ε/K for each other (0 = none). The model
   * stops pushing a comment it already gets right towards certainty, so no word of the training catalogs grows a
   * weight large enough to decide a comment of another catalog alone.
   */
  labelSmoothing?: number;
  /** Size of the weight table as a power of two (≤ MODEL_BITS); smaller is faster (cache), larger collides less. */
  bits?: number;
  /**
   * Tail averaging (Polyak / stochastic weight averaging): the model is the mean of the weights at the end of each of
   * the last `averageTail` share of the epochs (0 = the last weights only). The mean of SGD's iterates sits nearer the
   * middle of the region they wander in than any one of them, so which comments happened to come last in the data
   * order (and which features dropout kept) moves the model less; a table of the same size, so no cost at inference.
   */
  averageTail?: number;
  /** A step scale per table row (length 2^bits): features in rows below 1 learn more slowly (default: all 1). */
  rate?: Float32Array;
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
const SEED_CROSS = 0x68e31da4;
const SEED_LANG_WORD = 0x3c6ef372;
/** hashStr('lang:', SEED_OTHER): the language feature hashes as the text 'lang:xx' did, without building it. */
const SEED_LANG = hashStr('lang:', SEED_OTHER);

/** Reusable buffers for featurizeLinear on a hot path (the vector is valid until the next call). */
export interface FeatureScratch {
  idx: Int32Array;
  src: Int32Array;
}

export function createFeatureScratch(): FeatureScratch {
  return { idx: new Int32Array(MAX_FEATURES), src: new Int32Array(MAX_FEATURES) };
}

/** The hashed feature vector of one comment; with `scratch`, no allocation (the vector lives in it). */
export function featurizeLinear(input: ModelInput, scratch?: FeatureScratch): FeatureVector {
  const idx = scratch?.idx ?? new Int32Array(MAX_FEATURES);
  const src = scratch?.src ?? new Int32Array(MAX_FEATURES);
  // features are written in place (no closure, no string per n-gram: FNV runs over the code units); a comment's
  // features stop at MAX_FEATURES (the character n-grams of a very long comment are the ones dropped); a word that
  // starts below CAP writes three features before the next check, and the end bigram and language two more
  const CAP = MAX_FEATURES - 4 - Math.min(input.extras.length, 64);
  let n = 0;
  const words = input.words;
  const nw = Math.min(words.length, MAX_WORDS);
  let prevHash = hashStr('<s>', SEED_BIGRAM);
  let prevPlain = '';
  const langWordSeed = hashStr(input.lang, SEED_LANG_WORD);
  for (let i = 0; i < nw && n < CAP; i++) {
    const w = words[i] ?? '';
    // the word's four hashes (unigram, bigram after the previous word, the seed of the next bigram, the word in its
    // language) in one pass over its letters: hashStr(w, SEED_WORD / prevHash / SEED_BIGRAM / langWordSeed)
    let hw = SEED_WORD;
    let hb = prevHash >>> 0;
    let hn = SEED_BIGRAM;
    let hLang = langWordSeed >>> 0;
    for (let k = 0; k < w.length; k++) {
      const ch = w.charCodeAt(k);
      hw = Math.imul(hw ^ ch, 0x01000193);
      hb = Math.imul(hb ^ ch, 0x01000193);
      hn = Math.imul(hn ^ ch, 0x01000193);
      hLang = Math.imul(hLang ^ ch, 0x01000193);
    }
    idx[n] = (hw >>> 0) & MASK;
    src[n++] = K_WORD | (i << 2);
    idx[n] = (hb >>> 0) & MASK;
    src[n++] = K_BIGRAM | (i << 2);
    // the word in this comment's language: a word that means one thing in one language and another elsewhere
    // ("pronto": soon in Spanish, ready in Portuguese), or is an intent cue in one language only, gets a weight of its
    // own there beside the shared one (explained as the word itself)
    idx[n] = (hLang >>> 0) & MASK;
    src[n++] = K_WORD | (i << 2);
    prevHash = hn >>> 0;
    const c0 = w.charCodeAt(0);
    // emoji tokens, placeholders, '#2', '+1', '?' are whole words only
    if (c0 === 58 || c0 === 95 || c0 === 35 || c0 === 43 || w === '?') {
      prevPlain = '';
      continue;
    }
    // character 3–5-grams across the space between two plain words ("dah b", "h bpo"): a word pair that a chat
    // spelling or a typo hides from the bigram ("udh blm", "sdh blum") still shares most of them
    if (prevPlain !== '') {
      const pl = prevPlain.length;
      const tl = Math.min(3, pl);
      const hl = Math.min(3, w.length);
      for (let s = tl - 1; s >= 0 && s >= tl - 3 && n < CAP; s--) {
        let h = SEED_CROSS;
        for (let e = s; e <= tl + hl && e - s < 5; e++) {
          const ch = e < tl ? prevPlain.charCodeAt(pl - tl + e) : e === tl ? 32 : w.charCodeAt(e - tl - 1);
          h = Math.imul(h ^ ch, 0x01000193) >>> 0;
          if (e > tl && e - s >= 2 && n < CAP) {
            idx[n] = h & MASK;
            src[n++] = K_BIGRAM | (i << 2);
          }
        }
      }
    }
    prevPlain = w;
    const len = Math.min(w.length, MAX_WORD_CHARS);
    // padded word '<' + w + '>': positions 0..len+1
    const L = len + 2;
    const at = K_CHAR | (i << 2);
    for (let s = 0; s < L && n < CAP; s++) {
      let h = SEED_CHAR;
      const end = Math.min(L, s + 5);
      for (let e = s; e < end; e++) {
        const ch = e === 0 ? 60 : e === L - 1 ? 62 : w.charCodeAt(e - 1);
        h = Math.imul(h ^ ch, 0x01000193) >>> 0;
        if (e > s && n < CAP) {
          idx[n] = h & MASK;
          src[n++] = at | (s << 8) | ((e - s + 1) << 16);
        }
      }
    }
  }
  if (nw > 0) {
    idx[n] = hashStr('</s>', prevHash) & MASK;
    src[n++] = K_BIGRAM | (nw << 2);
  }
  idx[n] = hashStr(input.lang, SEED_LANG) & MASK;
  src[n++] = K_OTHER | (0x3fff << 2);
  for (let j = 0; j < input.extras.length && n < MAX_FEATURES; j++) {
    idx[n] = hashStr(input.extras[j] ?? '', SEED_OTHER) & MASK;
    src[n++] = K_OTHER | (j << 2);
  }
  const scale = n > 0 ? 1 / Math.sqrt(n) : 0;
  if (scratch) return { idx, scale, src, n };
  return { idx: idx.slice(0, n), scale, src: src.slice(0, n), n };
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

/** A trained model from its weights (class-major per hashed feature: w[f * K + c], times `scale`; 8-bit weights keep the table small enough to stay in cache). */
/**
 * The explanation part a feature belongs to, from its source code: words 0..W-1, then their bigrams W..2W-1, then the
 * extra features (rule ids; the last slot holds those past the index field).
 */
function partOf(s: number, W: number, ne: number): number {
  const kind = s & 3;
  if (kind === K_OTHER) {
    const e = (s >>> 2) & 0x3fff;
    return 2 * W + (e === 0x3fff ? ne - 1 : e);
  }
  return (kind === K_BIGRAM ? W : 0) + ((s >>> 2) & 0x3f);
}

export function linearModelOf(classes: readonly string[], w: Float32Array | Int8Array, bias: Float32Array, scale = 1): LinearModel {
  const K = classes.length;
  const fold = w.length / K - 1; // table size is a power of two
  function logits(x: FeatureVector): Float64Array {
    const z = new Float64Array(K);
    const idx = x.idx;
    const n = x.n;
    if (K === 5) {
      // the intent table: five running sums in registers
      let z0 = 0;
      let z1 = 0;
      let z2 = 0;
      let z3 = 0;
      let z4 = 0;
      for (let j = 0; j < n; j++) {
        const base = (idx[j]! & fold) * 5;
        z0 += w[base]!;
        z1 += w[base + 1]!;
        z2 += w[base + 2]!;
        z3 += w[base + 3]!;
        z4 += w[base + 4]!;
      }
      z[0] = z0;
      z[1] = z1;
      z[2] = z2;
      z[3] = z3;
      z[4] = z4;
    } else {
      for (let j = 0; j < n; j++) {
        const base = (idx[j]! & fold) * K;
        for (let c = 0; c < K; c++) z[c]! += w[base + c]!;
      }
    }
    const m = x.scale * scale;
    for (let c = 0; c < K; c++) z[c] = z[c]! * m + bias[c]!;
    return z;
  }
  // scratch for explanations: contributions summed per word (its own unigram and character n-grams), per bigram
  // and per extra feature, so a reason reads "“broke”" rather than five n-grams of it
  const perWord = new Float64Array(MAX_WORDS + 1);
  const perBigram = new Float64Array(MAX_WORDS + 1);
  let perExtra = new Float64Array(16);
  const candV = new Float64Array(16);
  const candN: string[] = [];
  const inv = 1 / Math.max(1, K - 1);
  /**
   * Summing the table's values per part and then taking "mine − the others' mean" gives exactly what summing that
   * difference per feature gives when every value is an integer (8-bit weights) and 1/(K−1) is a power of two (five
   * classes: ¼): every partial sum is then exact in a double, so the order of the additions cannot show.
   */
  const partsExact = w instanceof Int8Array && ((K - 1) & (K - 2)) === 0 && K > 1;
  function logitsWithParts(x: FeatureVector, input: ModelInput, z: Float64Array, parts: Float64Array, also?: AlsoScore): void {
    const w2 = also?.model.weights.w;
    const K2 = also ? also.model.classes.length : 0;
    const fold2 = w2 ? w2.length / K2 - 1 : 0;
    const z2 = also?.z;
    if (z2) z2.fill(0, 0, K2);
    const nw = Math.min(input.words.length, MAX_WORDS);
    const W = nw + 1;
    const ne = input.extras.length + 1;
    parts.fill(0, 0, (2 * W + ne) * K);
    const idx = x.idx;
    const src = x.src;
    const n = x.n;
    if (K === 5 && (!w2 || K2 === 7)) {
      // the intent table (and the sub-intent table beside it), unrolled into running sums. A comment's features come
      // in runs of one part (a word's n-grams, then its bigram's…), so a part's sums are kept in registers and added
      // to `parts` when the run ends; each class's logit is still summed feature by feature in logits()' order
      let z0 = 0;
      let z1 = 0;
      let z2s = 0;
      let z3 = 0;
      let z4 = 0;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let s4 = 0;
      let s5 = 0;
      let s6 = 0;
      let q0 = 0;
      let q1 = 0;
      let q2 = 0;
      let q3 = 0;
      let q4 = 0;
      let cur = -1;
      for (let j = 0; j < n; j++) {
        const f = idx[j]!;
        const base = (f & fold) * 5;
        const p = partOf(src[j]!, W, ne);
        if (p !== cur) {
          if (cur >= 0) {
            const at = cur * 5;
            parts[at]! += q0;
            parts[at + 1]! += q1;
            parts[at + 2]! += q2;
            parts[at + 3]! += q3;
            parts[at + 4]! += q4;
          }
          cur = p;
          q0 = q1 = q2 = q3 = q4 = 0;
        }
        const v0 = w[base]!;
        const v1 = w[base + 1]!;
        const v2 = w[base + 2]!;
        const v3 = w[base + 3]!;
        const v4 = w[base + 4]!;
        z0 += v0;
        z1 += v1;
        z2s += v2;
        z3 += v3;
        z4 += v4;
        q0 += v0;
        q1 += v1;
        q2 += v2;
        q3 += v3;
        q4 += v4;
        if (w2) {
          const b2 = (f & fold2) * 7;
          s0 += w2[b2]!;
          s1 += w2[b2 + 1]!;
          s2 += w2[b2 + 2]!;
          s3 += w2[b2 + 3]!;
          s4 += w2[b2 + 4]!;
          s5 += w2[b2 + 5]!;
          s6 += w2[b2 + 6]!;
        }
      }
      if (cur >= 0) {
        const at = cur * 5;
        parts[at]! += q0;
        parts[at + 1]! += q1;
        parts[at + 2]! += q2;
        parts[at + 3]! += q3;
        parts[at + 4]! += q4;
      }
      z[0] = z0;
      z[1] = z1;
      z[2] = z2s;
      z[3] = z3;
      z[4] = z4;
      if (z2) {
        z2[0] = s0;
        z2[1] = s1;
        z2[2] = s2;
        z2[3] = s3;
        z2[4] = s4;
        z2[5] = s5;
        z2[6] = s6;
      }
    } else {
      z.fill(0, 0, K);
      for (let j = 0; j < n; j++) {
        const base = (idx[j]! & fold) * K;
        const p = partOf(src[j]!, W, ne) * K;
        for (let c = 0; c < K; c++) {
          const v = w[base + c]!;
          z[c]! += v;
          parts[p + c]! += v;
        }
        if (w2 && z2) {
          const base2 = (idx[j]! & fold2) * K2;
          for (let c = 0; c < K2; c++) z2[c]! += w2[base2 + c]!;
        }
      }
    }
    const m = x.scale * scale;
    for (let c = 0; c < K; c++) z[c] = z[c]! * m + bias[c]!;
    if (also && z2) {
      const m2 = x.scale * also.model.weights.scale;
      const bias2 = also.model.weights.bias;
      for (let c = 0; c < K2; c++) z2[c] = z2[c]! * m2 + bias2[c]!;
    }
  }
  function topFeaturesOfParts(parts: Float64Array, x: FeatureVector, input: ModelInput, c: number, k: number): Array<{ feature: string; weight: number }> {
    const nw = Math.min(input.words.length, MAX_WORDS);
    const W = nw + 1;
    const ne = input.extras.length + 1;
    if (!partsExact || (2 * W + ne) * K > parts.length) return topFeatures(x, input, c, k);
    k = Math.min(Math.floor(k), candV.length);
    if (!(k > 0)) return [];
    if (perExtra.length < ne) perExtra = new Float64Array(ne * 2);
    // part p's contribution: mine − (all − mine)/(K − 1), as topFeatures computes it per feature
    const end = 2 * W + ne;
    for (let p = 0; p < end; p++) {
      let all = 0;
      for (let o = 0; o < K; o++) all += parts[p * K + o]!;
      const mine = parts[p * K + c]!;
      const v = mine - (all - mine) * inv;
      if (p < W) perWord[p] = v;
      else if (p < 2 * W) perBigram[p - W] = v;
      else perExtra[p - 2 * W] = v;
    }
    return selectTop(x, input, nw, ne, k);
  }
  function topFeatures(x: FeatureVector, input: ModelInput, c: number, k: number): Array<{ feature: string; weight: number }> {
    k = Math.min(Math.floor(k), candV.length);
    if (!(k > 0)) return [];
    const nw = Math.min(input.words.length, MAX_WORDS);
    perWord.fill(0, 0, nw + 1);
    perBigram.fill(0, 0, nw + 1);
    const ne = input.extras.length + 1;
    if (perExtra.length < ne) perExtra = new Float64Array(ne * 2);
    perExtra.fill(0, 0, ne);
    const idx = x.idx;
    const src = x.src;
    for (let j = 0; j < x.n; j++) {
      const base = (idx[j]! & fold) * K;
      let all = 0;
      for (let o = 0; o < K; o++) all += w[base + o]!;
      const mine = w[base + c]!;
      const contrib = mine - (all - mine) * inv;
      const s = src[j]!;
      const kind = s & 3;
      if (kind === K_OTHER) {
        const e = (s >>> 2) & 0x3fff;
        perExtra[e === 0x3fff ? ne - 1 : e]! += contrib;
      } else if (kind === K_BIGRAM) perBigram[(s >>> 2) & 0x3f]! += contrib;
      else perWord[(s >>> 2) & 0x3f]! += contrib;
    }
    return selectTop(x, input, nw, ne, k);
  }
  /** The k strongest of the per-word, per-bigram and per-extra contributions, as readable labels. */
  function selectTop(x: FeatureVector, input: ModelInput, nw: number, ne: number, k: number): Array<{ feature: string; weight: number }> {
    // candidates are (score, kind, position) in plain numbers; a label string is built only for one that enters
    // the top k
    candV.fill(0, 0, k);
    let nb = 0;
    const total = 2 * nw + 1 + ne;
    for (let t = 0; t < total; t++) {
      let v: number;
      let kind: number;
      let i: number;
      if (t < 2 * nw) {
        i = t >> 1;
        kind = t & 1;
        v = kind === 0 ? perWord[i]! * 0.5 : perBigram[i]!;
      } else if (t === 2 * nw) {
        i = nw;
        kind = 2;
        v = perBigram[nw]!;
      } else {
        i = t - 2 * nw - 1;
        kind = 3;
        v = perExtra[i]!;
      }
      if (v <= 0 || (nb === k && v <= candV[k - 1]!)) continue;
      const name = labelOf(input, nw, ne, kind, i);
      let dup = false;
      for (let b = 0; b < nb; b++) if (candN[b] === name) dup = true;
      if (dup) continue;
      // insertion into the sorted top k
      let at = nb < k ? nb++ : k - 1;
      while (at > 0 && candV[at - 1]! < v) {
        candV[at] = candV[at - 1]!;
        candN[at] = candN[at - 1]!;
        at--;
      }
      candV[at] = v;
      candN[at] = name;
    }
    const best: Array<{ feature: string; weight: number }> = [];
    for (let b = 0; b < nb; b++) best.push({ feature: candN[b]!, weight: candV[b]! * x.scale * scale });
    return best;
  }
  return { classes, weights: { w, bias, scale }, logits, logitsWithParts, topFeaturesOfParts, topFeatures };
}

/** Readable name of an explanation candidate: a word, a bigram, the end bigram, or an extra (rule, language). */
function labelOf(input: ModelInput, nw: number, ne: number, kind: number, i: number): string {
  if (kind === 0) return `“${input.words[i] ?? ''}”`;
  if (kind === 1) return `“${i === 0 ? '^' : (input.words[i - 1] ?? '')} ${input.words[i] ?? ''}”`;
  if (kind === 2) return `“${input.words[nw - 1] ?? ''} $”`;
  return i === ne - 1 ? `language ${input.lang}` : (input.extras[i] ?? '');
}

/** 8-bit weights with one scale per table: what ships in the repository; the argmax barely moves. */
export interface QuantizedLinear {
  classes: string[];
  scale: number;
  q: Int8Array;
  bias: number[];
}

export function quantizeLinear(m: LinearModel): QuantizedLinear {
  const { w, bias } = m.weights;
  if (w instanceof Int8Array) return { classes: [...m.classes], scale: m.weights.scale, q: w, bias: [...bias] };
  let max = 0;
  for (let i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i] ?? 0));
  const scale = max > 0 ? max / 127 : 1;
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.round((w[i] ?? 0) / scale);
  return { classes: [...m.classes], scale, q, bias: [...bias] };
}

export function dequantizeLinear(d: QuantizedLinear): LinearModel {
  const K = d.classes.length;
  if (K === 0 || d.q.length % K !== 0 || ((d.q.length / K) & (d.q.length / K - 1)) !== 0) throw new TypeError('model: weight table has the wrong shape');
  return linearModelOf(d.classes, d.q, Float32Array.from(d.bias), d.scale);
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
  const fold = (1 << Math.min(MODEL_BITS, Math.max(8, opts.bits ?? MODEL_BITS))) - 1;
  const w = new Float32Array((fold + 1) * K);
  const bias = new Float32Array(K);
  const order = data.map((_, i) => i);
  const total = epochs * data.length;
  const z = new Float64Array(K);
  const dropout = Math.min(0.9, Math.max(0, opts.dropout ?? 0));
  const kept = new Int32Array(MAX_FEATURES);
  const ls = Math.min(0.9, Math.max(0, opts.labelSmoothing ?? 0));
  if (opts.rate && opts.rate.length !== fold + 1) throw new TypeError('trainLinear: rate must have one entry per table row');
  const rate = opts.rate ?? null;
  const offTarget = ls / K;
  const onTarget = 1 - ls + offTarget;
  // the epochs whose final weights are averaged: the last ⌈share × epochs⌉ (at least the last one)
  const tail = Math.min(epochs, Math.max(1, Math.ceil(Math.min(1, Math.max(0, opts.averageTail ?? 0)) * epochs)));
  const sumW = tail > 1 ? new Float64Array(w.length) : null;
  const sumB = tail > 1 ? new Float64Array(K) : null;
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
      // feature dropout: each step sees a random subset of the comment's features (scaled up to keep the sum's
      // expectation), so no single word or rule can carry a class alone
      let nk = 0;
      for (let j = 0; j < x.n; j++) if (dropout === 0 || rand() >= dropout) kept[nk++] = x.idx[j]! & fold;
      if (nk === 0) continue;
      const xs = x.scale / (1 - dropout);
      let max = -Infinity;
      for (let c = 0; c < K; c++) {
        let s = 0;
        for (let j = 0; j < nk; j++) s += w[kept[j]! * K + c]!;
        s = s * xs + (bias[c] ?? 0);
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
        const g = cw * ((z[c] ?? 0) / sum - (c === y ? onTarget : offTarget));
        if (g === 0) continue;
        bias[c] = (bias[c] ?? 0) - lr * g * 0.1;
        const step = lr * g * xs;
        if (rate) {
          for (let j = 0; j < nk; j++) {
            const at = kept[j]! * K + c;
            w[at] = w[at]! * (1 - lr * l2) - step * rate[kept[j]!]!;
          }
        } else {
          for (let j = 0; j < nk; j++) {
            const at = kept[j]! * K + c;
            w[at] = w[at]! * (1 - lr * l2) - step;
          }
        }
      }
    }
    if (sumW && sumB && ep >= epochs - tail) {
      for (let i = 0; i < w.length; i++) sumW[i]! += w[i]!;
      for (let c = 0; c < K; c++) sumB[c]! += bias[c]!;
    }
  }
  if (sumW && sumB) {
    for (let i = 0; i < w.length; i++) w[i] = sumW[i]! / tail;
    for (let c = 0; c < K; c++) bias[c] = sumB[c]! / tail;
  }
  return linearModelOf(classes, w, bias);
}

/**
 * The mean of several linear models over the same classes and table size (e.g. the same data under different seeds).
 * A logit is linear in the weights, so the mean model's logits are exactly the mean of the models' logits: an ensemble
 * at training cost only, one table at inference.
 */
export function averageLinear(models: readonly LinearModel[]): LinearModel {
  const first = models[0];
  if (!first) throw new TypeError('averageLinear: no models');
  const K = first.classes.length;
  const n = first.weights.w.length;
  const w = new Float32Array(n);
  const bias = new Float32Array(K);
  for (const m of models) {
    if (m.classes.length !== K || m.weights.w.length !== n) throw new TypeError('averageLinear: models of different shapes');
    const mw = m.weights.w;
    const sc = m.weights.scale / models.length;
    for (let i = 0; i < n; i++) w[i]! += mw[i]! * sc;
    for (let c = 0; c < K; c++) bias[c]! += m.weights.bias[c]! / models.length;
  }
  return linearModelOf(first.classes, w, bias);
}
