// The learned part of triage: a linear intent model and a sub-intent model over the analyzer's features, and a
// logistic stack that turns rule scores + model logits into one calibrated confidence. Stack weights are fitted on
// out-of-fold predictions only (the model never scores a comment it was trained on while the stack is fitted).
import { createAnalyzer, type Analysis } from './triage.analyzer';
import { averageLinear, dequantizeLinear, featurizeLinear, quantizeLinear, trainLinear, type FeatureVector, type LinearModel } from './linear.model';
import { ON_SCREEN_CLASSES, onScreenApplies, onScreenInput, onScreenTarget, trainOnScreenModel, type OnScreenExample, type OnScreenModel, type OnScreenTrainOptions } from './sku.on-screen.model';
import { INTENTS, SUB_INTENTS, SUBS_OF, type Intent, type StackWeights, type SubIntent, type TriageCatalog, type TriageModel } from './triage.types';

export type { StackWeights, TriageModel };

export interface TrainingExample {
  text: string;
  intent: Intent;
  /** Finer intent; anything else (or a sub of another intent) is ignored. */
  sub?: string | null;
  lang?: string | null;
  pinnedSku?: string | null;
  /**
   * The product the comment is about under labelling rule v2 (test/data/sku-rule-v2.md), when the row carries that
   * label: what the "about the product on screen" step learns from. Undefined: no such label, no example.
   */
  sku?: string | null;
}

export interface TrainingGroup {
  catalog: TriageCatalog;
  rows: readonly TrainingExample[];
}

export interface TrainTriageOptions {
  epochs?: number;
  lr?: number;
  seed?: number;
  /** Folds for the out-of-fold stack fit. */
  folds?: number;
  /** Share of a comment's features left out at each SGD step of the intent model. */
  dropout?: number;
  /** Fit the stack's model and rule weights per class (default) or one pair for all classes. */
  perClassStack?: boolean;
  /** Label smoothing of the intent model (default INTENT_LABEL_SMOOTHING; 0 = none). */
  labelSmoothing?: number;
  /** Tail weight averaging of the intent model (TrainOptions.averageTail; default INTENT_AVERAGE_TAIL). */
  averageTail?: number;
  /**
   * Train the intent model this many times (seeds seed, seed+1, …) and keep the mean of their weights: the mean of
   * their logits, in one table (default 1).
   */
  seeds?: number;
  /**
   * Learn less from features seen in few catalogs: a feature's SGD step is scaled by min(1, s / catalogSupport)^
   * supportPower, where s is the number of training catalogs (shops) whose comments contain it (0 or absent: off).
   * Off by default: on the cross-catalog folds k = 3 moved no fold beyond seed noise and left the worst one as it was,
   * k = 12 lowered it by 0.005–0.008 (docs/triage.md, session 15).
   */
  catalogSupport?: number;
  /** Exponent of the catalogSupport scaling (default 1). */
  supportPower?: number;
  /** Epochs of the sub-intent model (default 12; `epochs` is the intent model's). */
  subEpochs?: number;
  /**
   * Also learn from each comment's copy without question marks (`Prepared.bare`), intent model and stack alike:
   * viewers often ask without one ("is it safe for kids"), so the wording, not the mark alone, should carry a question.
   */
  bareCopies?: boolean;
  /** The "about the product on screen" step's training (sku.on-screen.model); false: no step in the model. */
  onScreen?: OnScreenTrainOptions | false;
}

/**
 * Weight-table sizes: 2^18 × 5 intents (8-bit: 1.3 MB) and 2^16 × 7 sub-intents. The intent table was 2^17 for cache;
 * with 34 corpus categories the hashed features of the wider vocabulary collide less at 2^18: on the inner
 * cross-validation of bench/triage/inner-cv-compare.ts (30 categories, three seeds) inner worst 0.9365 → 0.9391, mean
 * 0.9538 → 0.9547, beyond the seed noise (±0.0004) and the placebo features' (docs/triage.md, session 11). A model file
 * of either size loads: the table's length comes from its header.
 */
