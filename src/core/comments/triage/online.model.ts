// A small online model that learns from moderator corrections for the current show.
//
// Multiclass passive-aggressive (PA-I) over hashed, L2-normalised sparse features: word unigrams and
// bigrams, character 3-grams of words (typos, morphology), the ids of the rules that fired and the language.
// The rules' scores are the model's fixed offset: it learns only *corrections* to them, so an empty model
// changes nothing and every learn() moves the combined decision just enough (margin) on that comment.
// learn() costs O(number of features) — a few microseconds.

import { INTENTS, type Intent } from './triage.types';
import type { NormalizedText } from './text.normalize';

export const FEATURE_BITS = 16;
const DIM = 1 << FEATURE_BITS;
const MASK = DIM - 1;
const MAX_FEATURES = 256;
const N_CLASSES = INTENTS.length;

export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
  /** number of used entries */
  n: number;
}

export interface OnlineModelOptions {
  /** Required margin (in score units) between the corrected intent and the runner-up. */
  margin?: number;
  /** PA-I aggressiveness cap per update. */
  maxStep?: number;
}

export interface OnlineModel {
  /** Score adjustment per intent for a feature vector (all zero for an untrained model). */
  scores(x: SparseVector): Record<Intent, number>;
  /** Update towards `intent` given the rules' scores for the same comment. Returns true when weights changed. */
  update(x: SparseVector, intent: Intent, base: Record<Intent, number>): boolean;
  readonly updates: number;
  readonly examples: number;
}

/** Function words: they carry little about intent, so a correction should not lean on them. */
const STOPWORDS: ReadonlySet<string> = new Set(
  `the a an is are was to of on in at it its this that and or for my me i you u your be with so
   el la los las lo de del y en un una es que por con mi se al
   o a os as e do da dos das em um uma no na meu minha pra com que
   yang di ke dan ini itu ya aku kak nya sama buat dari ada`
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/(\p{L})\1+/gu, '$1')),
);

/** A function word in one of the four languages (keys as normalized: runs squashed). */
export function isStopword(key: string): boolean {
  return STOPWORDS.has(key);
}

function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hashed feature vector for one comment (signed feature hashing, duplicates merged, L2-normalised). */
export function featurize(norm: NormalizedText, lang: string, ruleIds: readonly string[]): SparseVector {
  const acc = new Map<number, number>();
  const push = (name: string, w: number): void => {
    const h = fnv1a(name);
    const sign = h & 0x80000000 ? -1 : 1;
    const k = h & MASK;
    const cur = acc.get(k);
    if (cur === undefined && acc.size >= MAX_FEATURES) return;
    acc.set(k, (cur ?? 0) + sign * w);
  };
  const words = norm.tokens.filter((t) => t !== '?');
  const limit = Math.min(words.length, 64);
  for (let i = 0; i < limit; i++) {
    const t = words[i] ?? '';
    const next = words[i + 1] ?? '';
    const common = STOPWORDS.has(t);
    push('w:' + t, common ? 0.3 : 1);
    if (i + 1 < limit) push('b:' + t + ' ' + next, common && STOPWORDS.has(next) ? 0.3 : 0.8);
    if (!common && t.length >= 3 && !t.startsWith(':') && !t.startsWith('_')) {
      const padded = '^' + t + '$';
      for (let j = 0; j + 3 <= padded.length && j < 12; j++) push('c:' + padded.slice(j, j + 3), 0.25);
    }
  }
  for (const id of ruleIds) push('r:' + id, 1);
  push('l:' + lang, 0.5);
  const f = norm.flags;
  if (f.questionEnd) push('f:q_end', 1);
  if (f.url) push('f:url', 1);
  if (f.emojiOnly) push('f:emoji_only', 1);
  if (words.length <= 2) push('f:short', 0.5);
  push('f:bias', 0.3);

  const n = acc.size;
  const idx = new Int32Array(n);
  const val = new Float32Array(n);
  let norm2 = 0;
  let j = 0;
  for (const [k, v] of acc) {
    idx[j] = k;
    val[j] = v;
    norm2 += v * v;
    j++;
  }
  const inv = norm2 > 0 ? 1 / Math.sqrt(norm2) : 0;
  for (let i = 0; i < n; i++) val[i] = val[i]! * inv;
  return { idx, val, n };
}

export function createOnlineModel(opts: OnlineModelOptions = {}): OnlineModel {
  const margin = opts.margin ?? 1.5;
  const maxStep = opts.maxStep ?? 3.0;
  const W = new Float32Array(DIM * N_CLASSES);
  let updates = 0;
  let examples = 0;

  function raw(x: SparseVector, c: number): number {
    const off = c * DIM;
    let s = 0;
    for (let i = 0; i < x.n; i++) s += W[off + x.idx[i]!]! * x.val[i]!;
    return s;
  }

  function scores(x: SparseVector): Record<Intent, number> {
    const out = {} as Record<Intent, number>;
    INTENTS.forEach((intent, c) => {
      out[intent] = updates === 0 ? 0 : raw(x, c);
    });
    return out;
  }

  function update(x: SparseVector, intent: Intent, base: Record<Intent, number>): boolean {
    examples++;
    const y = INTENTS.indexOf(intent);
    if (y < 0 || x.n === 0) return false;
    let sq = 0;
    for (let i = 0; i < x.n; i++) sq += x.val[i]! * x.val[i]!;
    if (sq === 0) return false;
    let changed = false;
    // a few PA-I steps: each fixes the currently worst competitor
    for (let step = 0; step < N_CLASSES; step++) {
      const s = new Float64Array(N_CLASSES);
      INTENTS.forEach((intent, c) => {
        s[c] = base[intent] + raw(x, c);
      });
      let r = -1;
      for (let c = 0; c < N_CLASSES; c++) if (c !== y && (r < 0 || s[c]! > s[r]!)) r = c;
      const loss = margin - (s[y]! - s[r]!);
      if (loss <= 1e-3) break; // float32 weights: don't chase rounding
      const tau = Math.min(maxStep, loss / (2 * sq));
      const oy = y * DIM;
      const or = r * DIM;
      for (let i = 0; i < x.n; i++) {
        const k = x.idx[i]!;
        const v = tau * x.val[i]!;
        W[oy + k] = W[oy + k]! + v;
        W[or + k] = W[or + k]! - v;
      }
      changed = true;
      updates++;
    }
    return changed;
  }

  return {
    scores,
    update,
    get updates() {
      return updates;
    },
    get examples() {
      return examples;
    },
  };
}
