// Which product (SKU) and offer a comment refers to: compiles a catalog once and matches comments against it.
// The parts: sku.catalog-index (terms), sku.mentions (finding them), sku.resolve (one SKU or several → none),
// sku.pointer (the pinned product), sku.words / sku.morphology (vocabulary); sku.context applies the intent.
//
// Terms come from the catalog: product names (whole name = strongest, single name words = weak), aliases in
// any language, on-screen numbers ("#2", "no 2", "item 2"), offer codes (case-insensitive) and
// offer aliases. A term shared by several SKUs ("lip tint", "#2") names a *family*; a term owned by
// one SKU ("nude", "50 ml") names that SKU.
//
// Resolution (labelling rules: sku null when several SKUs fit or several are named):
//   1. SKUs named by their own non-numeric term. If several, drop those whose terms also fit another named SKU
//      ("serum 50ml": "serum" also fits the 50 ml → 50 ml). A bundle beats its contents ("kit with the berry").
//      Still several, or a family named beside it that it is not part of ("the dress and the scarf") → null.
//   2. Otherwise SKUs named by a bare number alias ("el de 50"), same rules.
//   3. Otherwise the SKUs every naming term fits (intersection: "light roast" → the light ones); terms that fit
//      disjoint sets → several products → null.
//   4. Colour / size words narrow per dimension: two colours (or two sizes) that fit different SKUs → null
//      ("burgundy and black", "ordered L got S"). Adjective sizes ("small", "kecil") and one-digit sizes only narrow;
//      "the big one" / "yg paling kecil" pick the largest / smallest of a product's sizes; a colour alone means a
//      product that comes in colours.
//   5. Nothing left named: a pointing word ("este", "ini", "this", "the one she's holding", "that scooter") points at
//      the pinned product; so does a family word that fits several when the pinned product is one of them.
//   6. An offer code or bundle word whose bundle is not a catalog product → null (the deal, not one product);
//      only an offer code (or "the code" when the show has one offer) → the offer's single SKU.
// Catalog family words are translated (sku.words FAMILY_ROWS); offer codes forgive one edit and look-alike
// digits ("gl0wset20", "glowset 2O"); fuzzy word matching is kept to long brand words, never short colour words.

import type { TriageCatalog } from './triage.types';
import type { NormalizedText } from './text.normalize';
import { indexCatalog } from './sku.catalog-index';
import { findMentions } from './sku.mentions';
import { resolveMentions } from './sku.resolve';

export { withinOneEdit } from './sku.mentions';

export type { SkuMatch } from './sku.resolve';
import type { SkuMatch } from './sku.resolve';

export interface SkuMatcher {
  match(norm: NormalizedText, pinnedSku?: string | null): SkuMatch;
  readonly termCount: number;
}

export function compileSkuMatcher(catalog: TriageCatalog): SkuMatcher {
  const index = indexCatalog(catalog);
  return {
    match(norm: NormalizedText, pinnedSku?: string | null): SkuMatch {
      const { found, productTokens } = findMentions(index, norm.tokens);
      return resolveMentions(index, norm, found, productTokens, pinnedSku ?? null);
    },
    termCount: index.terms.size,
  };
}