const INTENT_BITS = 18;
const SUB_BITS = 16;
/**
 * Defaults of intent-model training for callers that pass no configuration (tests, tools). The bench and the shipped
 * model do not rely on them: they choose epochs, dropout and the stack's shape by an inner cross-validation over
 * their own training categories (bench/triage/model-select.ts), so no test category ever chooses them.
 */
const INTENT_EPOCHS = 20;
const FEATURE_DROPOUT = 0.15;
/**
 * Label smoothing of the intent model (the stack recalibrates its logits, so this shapes what it learns, not the
 * confidence shown). Chosen on the inner cross-validation of bench/triage/inner-cv-compare.ts (24 corpus categories,
 * the four reported folds excluded): inner worst / mean intent macro-F1 0.916 / 0.938 without, 0.919 / 0.940 at 0.1,
 * 0.921 / 0.941 at 0.2, 0.924 / 0.941 at 0.3, 0.925 / 0.942 at 0.4, 0.925 / 0.942 at 0.5.
 */
const INTENT_LABEL_SMOOTHING = 0.4;
/** Tail averaging of the intent model's weights (see TrainOptions.averageTail); 0: the last weights only. */
const INTENT_AVERAGE_TAIL = 0;

/** The rules alone (no learned model): what createTriage does without one. */
export const RULES_ONLY_STACK: StackWeights = { a: 0, b: 1, bias: [0, 0, 0, 0, 0] };

/** One analysed training comment: its features, gold intent/sub-intent (-1: none), rule scores and language. */
export interface Prepared {
  x: FeatureVector;
  y: number;
  sub: number;
  rules: Float64Array;
  lang: string;
  /** The same comment with its question marks taken out (only when it had one): features and rule scores. */
  bare?: { x: FeatureVector; rules: Float64Array };
  /** An example of the "about the product on screen" step, when the row has a v2 label and the step applies. */
  onScreen?: OnScreenExample;
  /** The catalog (shop) the comment was written for: what `catalogSupport` counts a feature's spread over. */
  source?: TriageCatalog;
}

/** Question marks of any script: a comment without them is the same question, written as chat often is. */
const QUESTION_MARKS = /[?¿？⸮]/g;

/** The training rows as (features, class) pairs, each comment's copy without question marks beside it when asked for. */
function examplesOf(data: readonly Prepared[], bare: boolean): Array<{ x: FeatureVector; y: number }> {
  const out: Array<{ x: FeatureVector; y: number }> = [];
  for (const d of data) {
    out.push({ x: d.x, y: d.y });
    if (bare && d.bare) out.push({ x: d.bare.x, y: d.y });
  }
  return out;
}

function ruleVector(a: Analysis): Float64Array {
  const r = new Float64Array(INTENTS.length);
  INTENTS.forEach((c, i) => (r[i] = a.ruleScores[c]));
  return r;
}

export function prepare(groups: readonly TrainingGroup[]): Prepared[] {
  const out: Prepared[] = [];
  for (const g of groups) {
    const an = createAnalyzer(g.catalog);
    const skus = new Set(g.catalog.products.map((p) => p.sku));
    for (const row of g.rows) {
      const y = INTENTS.indexOf(row.intent);
      if (y < 0) continue;
      const a = an.analyse(row.text, row.lang ?? null, row.pinnedSku ?? null);
      const sub = row.sub && (SUBS_OF[row.intent] as readonly string[]).includes(row.sub) ? SUB_INTENTS.indexOf(row.sub as SubIntent) : -1;
      const p: Prepared = { x: featurizeLinear(a.modelInput), y, sub, rules: ruleVector(a), lang: a.lang, source: g.catalog };
      const pinned = row.pinnedSku && skus.has(row.pinnedSku) ? row.pinnedSku : null;
      if (row.sku !== undefined && pinned && onScreenApplies(a.match, pinned)) {
        const target = onScreenTarget(row.sku, pinned);
        // the gold intent and sub-intent stand for the predicted ones the triage service will give it
        if (target !== null) p.onScreen = { x: featurizeLinear(onScreenInput(a.modelInput, a.match, row.intent, sub >= 0 ? SUB_INTENTS[sub] : null)), y: target };
      }
      const bareText = row.text.replace(QUESTION_MARKS, ' ');
      if (bareText !== row.text) {
        const b = an.analyse(bareText, row.lang ?? null, row.pinnedSku ?? null);
        p.bare = { x: featurizeLinear(b.modelInput), rules: ruleVector(b) };
      }
      out.push(p);
    }
  }
  return out;
}

