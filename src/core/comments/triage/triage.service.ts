// Comment triage: intent + language + SKU/offer for one live comment, and online learning from
// moderator corrections. Pure computation (no I/O, no Node imports), state lives in the returned object,
// so it can run in a worker.

import {
  INTENTS,
  SUB_INTENTS,
  SUBS_OF,
  type Intent,
  type SubIntent,
  type Triage,
  type TriageCatalog,
  type TriageInput,
  type TriageOptions,
  type TriageResult,
  type TriageStats,
} from './triage.types';
import { createAnalyzer, type Analysis } from './triage.analyzer';
import { createOnlineModel, featurize, isStopword } from './online.model';
import { createFeatureScratch, featurizeLinear, partsLength, type FeatureVector } from './linear.model';
import { RULES_ONLY_STACK, type TriageModel } from './triage.model';
import { skuInContext, type OnScreenScore } from './sku.context';
import { onScreenApplies, onScreenInput, scoreOnScreen } from './sku.on-screen.model';
import { fitReasons } from './triage.reasons';

export const DEFAULT_UNSURE_BELOW = 0.55;
/** Softmax temperature for the rules-only confidence (fixed on dev-tune); a learned model brings its own stack. */
export const CONFIDENCE_TEMPERATURE = 1.0;
const MAX_REASONS = 7;
/** Corrected phrases remembered per show (oldest forgotten first): a moderator's word on a phrase is final. */
export const MAX_CORRECTED_PHRASES = 10_000;


/** The corrections model's adjustment before any correction (shared, never written). */
const NO_ADJUSTMENT: Readonly<Record<Intent, number>> = Object.freeze({ order: 0, question: 0, complaint: 0, spam: 0, other: 0 });

function emptyCounts(): Record<Intent, number> {
  return { order: 0, question: 0, complaint: 0, spam: 0, other: 0 };
}

function checkCatalog(catalog: TriageCatalog): void {
  if (!catalog || !Array.isArray(catalog.products) || !Array.isArray(catalog.offers)) {
    throw new TypeError('createTriage: catalog must have products[] and offers[]');
  }
  for (const p of catalog.products) {
    if (!p || typeof p.sku !== 'string' || !p.sku) throw new TypeError('createTriage: every product needs a sku');
  }
}

interface Decision {
  intent: Intent;
  confidence: number;
  adj: Readonly<Record<Intent, number>>;
  final: Record<Intent, number>;
  /** Model logits (null without a model). */
  logits: Float64Array | null;
  fx: FeatureVector | null;
}

/**
 * A phrase's skeleton: its content words (no function words, numbers, emoji or '?'; product mentions already
 * masked), deduplicated and sorted, prefixed so it never equals an exact phrase. Empty under two content words.
 */
export function skeletonOf(a: Analysis): string {
  const words = new Set<string>();
  for (const w of a.modelInput.words) {
    if (w === '?' || w.charCodeAt(0) === 58 /* : */ || /^\d+$/.test(w) || isStopword(w)) continue;
    words.add(w);
  }
  return words.size >= 2 ? '~' + [...words].sort().join(' ') : '';
}

