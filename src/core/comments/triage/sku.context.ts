// The product a comment is about once its intent is known: spam names no product the team acts on, an order
// naming only a size is for the product in that size, and a question or order about the product on screen that
// names nothing ("does it come in XL?") is for the pinned product; so is a reservation while a product is pinned
// ("save one for me", labelling rule v3: the moderator must know what to hold). A bare
// order to buy that names nothing ("+1", "mine"), or a word that fits several with the pinned one among them, names no
// SKU by the labelling rules: the pinned product is a separate, labelled assumption.
import type { Intent, SubIntent } from './triage.types';
import type { SkuMatch } from './sku.matcher';

export interface SkuInContext {
  /** What the comment names (or "this one" + the pinned product); null when it names none or several fit. */
  sku: string | null;
  candidates: string[];
  /**
   * The pinned product, assumed: for an order that names nothing, or for any comment whose words fit several
   * products with the pinned one among them. Counted for that product (demand per SKU) and shown to the moderator
   * as an assumption, never as a match. Null whenever `sku` is set.
   */
  contextSku: string | null;
  /** Why the match was changed or what was assumed, for the moderator; null when it stands as matched. */
  reason: string | null;
}

/** The reason an assumed product carries; the moderator view shows it apart from matches. */
export const PINNED_ASSUMPTION = 'sku: none named; counted for the pinned product';

/**
 * The learned step's answer for a comment it applies to (sku.on-screen.model): P(about the pinned product) and the
 * threshold it is compared with. Absent (no model in the file, or the step does not apply): the rule cue decides.
 */
export interface OnScreenScore {
  p: number;
  threshold: number;
  /** The rule cue's pick stands at or above this probability (OnScreenModel.veto). */
  veto: number;
}

/**
 * `pinnedSku` must already be a product of the catalog (or null). `sub`: the (predicted) sub-intent, null when there is
 * none (no model): a reservation is read from it.
 */
export function skuInContext(match: SkuMatch, intent: Intent, pinnedSku: string | null, onScreen: OnScreenScore | null = null, sub: SubIntent | null = null): SkuInContext {
  const candidates = match.sku === null && match.candidates.length > 1 ? match.candidates.slice(0, 8) : [];
  if (intent === 'spam') {
    return { sku: null, candidates: [], contextSku: null, reason: match.sku || candidates.length > 0 ? 'sku: spam names no product → none' : null };
  }
  // a complaint whose only cue is a bare demonstrative ("esse veio vazando", "falou desse rápido"): about something
  // already bought or the show more often than the product on screen (rule v2 part C) — none named, the pinned one assumed
  if (intent === 'complaint' && match.bareDemonstrative && pinnedSku && match.sku === pinnedSku) {
    return { sku: null, candidates: [], contextSku: pinnedSku, reason: `sku: a complaint with only “this”, none named; counted for the pinned product ${pinnedSku} (assumed)` };
  }
  // an order naming only a size ("small pls", "mediana una", "single satu"): the product that comes in that size,
  // or several → none with them as candidates
  if (intent === 'order' && match.sku === null && match.sizeOnly.length > 0) {
    if (match.sizeOnly.length === 1) return { sku: match.sizeOnly[0] ?? null, candidates: [], contextSku: null, reason: `sku: an order naming only a size → ${match.sizeOnly[0]}` };
    return { sku: null, candidates: match.sizeOnly.slice(0, 8), contextSku: null, reason: `sku: an order naming only a size fits ${match.sizeOnly.length} SKUs → none` };
  }
  // about the product on screen without naming it (rules v2 and v3): a question about its attributes or with a word
  // standing for it ("how much?", "does it come in XL", "harganya berapa"), an order with such a word ("i'll take it"),
  // a reservation ("save one for me", "apártame una": the moderator must know what to hold). Not a bare order ("+1":
  // assumed below) and not a complaint (what they bought may not be what is pinned now)
  const nothingNamed = match.sku === null && pinnedSku !== null;
  const reserves = nothingNamed && intent === 'order' && sub === 'reserve' && !match.mentioned && !match.offerCode && match.candidates.length === 0;
  const ruleCue = reserves || (nothingNamed && ((intent === 'question' && match.onScreen !== null) || (intent === 'order' && match.onScreen === 'pronoun')));
  const why = reserves
    ? `a reservation while ${pinnedSku} is pinned`
    : match.onScreen === 'pronoun'
      ? 'a word standing for the product on screen'
      : 'a question about the product on screen';
  if (onScreen && match.sku === null && pinnedSku) {
    // the learned step (sku.on-screen.model): the rule cue's pick stands unless the model vetoes it, and the model adds
    // the lines no cue finds (a remark with "it", an order or a complaint about the product on screen) when it is sure;
    // its probability is on the moderator's Why either way
    if (onScreen.p >= onScreen.threshold || (ruleCue && onScreen.p >= onScreen.veto)) {
      const p = onScreen.p.toFixed(2);
      return { sku: pinnedSku, candidates: [], contextSku: null, reason: `sku: about the product on screen (model ${p}${ruleCue ? `; ${why}` : ''}), none named → pinned ${pinnedSku}` };
    }
  } else if (ruleCue && pinnedSku) {
    // without the learned step (a model file without it): the rule cue decides
    return { sku: pinnedSku, candidates: [], contextSku: null, reason: reserves ? `sku: ${why} → ${pinnedSku}` : `sku: ${why}, none named → pinned ${pinnedSku}` };
  }
  // a question whose only product words describe the pinned product ("soy or paraffin?", "does the wood wick crackle"
  // while a wood-wick candle is pinned): about the product on screen's own attributes, not a family named (rule v2)
  if (intent === 'question' && match.sku === null && pinnedSku && match.pinnedFeature !== null && match.pinnedAmong === pinnedSku) {
    return {
      sku: pinnedSku,
      candidates: [],
      contextSku: null,
      reason: `sku: a question about the product on screen; “${match.pinnedFeature}” is a word of its name (${match.candidates.length} products' names have it) → pinned ${pinnedSku}`,
    };
  }
  // a question with a word standing for the product on screen whose other words fit several, the pinned one among them
  // ("is it real honey", "harga casingnya brp"): the word is the pinned product, the others describe it (rule v2)
  if (intent === 'question' && match.sku === null && pinnedSku && match.pinnedPronoun !== null && match.pinnedAmong === pinnedSku) {
    return {
      sku: pinnedSku,
      candidates: [],
      contextSku: null,
      reason: `sku: a word standing for the product on screen; “${match.pinnedPronoun}” fits ${match.candidates.length} products, the pinned one among them → pinned ${pinnedSku}`,
    };
  }
  if (intent === 'order' && match.sku === null && pinnedSku && !match.mentioned && !match.offerCode && match.candidates.length === 0) {
    return { sku: null, candidates: [], contextSku: pinnedSku, reason: `${PINNED_ASSUMPTION} ${pinnedSku} (assumed)` };
  }
  // several fit ("the tote") and the pinned product is one of them: none named, the pinned one assumed beside the candidates
  if (match.sku === null && match.pinnedAmong && candidates.includes(match.pinnedAmong)) {
    return { sku: null, candidates, contextSku: match.pinnedAmong, reason: `sku: ${candidates.length} fit, none named; the pinned product ${match.pinnedAmong} is one of them (assumed)` };
  }
  return { sku: match.sku, candidates, contextSku: null, reason: null };
}