function classWeights(ys: readonly number[], k: number): number[] {
  const counts = new Array<number>(k).fill(0);
  for (const y of ys) counts[y] = (counts[y] ?? 0) + 1;
  return counts.map((c) => (c > 0 ? Math.sqrt(ys.length / (k * c)) : 1));
}

/**
 * Each table row's step scale from how many catalogs' comments contain its features (catalogSupport): a word only one
 * shop's viewers use is a weaker cue for the next shop than one every shop's viewers use. Rows no comment touches
 * keep 1 (they are never updated). Comments without a source count as one catalog of their own.
 */
export function supportRates(data: readonly Prepared[], k: number, power: number, bits: number): Float32Array {
  const size = 1 << bits;
  const mask = size - 1;
  const count = new Uint16Array(size);
  const last = new Int32Array(size).fill(-1);
  const ids = new Map<TriageCatalog | undefined, number>();
  for (const d of data) {
    let id = ids.get(d.source);
    if (id === undefined) ids.set(d.source, (id = ids.size));
    const xs = d.bare ? [d.x, d.bare.x] : [d.x];
    for (const x of xs) {
      for (let j = 0; j < x.n; j++) {
        const r = x.idx[j]! & mask;
        if (last[r] === id) continue;
        last[r] = id;
        if (count[r]! < 65535) count[r]!++;
      }
    }
  }
  const rate = new Float32Array(size);
  for (let r = 0; r < size; r++) rate[r] = count[r] === 0 ? 1 : Math.pow(Math.min(1, count[r]! / k), power);
  return rate;
}

/** The intent model alone (no stack, 32-bit weights): what an inner cross-validation compares configurations with. */
export function trainIntentModel(data: readonly Prepared[], o: TrainTriageOptions = {}): LinearModel {
  const ys = data.map((d) => d.y);
  const examples = examplesOf(data, o.bareCopies ?? false);
  const rate = o.catalogSupport && o.catalogSupport > 1 ? supportRates(data, o.catalogSupport, o.supportPower ?? 1, INTENT_BITS) : undefined;
  const seeds = Math.max(1, Math.floor(o.seeds ?? 1));
  const models = Array.from({ length: seeds }, (_, s) =>
    trainLinear(INTENTS, examples, {
      epochs: o.epochs ?? INTENT_EPOCHS,
      lr: o.lr ?? 0.6,
      seed: (o.seed ?? 17) + s * 1000,
      classWeight: classWeights(ys, INTENTS.length),
      bits: INTENT_BITS,
      dropout: o.dropout ?? FEATURE_DROPOUT,
      labelSmoothing: o.labelSmoothing ?? INTENT_LABEL_SMOOTHING,
      averageTail: o.averageTail ?? INTENT_AVERAGE_TAIL,
      ...(rate ? { rate } : {}),
    }),
  );
  return seeds === 1 ? models[0]! : averageLinear(models);
}

/** L2 penalty on the per-language biases: a language shifts the class priors only as far as its data insists. */
const LANG_BIAS_L2 = 0.05;
/** L2 penalty on the per-class departures from the shared model and rule weights. */
const STACK_CLASS_L2 = 0.01;

