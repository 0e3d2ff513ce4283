// Comment triage: intent + language + SKU/offer for one live comment, and online learning from
// moderator corrections. Pure computation (no I/O, no Node imports), state lives in the returned object,
// so it can run in a worker.

import {
  INTENTS,
  type Intent,
  type Triage,
  type TriageCatalog,
  type TriageInput,
  type TriageOptions,
  type TriageResult,
  type TriageStats,
} from './triage.types';
import { normalizeText, type NormalizedText } from './text.normalize';
import { compileLangDetector } from './lang.detect';
import { compileIntentRules, type RuleHit } from './intent.rules';
import { compileSkuMatcher, type SkuMatch } from './sku.matcher';
import { createOnlineModel, featurize, type SparseVector } from './online.model';

export const DEFAULT_UNSURE_BELOW = 0.55;
/** Softmax temperature turning rule scores into a confidence (fixed on dev-tune). */
export const CONFIDENCE_TEMPERATURE = 1.0;
const MAX_REASONS = 6;

interface Analysis {
  norm: NormalizedText;
  lang: TriageResult['lang'];
  match: SkuMatch;
  ruleScores: Record<Intent, number>;
  hits: RuleHit[];
  x: SparseVector;
}

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

export function createTriage(options: TriageOptions): Triage {
  const { catalog } = options;
  checkCatalog(catalog);
  const unsureBelow = options.unsureBelow ?? DEFAULT_UNSURE_BELOW;
  const skus = new Set(catalog.products.map((p) => p.sku));
  const matcher = compileSkuMatcher(catalog);
  const rules = compileIntentRules();
  const langs = compileLangDetector();
  const model = createOnlineModel();

  let classified = 0;
  let unsure = 0;
  const byIntent = emptyCounts();
  let learned = 0;
  const learnedByIntent = emptyCounts();
  let learnedAlreadyRight = 0;

  function analyse(text: string, langHint: string | null | undefined, pinnedSku: string | null | undefined): Analysis {
    const norm = normalizeText(typeof text === 'string' ? text : String(text ?? ''));
    const guess = langs.detect(norm, langHint);
    const lang = guess.lang;
    const pinned = pinnedSku && skus.has(pinnedSku) ? pinnedSku : null;
    const match = matcher.match(norm, pinned);
    const { scores, hits } = rules.score(norm, lang, match, guess.plausible);
    const x = featurize(
      norm,
      lang,
      hits.map((h) => h.id),
    );
    return { norm, lang, match, ruleScores: scores, hits, x };
  }

  function decide(a: Analysis): { intent: Intent; confidence: number; adj: Record<Intent, number>; final: Record<Intent, number> } {
    const adj = model.scores(a.x);
    const final = emptyCounts();
    let best: Intent = 'other';
    let bestScore = -Infinity;
    for (const c of INTENTS) {
      final[c] = a.ruleScores[c] + adj[c];
      // ties resolve by the labelling priority order > complaint > question > spam > other (INTENTS order)
      if (final[c] > bestScore) {
        bestScore = final[c];
        best = c;
      }
    }
    let z = 0;
    for (const c of INTENTS) z += Math.exp((final[c] - bestScore) / CONFIDENCE_TEMPERATURE);
    const confidence = 1 / z;
    return { intent: best, confidence, adj, final };
  }

  function classify(input: TriageInput): TriageResult {
    const a = analyse(input?.text as string, input?.lang, input?.pinnedSku);
    const d = decide(a);
    classified++;
    byIntent[d.intent]++;
    if (d.confidence < unsureBelow) unsure++;

    const reasons: string[] = [];
    const forIntent = a.hits.filter((h) => h.intent === d.intent).sort((p, q) => q.w - p.w);
    for (const h of forIntent.slice(0, 3)) reasons.push(`${d.intent}: ${h.label}`);
    if (forIntent.length === 0 && d.intent === 'other') reasons.push('other: no order/question/complaint/spam cue');
    const runnerUp = INTENTS.filter((c) => c !== d.intent).sort((p, q) => d.final[q] - d.final[p])[0] ?? 'other';
    const against = a.hits.filter((h) => h.intent === runnerUp).sort((p, q) => q.w - p.w)[0];
    if (against && d.final[runnerUp] > d.final[d.intent] - 1.5) reasons.push(`also ${runnerUp}: ${against.label}`);
    const shift = d.adj[d.intent] - Math.max(...INTENTS.filter((c) => c !== d.intent).map((c) => d.adj[c]));
    if (model.updates > 0 && Math.abs(d.adj[d.intent]) > 0.25) {
      reasons.push(`learned from corrections: ${shift >= 0 ? 'toward' : 'away from'} ${d.intent}`);
    }
    for (const r of a.match.reasons) reasons.push(r);
    if (d.confidence < unsureBelow) reasons.push(`unsure (${d.confidence.toFixed(2)} < ${unsureBelow})`);

    return {
      intent: d.intent,
      confidence: Math.round(d.confidence * 1000) / 1000,
      lang: a.lang,
      sku: a.match.sku,
      offerCode: a.match.offerCode,
      reasons: reasons.slice(0, MAX_REASONS),
    };
  }

  function learn(text: string, intent: Intent, lang?: string | null): void {
    if (!INTENTS.includes(intent)) throw new TypeError(`learn: unknown intent ${String(intent)}`);
    const a = analyse(text, lang, null);
    if (decide(a).intent === intent) learnedAlreadyRight++;
    model.update(a.x, intent, a.ruleScores);
    learned++;
    learnedByIntent[intent]++;
  }

  function stats(): TriageStats {
    return {
      classified,
      unsure,
      byIntent: { ...byIntent },
      learned,
      learnedByIntent: { ...learnedByIntent },
      learnedAlreadyRight,
      modelWeightsTouched: model.updates,
      unsureBelow,
    };
  }

  return { classify, learn, stats, unsureBelow };
}
