// Which approved lines a window surfaces: the offer's urgency cues ("ends in 5 minutes…") with
// their marks, and the post-bonus CTA for a window the cap ends. Only from the loaded approved script.
import type { ScriptContent } from '../../shared/contract/index';
import { markOf, type UrgencyCue } from './offer-window.machine';

/** Segments that speak for the offer: its own, then those for every offer. */
function segmentsFor(content: ScriptContent, offerId: string) {
  return [...content.segments.filter((s) => s.offerId === offerId), ...content.segments.filter((s) => s.offerId === null)];
}

export function urgencyCuesOf(content: ScriptContent, offerId: string): UrgencyCue[] {
  const out: UrgencyCue[] = [];
  const marks = new Set<number>();
  for (const seg of segmentsFor(content, offerId)) {
    for (const cue of seg.cues) {
      if (cue.kind !== 'urgency') continue;
      const markSeconds = markOf(cue.text);
      // One line per mark: the offer's own segment wins over a general one.
      if (marks.has(markSeconds)) continue;
      marks.add(markSeconds);
      out.push({ cueId: cue.id, text: cue.text, markSeconds });
    }
  }
  return out;
}

export function capCtaOf(content: ScriptContent, offerId: string): { cueId: string; text: string } | null {
  for (const seg of segmentsFor(content, offerId)) {
    const cue = seg.cues.find((c) => c.kind === 'post-bonus');
    if (cue) return { cueId: cue.id, text: cue.text };
  }
  return null;
}