/**
 * Logistic regression of the gold intent on (model logit, rule score) with per-class bias and, when `langs` is given,
 * a per-language class bias (calibration per language), by gradient descent. With `perClass` (default) each class
 * also gets its own model and rule weight (kept near the shared pair by an L2 penalty): the rules can be trusted
 * more for one class (a spam link) than another (a lone negation read as a complaint).
 */
export function fitStack(
  m: readonly Float64Array[],
  r: readonly Float64Array[],
  y: readonly number[],
  iterations = 400,
  langs?: readonly string[],
  options: { perClass?: boolean } = {},
): StackWeights {
  const K = INTENTS.length;
  const perClass = options.perClass ?? true;
  let a = 1;
  let b = 0.5;
  const ac = new Array<number>(K).fill(0);
  const bc = new Array<number>(K).fill(0);
  const bias = new Array<number>(K).fill(0);
  const n = y.length;
  if (n === 0) return { ...RULES_ONLY_STACK, bias: [...RULES_ONLY_STACK.bias] };
  const langList = langs ? [...new Set(langs)].sort() : [];
  const langIndex = langs ? langs.map((l) => langList.indexOf(l)) : [];
  const lb = langList.map(() => new Array<number>(K).fill(0));
  const z = new Float64Array(K);
  for (let it = 0; it < iterations; it++) {
    let ga = 0;
    let gb = 0;
    const gac = new Array<number>(K).fill(0);
    const gbc = new Array<number>(K).fill(0);
    const gbias = new Array<number>(K).fill(0);
    const glb = langList.map(() => new Array<number>(K).fill(0));
    for (let i = 0; i < n; i++) {
      const mi = m[i]!;
      const ri = r[i]!;
      const li = langs ? langIndex[i]! : -1;
      let max = -Infinity;
      for (let c = 0; c < K; c++) {
        z[c] = (a + ac[c]!) * mi[c]! + (b + bc[c]!) * ri[c]! + bias[c]! + (li >= 0 ? lb[li]![c]! : 0);
        if (z[c]! > max) max = z[c]!;
      }
      let s = 0;
      for (let c = 0; c < K; c++) {
        z[c] = Math.exp(z[c]! - max);
        s += z[c]!;
      }
      for (let c = 0; c < K; c++) {
        const g = z[c]! / s - (c === y[i] ? 1 : 0);
        ga += g * mi[c]!;
        gb += g * ri[c]!;
        gac[c]! += g * mi[c]!;
        gbc[c]! += g * ri[c]!;
        gbias[c]! += g;
        if (li >= 0) glb[li]![c]! += g;
      }
    }
    const step = 0.5 / n;
    a -= step * ga;
    b -= step * gb;
    if (perClass) {
      for (let c = 0; c < K; c++) {
        ac[c]! -= step * (gac[c]! + STACK_CLASS_L2 * n * ac[c]!);
        bc[c]! -= step * (gbc[c]! + STACK_CLASS_L2 * n * bc[c]!);
      }
    }
    for (let c = 0; c < K; c++) bias[c]! -= step * gbias[c]!;
    for (let l = 0; l < langList.length; l++) for (let c = 0; c < K; c++) lb[l]![c]! -= step * (glb[l]![c]! + LANG_BIAS_L2 * n * lb[l]![c]!);
  }
  const out: StackWeights = { a, b, bias };
  if (perClass) {
    out.classA = ac.map((v) => a + v);
    out.classB = bc.map((v) => b + v);
  }
  if (langs) out.langBias = Object.fromEntries(langList.map((l, i) => [l, lb[i]!]));
  return out;
}

/** The stack's training rows: each comment's out-of-fold logits and rule scores, and its copy without question marks when scored. */
export function stackRowsOf(
  data: readonly Prepared[],
  logits: readonly Float64Array[],
  bareLogits?: ReadonlyArray<Float64Array | null>,
): { m: Float64Array[]; r: Float64Array[]; y: number[]; lang: string[] } {
  const out = { m: [] as Float64Array[], r: [] as Float64Array[], y: [] as number[], lang: [] as string[] };
  data.forEach((d, i) => {
    out.m.push(logits[i]!);
    out.r.push(d.rules);
    out.y.push(d.y);
    out.lang.push(d.lang);
    const b = bareLogits?.[i];
    if (b && d.bare) {
      out.m.push(b);
      out.r.push(d.bare.rules);
      out.y.push(d.y);
      out.lang.push(d.lang);
    }
  });
  return out;
}

