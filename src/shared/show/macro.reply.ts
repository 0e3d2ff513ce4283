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
