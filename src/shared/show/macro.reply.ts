// Which approved text a reply macro sends for one comment: the comment's language when the show
// approved one, and the "paused" variant while the macro's offer is paused (none: not usable).
// Shared by the station (which sends it) and the desk (which shows it), so both say the same.
import type { Show } from './show.schema';

export type Macro = Show['comments']['macros'][number];

export type MacroReply =
  | { ok: true; text: string; lang: string | null; variant: 'normal' | 'paused' }
  | { ok: false; reason: string };

/** `lang` may be a region tag ("pt-BR"): its base ("pt") matches too. */
function pick(texts: Record<string, string> | undefined, fallback: string, lang: string | null): { text: string; lang: string | null } {
  if (lang && texts) {
    const base = lang.toLowerCase().split(/[-_]/)[0] ?? '';
    for (const [k, v] of Object.entries(texts)) if (k.toLowerCase() === lang.toLowerCase()) return { text: v, lang: k };
    for (const [k, v] of Object.entries(texts)) if (k.toLowerCase().split(/[-_]/)[0] === base) return { text: v, lang: k };
  }
  return { text: fallback, lang: null };
}

export function macroReply(macro: Macro, lang: string | null, pausedOfferIds: ReadonlySet<string>): MacroReply {
  if (macro.offerId && pausedOfferIds.has(macro.offerId)) {
    if (!macro.paused) return { ok: false, reason: `“${macro.label}” is tied to an offer that is paused, and the show has no approved paused text for it.` };
    const p = pick(macro.paused.texts, macro.paused.text, lang);
    return { ok: true, text: p.text, lang: p.lang, variant: 'paused' };
  }
  const p = pick(macro.texts, macro.text, lang);
  return { ok: true, text: p.text, lang: p.lang, variant: 'normal' };
}

/** One text a bulk answer sends, and to how many of the selected items (the languages it covers). */
export interface MacroReplyGroup {
  text: string;
  /** The show's language key the text is approved in; null: the base text. */
  lang: string | null;
  items: number;
}

export type MacroReplies = { ok: true; variant: 'normal' | 'paused'; groups: MacroReplyGroup[] } | { ok: false; reason: string };

/**
 * What a bulk answer sends for a selection: the station answers each item in its own language
 * (`macroReply` per item), so a mixed selection gets several texts. Grouped by text, most items
 * first, so the desk can show every text that will go out and to how many — not one text that
 * only some of the items get. `langs`: each selected item's language (null when unknown).
 */
export function macroRepliesFor(macro: Macro, langs: readonly (string | null)[], pausedOfferIds: ReadonlySet<string>): MacroReplies {
  const groups = new Map<string, MacroReplyGroup>();
  let variant: 'normal' | 'paused' = 'normal';
  for (const lang of langs.length ? langs : [null]) {
    const r = macroReply(macro, lang, pausedOfferIds);
    if (!r.ok) return r;
    variant = r.variant;
    const g = groups.get(r.text);
    if (g) g.items += langs.length ? 1 : 0;
    else groups.set(r.text, { text: r.text, lang: r.lang, items: langs.length ? 1 : 0 });
  }
  return { ok: true, variant, groups: [...groups.values()].sort((a, b) => b.items - a.items) };
}