export function trainTriageModel(groups: readonly TrainingGroup[], o: TrainTriageOptions = {}): TriageModel {
  return trainPreparedTriageModel(prepare(groups), o);
}

/** trainTriageModel over comments already analysed (a cross-validation analyses each category once). */
export function trainPreparedTriageModel(data: readonly Prepared[], o: TrainTriageOptions = {}): TriageModel {
  const folds = Math.max(2, o.folds ?? 5);
  // out-of-fold model logits for the stack
  // (a comment and its copy without question marks fall in the same fold)
  const bare = o.bareCopies ?? false;
  const oof: Float64Array[] = new Array<Float64Array>(data.length);
  const oofBare: Array<Float64Array | null> = new Array<Float64Array | null>(data.length).fill(null);
  for (let f = 0; f < folds; f++) {
    const train = data.filter((_, i) => i % folds !== f);
    const model = trainIntentModel(train, o);
    data.forEach((d, i) => {
      if (i % folds !== f) return;
      oof[i] = model.logits(d.x);
      if (bare && d.bare) oofBare[i] = model.logits(d.bare.x);
    });
  }
  const stackRows = stackRowsOf(data, oof, oofBare);
  const stack = fitStack(stackRows.m, stackRows.r, stackRows.y, 400, stackRows.lang, { perClass: o.perClassStack ?? true });
  const intent = trainIntentModel(data, o);
  const subData = data.filter((d) => d.sub >= 0);
  const sub =
    subData.length > 0
      ? trainLinear(SUB_INTENTS, subData.map((d) => ({ x: d.x, y: d.sub })), {
          epochs: o.subEpochs ?? 12,
          lr: o.lr ?? 0.6,
          seed: (o.seed ?? 17) + 1,
          classWeight: classWeights(subData.map((d) => d.sub), SUB_INTENTS.length),
          bits: SUB_BITS,
        })
      : null;
  const onScreenData = data.flatMap((d) => (d.onScreen ? [d.onScreen] : []));
  const onScreen = o.onScreen === false ? null : trainOnScreenModel(onScreenData, o.onScreen ?? {});
  // the 8-bit round trip happens here, so what is evaluated is exactly what ships
  return {
    intent: dequantizeLinear(quantizeLinear(intent)),
    sub: sub ? dequantizeLinear(quantizeLinear(sub)) : null,
    onScreen: onScreen ? { ...onScreen, linear: dequantizeLinear(quantizeLinear(onScreen.linear)) } : null,
    stack,
    examples: data.length,
  };
}

const MAGIC = 'baton-triage-model/1';

/** The model as bytes: a JSON header line (classes, scales, biases, stack) and the 8-bit weight tables. */
export function serializeTriageModel(m: TriageModel): Uint8Array {
  const qi = quantizeLinear(m.intent);
  const qs = m.sub ? quantizeLinear(m.sub) : null;
  const qo = m.onScreen ? quantizeLinear(m.onScreen.linear) : null;
  const header = JSON.stringify({
    magic: MAGIC,
    examples: m.examples,
    stack: m.stack,
    intent: { classes: qi.classes, scale: qi.scale, bias: qi.bias, length: qi.q.length },
    sub: qs ? { classes: qs.classes, scale: qs.scale, bias: qs.bias, length: qs.q.length } : null,
    // after the sub table; a file without it (older models) loads with the rule cue in its place
    onScreen: qo && m.onScreen ? { classes: qo.classes, scale: qo.scale, bias: qo.bias, length: qo.q.length, threshold: m.onScreen.threshold, veto: m.onScreen.veto } : null,
  });
  const head = new TextEncoder().encode(header + '\n');
  const out = new Uint8Array(head.length + qi.q.length + (qs?.q.length ?? 0) + (qo?.q.length ?? 0));
  out.set(head, 0);
  out.set(new Uint8Array(qi.q.buffer, qi.q.byteOffset, qi.q.length), head.length);
  if (qs) out.set(new Uint8Array(qs.q.buffer, qs.q.byteOffset, qs.q.length), head.length + qi.q.length);
  if (qo) out.set(new Uint8Array(qo.q.buffer, qo.q.byteOffset, qo.q.length), head.length + qi.q.length + (qs?.q.length ?? 0));
  return out;
}

