// The producer's deck list: cues in reading order under their segment headings, and the
// selection that Jump / Arm act on. Pure.
import type { CuesState, DeckCue, ScriptContent } from '../../../../shared/contract/index';

export type DeckRow = { type: 'segment'; id: string; title: string; plannedSeconds: number | null } | { type: 'cue'; cue: DeckCue; number: number };

export function deckRows(content: ScriptContent): DeckRow[] {
  const rows: DeckRow[] = [];
  let n = 0;
  for (const s of content.segments) {
    rows.push({ type: 'segment', id: s.id, title: s.title, plannedSeconds: s.plannedSeconds });
    for (const c of s.cues) {
      n += 1;
      rows.push({ type: 'cue', number: n, cue: { id: c.id, kind: c.kind, text: c.text, segmentId: s.id, segmentTitle: s.title } });
    }
  }
  return rows;
}

export function cueIds(content: ScriptContent): string[] {
  return content.segments.flatMap((s) => s.cues.map((c) => c.id));
}

/** Selection after moving `delta` cues, clamped to the deck. */
export function moveSelection(ids: readonly string[], selected: string | null, delta: number): string | null {
  if (ids.length === 0) return null;
  const i = selected === null ? -1 : ids.indexOf(selected);
  const next = Math.min(ids.length - 1, Math.max(0, (i < 0 ? 0 : i) + delta));
  return ids[next] ?? null;
}

/** What Jump / Arm act on when nothing was picked: the next cue. */
export function effectiveSelection(cues: CuesState, selected: string | null, ids: readonly string[]): string | null {
  if (selected !== null && ids.includes(selected)) return selected;
  return cues.next?.id ?? cues.current?.id ?? null;
}

export function overrideSentence(cues: CuesState): string | null {
  const o = cues.override;
  if (!o) return null;
  if (o.reason === 'offer_paused') {
    return o.cueId
      ? `${o.offerName} is paused: the host card shows the approved pause announcement (${o.cueId}) and a red banner.`
      : `${o.offerName} is paused and the script has no pause announcement: the host card shows only the banner.`;
  }
  return o.cueId
    ? `${o.offerName} reached its cap: the host card shows the approved post-bonus CTA (${o.cueId}).`
    : `${o.offerName} reached its cap and the script has no post-bonus CTA: the host is told to wait.`;
}

/**
 * The deck's one-line notice of what the host card shows instead of the current cue: the offer's name
 * (cut first on a narrow console), what happened and what the host reads, in words short enough to sit
 * on the "Next" line; the whole sentence, with the cue's id, goes in its tooltip. As a block of its own it took three lines
 * at 1366×768 and left the deck list 2–25 px: a strip of the current cue, or none.
 */
export function overrideNotice(cues: CuesState): { name: string; what: string; full: string; tone: 'bad' | 'warn' } | null {
  const o = cues.override;
  const full = overrideSentence(cues);
  if (!o || !full) return null;
  if (o.reason === 'offer_paused') return { name: o.offerName, what: o.cueId ? 'paused · host reads pause cue' : 'paused · host: banner only', full, tone: 'bad' };
  return { name: o.offerName, what: o.cueId ? 'at cap · host reads post-cap CTA' : 'at cap · host told to wait', full, tone: 'warn' };
}

/**
 * The list's new scrollTop so a row (top and height in the list's content coordinates) is fully
 * visible, moving as little as possible; unchanged when it already is. A segment header sticks
 * to the top of the list, so the visible part starts a header's height below the edge: a row is
 * never left under it, whichever way the list moved. A row taller than what is left shows its top.
 * Less than `minPeek` pixels of the row above between the header and the row is a sliver, not
 * context (at 1366×768 the list had 1–3 px to spare): then the row goes right under the header.
 */
export function scrollToShow(scrollTop: number, viewHeight: number, rowTop: number, rowHeight: number, stickyHeader = 28, minPeek = 24): number {
  const top = Math.max(0, rowTop - stickyHeader);
  if (top < scrollTop) return top;
  const sliver = (s: number) => top - s > 0 && top - s < minPeek;
  if (rowTop + rowHeight > scrollTop + viewHeight) {
    const bottomAligned = Math.min(top, rowTop + rowHeight - viewHeight);
    return sliver(bottomAligned) ? top : bottomAligned;
  }
  return sliver(scrollTop) ? top : scrollTop;
}

/**
 * How many cues of the deck list are cut or hidden below its visible part: every row whose bottom
 * lies under the list's visible bottom (in the same coordinates; half a pixel is rounding, not a cut).
 */
export function cuesBelow(rowBottoms: readonly number[], visibleBottom: number): number {
  return rowBottoms.filter((b) => b > visibleBottom + 0.5).length;
}

/** The list's "it scrolls" line, or null when nothing is below. */
export function moreBelowText(below: number): string | null {
  if (below <= 0) return null;
  return `▼ ${below} more ${below === 1 ? 'cue' : 'cues'} below`;
}