export function createTriage(options: TriageOptions): Triage {
  const { catalog } = options;
  checkCatalog(catalog);
  const unsureBelow = options.unsureBelow ?? DEFAULT_UNSURE_BELOW;
  const analyzer = createAnalyzer(catalog);
  const catalogSkus = new Set(catalog.products.map((p) => p.sku));
  const learned: TriageModel | null = options.model ?? null;
  const stack = learned?.stack ?? RULES_ONLY_STACK;
  // The online model generalises corrections to other comments. On top of the rules alone it helps; on top of the
  // learned model it measured slightly harmful (bench 2026-12-05: show2 0.932 → 0.929, show3 0.884 → 0.874 after
  // the corrections, with step caps 3 and 8 alike), so with a model the phrase memory below carries corrections.
  const model = createOnlineModel();
  const onlineLearning = learned === null;
  /**
   * The intent a moderator gave a phrase, checked before the model: by the exact normalized phrase, then by its
   * skeleton (content words, product names masked, sorted: "kak mau yg merah 2 ya" ≈ "mau yang biru kak").
   */
  const corrected = new Map<string, Intent>();
  const scratch = createFeatureScratch();
  // the on-screen step's features, apart from the intent model's (those are still read for the reasons)
  const onScreenScratch = createFeatureScratch();
  // one comment's logits and per-part class sums, reused: the model reads its table once per comment, and the
  // explanation is taken from these sums (bit for bit what a second pass would give)
  const zScratch = new Float64Array(learned ? learned.intent.classes.length : 0);
  const parts = learned ? new Float64Array(partsLength(learned.intent.classes.length)) : null;
  const subScore = learned?.sub ? { model: learned.sub, z: new Float64Array(learned.sub.classes.length) } : undefined;

  let classified = 0;
  let unsure = 0;
  const byIntent = emptyCounts();
  let learnedCount = 0;
  const learnedByIntent = emptyCounts();
  let learnedAlreadyRight = 0;

  function analyse(text: string, langHint: string | null | undefined, pinnedSku: string | null | undefined): Analysis {
    return analyzer.analyse(typeof text === 'string' ? text : String(text ?? ''), langHint, pinnedSku);
  }

  function onlineFeatures(a: Analysis) {
    return featurize(
      a.norm,
      a.lang,
      a.hits.map((h) => h.id),
    );
  }

  function decide(a: Analysis): Decision {
    const adj = model.updates > 0 ? model.scores(onlineFeatures(a)) : NO_ADJUSTMENT;
    const fx = learned ? featurizeLinear(a.modelInput, scratch) : null;
    let logits: Float64Array | null = null;
    if (learned && fx && parts) {
      learned.intent.logitsWithParts(fx, a.modelInput, zScratch, parts, subScore);
      logits = zScratch;
    }
    const final = emptyCounts();
    let best: Intent = 'other';
    let bestScore = -Infinity;
    const langBias = stack.langBias?.[a.lang];
    for (let i = 0; i < INTENTS.length; i++) {
      const c = INTENTS[i]!;
      const base = (stack.classA?.[i] ?? stack.a) * (logits?.[i] ?? 0) + (stack.classB?.[i] ?? stack.b) * a.ruleScores[c] + (stack.bias[i] ?? 0) + (langBias?.[i] ?? 0);
      final[c] = (learned ? base : base / CONFIDENCE_TEMPERATURE) + adj[c];
      // ties resolve by the labelling priority order > complaint > question > spam > other (INTENTS order)
      if (final[c] > bestScore) {
        bestScore = final[c];
        best = c;
      }
    }
    let z = 0;
    for (const c of INTENTS) z += Math.exp(final[c] - bestScore);
    return { intent: best, confidence: 1 / z, adj, final, logits, fx };
  }

  function subOf(intent: Intent, d: Decision): SubIntent | null {
    const subs = SUBS_OF[intent];
    if (!learned?.sub || !d.fx || subs.length === 0) return null;
    // the sub-intent logits were scored beside the intent's, in decide()
    const z = subScore?.z ?? learned.sub.logits(d.fx);
    let best: SubIntent | null = null;
    let bestZ = -Infinity;
    for (const s of subs) {
      const v = z[SUB_INTENTS.indexOf(s)] ?? -Infinity;
      if (v > bestZ) {
        bestZ = v;
        best = s;
      }
    }
    return best;
  }

  function classify(input: TriageInput): TriageResult {
    const a = analyse(input?.text as string, input?.lang, input?.pinnedSku);
    const d = decide(a);
    const override = corrected.size > 0 ? (corrected.get(a.norm.tokens.join(' ')) ?? corrected.get(skeletonOf(a))) : undefined;
    if (override && override !== d.intent) {
      d.intent = override;
      d.confidence = 0.99;
    }
    classified++;
    byIntent[d.intent]++;
    if (d.confidence < unsureBelow) unsure++;

    const sub = subOf(d.intent, d);
    const reasons: string[] = [];
    const forIntent = a.hits.filter((h) => h.intent === d.intent).sort((p, q) => q.w - p.w);
    for (const h of forIntent.slice(0, 3)) reasons.push(`${d.intent}: ${h.label}`);
    if (forIntent.length === 0 && d.intent === 'other') reasons.push('other: no order/question/complaint/spam cue');
    let runnerUp: Intent = 'other';
    let runnerScore = -Infinity;
    for (const c of INTENTS) {
      if (c !== d.intent && d.final[c] > runnerScore) {
        runnerScore = d.final[c];
        runnerUp = c;
      }
    }
    const against = a.hits.filter((h) => h.intent === runnerUp).sort((p, q) => q.w - p.w)[0];
    if (against && d.final[runnerUp] > d.final[d.intent] - 1.5) reasons.push(`also ${runnerUp}: ${against.label}`);
    if (learned && d.fx) {
      const top = parts ? learned.intent.topFeaturesOfParts(parts, d.fx, a.modelInput, INTENTS.indexOf(d.intent), 3) : [];
      if (top.length > 0) reasons.push(`model: ${top.map((t) => t.feature).join(', ')}`);
      if (sub) reasons.push(`${d.intent} kind: ${sub.replace('_', '/')}`);
    }
    if (model.updates > 0 && Math.abs(d.adj[d.intent]) > 0.25) {
      const shift = d.adj[d.intent] - Math.max(...INTENTS.filter((c) => c !== d.intent).map((c) => d.adj[c]));
      reasons.push(`learned from corrections: ${shift >= 0 ? 'toward' : 'away from'} ${d.intent}`);
    }
    if (override) reasons.unshift(`${override}: a moderator corrected this phrase`);
    const pinned = typeof input?.pinnedSku === 'string' && catalogSkus.has(input.pinnedSku) ? input.pinnedSku : null;
    // the learned "about the product on screen" step, for a comment that names nothing while a product is pinned
    const step = learned?.onScreen;
    const onScreen: OnScreenScore | null =
      step && pinned && d.intent !== 'spam' && onScreenApplies(a.match, pinned)
        ? { p: scoreOnScreen(step, onScreenInput(a.modelInput, a.match, d.intent, sub), onScreenScratch), threshold: step.threshold, veto: step.veto }
        : null;
    const product = skuInContext(a.match, d.intent, pinned, onScreen, sub);
    const unsureMark = d.confidence < unsureBelow ? [`unsure (${d.confidence.toFixed(2)} < ${unsureBelow})`] : [];

    return {
      intent: d.intent,
      confidence: Math.round(d.confidence * 1000) / 1000,
      lang: a.lang,
      sku: product.sku,
      offerCode: a.match.offerCode,
      reasons: fitReasons(reasons, product.reason ? [product.reason] : a.match.reasons, unsureMark, MAX_REASONS),
      sub,
      candidates: product.candidates,
      contextSku: product.contextSku,
    };
  }

  function learn(text: string, intent: Intent, lang?: string | null): void {
    if (!INTENTS.includes(intent)) throw new TypeError(`learn: unknown intent ${String(intent)}`);
    const a = analyse(text, lang, null);
    const d = decide(a);
    if (d.intent === intent) learnedAlreadyRight++;
    for (const key of [a.norm.tokens.join(' '), skeletonOf(a)]) {
      if (!key) continue;
      corrected.delete(key);
      corrected.set(key, intent);
      if (corrected.size > MAX_CORRECTED_PHRASES) corrected.delete(corrected.keys().next().value as string);
    }
    if (onlineLearning) {
      // the online model learns corrections on top of the fixed rule scores
      const base = emptyCounts();
      for (const c of INTENTS) base[c] = d.final[c] - d.adj[c];
      model.update(onlineFeatures(a), intent, base);
    }
    learnedCount++;
    learnedByIntent[intent]++;
  }

  function stats(): TriageStats {
    return {
      classified,
      unsure,
      byIntent: { ...byIntent },
      learned: learnedCount,
      learnedByIntent: { ...learnedByIntent },
      learnedAlreadyRight,
      modelWeightsTouched: model.updates,
      unsureBelow,
    };
  }

  return { classify, learn, stats, unsureBelow };
}