interface TableHeader {
  classes: string[];
  scale: number;
  bias: number[];
  length: number;
}

/** Reads serializeTriageModel's bytes; anything else is refused with a TypeError (never a half-loaded model). */
export function deserializeTriageModel(bytes: Uint8Array): TriageModel {
  const nl = bytes.indexOf(10);
  if (nl <= 0 || nl > 100_000) throw new TypeError('model: no header');
  const h = JSON.parse(new TextDecoder().decode(bytes.subarray(0, nl))) as {
    magic?: unknown;
    examples?: unknown;
    stack?: StackWeights;
    intent?: TableHeader;
    sub?: TableHeader | null;
    onScreen?: (TableHeader & { threshold?: unknown; veto?: unknown }) | null;
  };
  if (h.magic !== MAGIC || !h.intent || !h.stack || !Array.isArray(h.stack.bias) || h.stack.bias.length !== INTENTS.length) {
    throw new TypeError('model: not a triage model');
  }
  const table = (t: TableHeader, at: number): LinearModel => {
    if (!Array.isArray(t.classes) || !Number.isFinite(t.scale) || !Array.isArray(t.bias) || !Number.isInteger(t.length) || t.length <= 0 || at + t.length > bytes.length) {
      throw new TypeError('model: bad weight table');
    }
    const q = new Int8Array(bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + t.length));
    return dequantizeLinear({ classes: t.classes, scale: t.scale, q, bias: t.bias });
  };
  const intent = table(h.intent, nl + 1);
  if (intent.classes.join() !== INTENTS.join()) throw new TypeError('model: intent classes differ');
  const sub = h.sub ? table(h.sub, nl + 1 + h.intent.length) : null;
  let onScreen: OnScreenModel | null = null;
  if (h.onScreen) {
    const linear = table(h.onScreen, nl + 1 + h.intent.length + (h.sub?.length ?? 0));
    const { threshold, veto } = h.onScreen;
    if (linear.classes.join() !== ON_SCREEN_CLASSES.join() || typeof threshold !== 'number' || typeof veto !== 'number' || !(veto > 0 && veto <= threshold && threshold < 1)) {
      throw new TypeError('model: bad on-screen step');
    }
    onScreen = { linear, threshold, veto };
  }
  const langBias: Record<string, number[]> = {};
  if (h.stack.langBias && typeof h.stack.langBias === 'object') {
    for (const [lang, v] of Object.entries(h.stack.langBias)) {
      if (!/^[a-z]{2,3}$/.test(lang) || !Array.isArray(v) || v.length !== INTENTS.length || !v.every((x) => Number.isFinite(Number(x)))) {
        throw new TypeError('model: bad language calibration');
      }
      langBias[lang] = v.map(Number);
    }
  }
  const stack: StackWeights = { a: Number(h.stack.a), b: Number(h.stack.b), bias: h.stack.bias.map(Number) };
  for (const key of ['classA', 'classB'] as const) {
    const v = h.stack[key];
    if (v === undefined) continue;
    if (!Array.isArray(v) || v.length !== INTENTS.length || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) throw new TypeError('model: bad per-class stack weights');
    stack[key] = v.map(Number);
  }
  if (Object.keys(langBias).length > 0) stack.langBias = langBias;
  return { intent, sub, onScreen, stack, examples: Number(h.examples) || 0 };
}
