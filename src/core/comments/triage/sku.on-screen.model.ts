// A learned "about the product on screen" step (labelling rule v2, test/data/sku-rule-v2.md): for a comment that
// names nothing while a product is pinned, the probability that it is about that product ("how much?", "does it come
// in XL", "harganya berapa") rather than about something else (shipping, an earlier purchase, the host, chatter).
// The rule cue of sku.on-screen cannot tell these apart for many questions, orders and remarks (docs/triage.md,
// session 13); this model reads the same masked words the intent model reads (so what it learns carries over to a
// catalog it never saw: product names are '__prod__', and a comment that names nothing has none), with the comment's
// intent, sub-intent and the rule cue as features beside them. Pure functions; the trained model lives in the triage
// model file (triage.model.ts), and sku.context uses its probability.
import { featurizeLinear, trainLinear, type FeatureScratch, type FeatureVector, type ModelInput } from './linear.model';
import type { SkuMatch } from './sku.resolve';
import type { OnScreenModel } from './triage.types';

/** The two classes, in table order: index 1 is "about the pinned product". */
export const ON_SCREEN_CLASSES: readonly string[] = ['elsewhere', 'on screen'];

export type { OnScreenModel };

/**
 * Weight-table size (2^15 × 2 classes: 64 KB at 8 bits, before gzip). The training data is a few thousand comments
 * per fold, so a larger table only holds more empty rows.
 */
export const ON_SCREEN_BITS = 15;

/**
 * Defaults chosen on the SKU tuning split (the developer-written categories and skate-surf/mens-grooming,
 * leave-one-category-out, gold intent; docs/triage.md session 13), never on the independent categories.
 */
export const ON_SCREEN_DEFAULTS = { epochs: 12, dropout: 0.15, lr: 0.5, threshold: 0.9, veto: 0.2 };

/**
 * Whether the step applies: a product is pinned and the comment names nothing (no product, family, number, offer or
 * code, no candidates, no pointing word: those are decided by the matcher) — the lines the rule cue was computed for.
 */
export function onScreenApplies(match: SkuMatch, pinnedSku: string | null): boolean {
  return pinnedSku !== null && match.sku === null && !match.mentioned && !match.deictic && !match.offerCode && match.candidates.length === 0;
}

/**
 * The model's input: the intent model's words and extras (rule hits, "ends with ?"), and the intent, the sub-intent
 * and the rule cue, alone and crossed with the intent (an order with "it" is not a question with "it").
 */
export function onScreenInput(base: ModelInput, match: SkuMatch, intent: string, sub: string | null | undefined): ModelInput {
  const cue = match.onScreen ?? 'none';
  const extras = [...base.extras, `intent ${intent}`, `cue ${cue}`, `intent ${intent} cue ${cue}`];
  if (sub) extras.push(`sub ${sub}`, `sub ${sub} cue ${cue}`);
  return { words: base.words, lang: base.lang, extras };
}

/** P(about the pinned product) for a featurized input. */
export function onScreenProbability(model: OnScreenModel, x: FeatureVector): number {
  const z = model.linear.logits(x);
  const d = (z[1] ?? 0) - (z[0] ?? 0);
  return 1 / (1 + Math.exp(-d));
}

/** Featurize and score in one call (scratch reused by the caller on a hot path). */
export function scoreOnScreen(model: OnScreenModel, input: ModelInput, scratch?: FeatureScratch): number {
  return onScreenProbability(model, featurizeLinear(input, scratch));
}

export interface OnScreenExample {
  x: FeatureVector;
  /** 1: the label is the pinned SKU; 0: the label is none. */
  y: number;
}

/**
 * The training target from rule-v2 labels of a comment the step applies to: 1 when the label is the pinned SKU, 0
 * when it is none, null (not an example) when it is another product (the matcher's business, not this step's).
 */
export function onScreenTarget(label: string | null, pinnedSku: string): number | null {
  if (label === null) return 0;
  return label === pinnedSku ? 1 : null;
}

export interface OnScreenTrainOptions {
  epochs?: number;
  dropout?: number;
  lr?: number;
  threshold?: number;
  veto?: number;
  seed?: number;
}

/** At least this many examples of each class, or no model (sku.context then falls back to the rule cue). */
export const ON_SCREEN_MIN_PER_CLASS = 20;

/** Trains the step (class-balanced softmax SGD over the two classes); null when the data cannot support it. */
export function trainOnScreenModel(data: readonly OnScreenExample[], o: OnScreenTrainOptions = {}): OnScreenModel | null {
  const pos = data.filter((d) => d.y === 1).length;
  const neg = data.length - pos;
  if (pos < ON_SCREEN_MIN_PER_CLASS || neg < ON_SCREEN_MIN_PER_CLASS) return null;
  const linear = trainLinear(ON_SCREEN_CLASSES, data, {
    epochs: o.epochs ?? ON_SCREEN_DEFAULTS.epochs,
    lr: o.lr ?? ON_SCREEN_DEFAULTS.lr,
    seed: o.seed ?? 29,
    dropout: o.dropout ?? ON_SCREEN_DEFAULTS.dropout,
    bits: ON_SCREEN_BITS,
    classWeight: [Math.sqrt(data.length / (2 * neg)), Math.sqrt(data.length / (2 * pos))],
  });
  return { linear, threshold: o.threshold ?? ON_SCREEN_DEFAULTS.threshold, veto: o.veto ?? ON_SCREEN_DEFAULTS.veto };
}
