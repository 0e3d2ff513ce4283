// One comment's analysis for a given catalog: normalized text, language, product match, rule scores and the
// learned model's input (product mentions masked, so what it learns carries over to a catalog it never saw).
import type { TriageCatalog, TriageLang } from './triage.types';
import type { Intent } from './triage.types';
import { normalizeText, type NormalizedText } from './text.normalize';
import { compileLangDetector } from './lang.detect';
import { compileIntentRules, type RuleHit } from './intent.rules';
import { compileSkuMatcher, type SkuMatch } from './sku.matcher';
import type { ModelInput } from './linear.model';
import { appendModelCues } from './model.cues';

export interface Analysis {
  norm: NormalizedText;
  lang: TriageLang;
  match: SkuMatch;
  ruleScores: Record<Intent, number>;
  hits: RuleHit[];
  modelInput: ModelInput;
}

export interface Analyzer {
  analyse(text: string, langHint?: string | null, pinnedSku?: string | null): Analysis;
}

/** The words the learned model sees: product/offer mentions become '__prod__', on-screen numbers '#n'. */
export function modelInputOf(norm: NormalizedText, lang: TriageLang, match: SkuMatch, hits: readonly RuleHit[]): ModelInput {
  const words: string[] = [];
  const toks = norm.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] ?? '';
    if (match.productTokens.has(i)) {
      if (words[words.length - 1] !== '__prod__') words.push('__prod__');
    } else if (t.charCodeAt(0) === 35) words.push('#n');
    else words.push(t);
  }
  const extras: string[] = [];
  for (const h of hits) extras.push('rule ' + h.id);
  if (match.mentioned) extras.push('names a product');
  if (match.deictic) extras.push('points at the pinned product');
  const f = norm.flags;
  if (f.questionEnd) extras.push('ends with “?”');
  if (f.url) extras.push('contains a link');
  if (f.emojiOnly) extras.push('emoji only');
  if (f.upperRatio > 0.7 && f.letters >= 6) extras.push('shouting');
  appendModelCues(words, extras);
  return { words, lang, extras };
}

export function createAnalyzer(catalog: TriageCatalog): Analyzer {
  const skus = new Set(catalog.products.map((p) => p.sku));
  const matcher = compileSkuMatcher(catalog);
  const rules = compileIntentRules();
  const langs = compileLangDetector();
  return {
    analyse(text, langHint, pinnedSku) {
      const norm = normalizeText(typeof text === 'string' ? text : String(text ?? ''));
      const guess = langs.detect(norm, langHint);
      const lang = guess.lang;
      const pinned = pinnedSku && skus.has(pinnedSku) ? pinnedSku : null;
      const match = matcher.match(norm, pinned);
      const { scores, hits } = rules.score(norm, lang, match, guess.plausible);
      return { norm, lang, match, ruleScores: scores, hits, modelInput: modelInputOf(norm, lang, match, hits) };
    },
  };
}
