// Public types of the comment-triage classifier. Pure data; no runtime code.
import type { LinearModel } from './linear.model';

export type Intent = 'order' | 'question' | 'complaint' | 'spam' | 'other';
export type TriageLang = 'en' | 'es' | 'pt' | 'id' | 'und';

export const INTENTS: readonly Intent[] = ['order', 'question', 'complaint', 'spam', 'other'];
/** Finer intents where operations need them; each belongs to one intent (SUBS_OF). */
export type SubIntent = 'buy' | 'reserve' | 'defect' | 'delivery' | 'checkout' | 'cancel_refund' | 'host_stream';
export const SUB_INTENTS: readonly SubIntent[] = ['buy', 'reserve', 'defect', 'delivery', 'checkout', 'cancel_refund', 'host_stream'];
export const SUBS_OF: Readonly<Record<Intent, readonly SubIntent[]>> = {
  order: ['buy', 'reserve'],
  complaint: ['defect', 'delivery', 'checkout', 'cancel_refund', 'host_stream'],
  question: [],
  spam: [],
  other: [],
};

export const LANGS: readonly Exclude<TriageLang, 'und'>[] = ['en', 'es', 'pt', 'id'];

export interface CatalogProduct {
  sku: string; // 'LIP-TINT-RED'
  name: string; // 'Lip Tint Red'
  aliases: string[]; // ['red tint', 'merah', 'rojo', 'vermelho'] — words that name it, any language
  onScreen?: string | null; // '#2' — item number shown on screen; several SKUs can share one (colours)
  family?: string | null; // 'earbuds' — the product family its variants share
  colour?: string | null; // 'black' — in any language; the matcher knows the other languages' words for it
  size?: string | null; // 'M', '42', '30 ml'
}
export interface CatalogOffer {
  code: string;
  skus: string[];
  aliases: string[];
} // code 'LIVEGLOW', aliases ['bundle','kit','glow kit']
export interface TriageCatalog {
  products: CatalogProduct[];
  offers: CatalogOffer[];
}
export interface TriageInput {
  text: string;
  lang?: string | null;
  pinnedSku?: string | null;
}
export interface TriageResult {
  intent: Intent;
  confidence: number /* 0..1 */;
  lang: TriageLang;
  sku: string | null;
  offerCode: string | null;
  reasons: string[] /* short, human-readable: which rule/feature fired, for the moderator's tooltip */;
  /** Finer intent (order: buy/reserve; complaint: defect/delivery/checkout/cancel_refund/host_stream), null when none or no model. */
  sub?: SubIntent | null;
  /** When sku is null because several products fit: those SKUs, for the moderator to pick from. */
  candidates?: string[];
  /**
   * An order naming no product ("+1", "mine") while one is pinned: the pinned SKU, an assumption for demand per SKU
   * and the moderator, not a match (sku stays null). Null or absent otherwise.
   */
  contextSku?: string | null;
}

/** z_c = a·modelLogit_c + b·ruleScore_c + bias_c (+ langBias[lang]_c), softmax → confidence. */
export interface StackWeights {
  a: number;
  b: number;
  bias: number[];
  /** Per-class weights of the model logit and the rule score (replace a and b when present; fitted out of fold). */
  classA?: number[];
  classB?: number[];
  /** Per-language calibration of the class priors (fitted out of fold, kept small by an L2 penalty). */
  langBias?: Record<string, number[]>;
}

/** The learned "about the product on screen" step (sku.on-screen.model): a two-class linear model and its threshold. */
export interface OnScreenModel {
  /** Classes ['elsewhere', 'on screen']. */
  linear: LinearModel;
  /** Probability at or above which the comment takes the pinned SKU. */
  threshold: number;
  /**
   * Where the rule cue of sku.on-screen already gives the pinned SKU (a question with a cue, an order with a word
   * standing for the product), it stands at or above this probability; below it the model vetoes it.
   */
  veto: number;
}

/** The learned part of triage (trainTriageModel / the shipped file). */
export interface TriageModel {
  intent: LinearModel;
  sub: LinearModel | null;
  stack: StackWeights;
  /**
   * The learned "about the product on screen" step (sku.on-screen.model); absent or null in a model file written
   * without it, and then the rule cue of sku.on-screen decides.
   */
  onScreen?: OnScreenModel | null;
  /** Examples it was trained on. */
  examples: number;
}

export interface TriageOptions {
  catalog: TriageCatalog;
  /** Results with confidence below this are meant for the "unsure" lane. Default 0.55. */
  unsureBelow?: number;
  /** The learned model (trainTriageModel); without it the rules decide alone. */
  model?: TriageModel | null;
}

export interface TriageStats {
  classified: number;
  unsure: number;
  byIntent: Record<Intent, number>;
  learned: number;
  learnedByIntent: Record<Intent, number>;
  /** Corrections where the classifier already agreed before learning. */
  learnedAlreadyRight: number;
  modelWeightsTouched: number;
  unsureBelow: number;
}

export interface Triage {
  classify(input: TriageInput): TriageResult;
  learn(text: string, intent: Intent, lang?: string | null): void;
  stats(): TriageStats;
  readonly unsureBelow: number;
}
