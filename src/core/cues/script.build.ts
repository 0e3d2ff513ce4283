// Draft → content: resolves each segment's offer, fills placeholders, assigns stable ids and
// collects the warnings a reviewer should see. The result is what gets hashed and approved.
import type { Cue, ScriptContent, ScriptFormat, ScriptIssue, ScriptSegment } from '../../shared/contract/index';
import type { Show } from '../../shared/show/show.schema';
import { MAX_CUES, type DraftParse, type ScriptDraft } from './script.draft';
import { parseMarkdownScript } from './script-markdown.parser';
import { parseJsonScript } from './script-json.parser';
import { fillPlaceholders } from './script.placeholders';
import { contentHash } from './script.hash';

export type BuildResult =
  | { ok: true; content: ScriptContent; hash: string; warnings: string[] }
  | { ok: false; issues: ScriptIssue[] };

export function parseScript(format: ScriptFormat, source: string): DraftParse {
  return format === 'markdown' ? parseMarkdownScript(source) : parseJsonScript(source);
}

export function buildScript(format: ScriptFormat, source: string, show: Show | null): BuildResult {
  const parsed = parseScript(format, source);
  return parsed.ok ? buildContent(parsed.draft, show) : parsed;
}

export function buildContent(draft: ScriptDraft, show: Show | null): BuildResult {
  const issues: ScriptIssue[] = [];
  const offers = show?.offers ?? [];
  const offerIds = new Set(offers.map((o) => o.id));
  const single = offers.length === 1 ? (offers[0]?.id ?? null) : null;
  if (draft.offerId !== null && show && !offerIds.has(draft.offerId)) {
    issues.push({ line: 1, path: 'offer', message: `offer=${draft.offerId} is not an offer of this show (${[...offerIds].join(', ') || 'none'})` });
  }
  const segIds = new Set<string>();
  let cueCount = 0;
  const segments: ScriptSegment[] = draft.segments.map((seg) => {
    const offerId = seg.offerId ?? draft.offerId ?? single;
    if (seg.offerId !== null && show && !offerIds.has(seg.offerId)) {
      issues.push({ line: seg.line, path: seg.path, message: `offer=${seg.offerId} is not an offer of this show` });
    }
    const offer = offers.find((o) => o.id === offerId) ?? null;
    const hint = offers.length > 1 ? `add {offer=…} to the segment heading or the title (offers: ${[...offerIds].join(', ')})` : 'the show has no offers';
    const id = uniqueSlug(seg.title, segIds);
    const cues: Cue[] = seg.cues.map((c, i) => {
      cueCount += 1;
      const filled = fillPlaceholders(c.text, offer, show, hint);
      if (!filled.ok) for (const e of filled.errors) issues.push({ line: c.line, path: c.path, message: e });
      return { id: `${id}.${i + 1}`, kind: c.kind, text: filled.ok ? filled.text : c.text };
    });
    return { id, title: seg.title, plannedSeconds: seg.plannedSeconds, offerId: offer ? offer.id : null, cues };
  });
  if (cueCount > MAX_CUES) issues.push({ line: null, path: '', message: `${cueCount} cues; a script holds at most ${MAX_CUES}` });
  if (issues.length > 0) return { ok: false, issues };
  const content: ScriptContent = { title: draft.title, segments };
  return { ok: true, content, hash: contentHash(content), warnings: lintContent(content, show) };
}

/** Not errors: things the reviewer and producer should know before this goes live. */
export function lintContent(content: ScriptContent, show: Show | null): string[] {
  const warnings: string[] = [];
  const all = content.segments.flatMap((s) => s.cues.map((c) => ({ ...c, offerId: s.offerId })));
  for (const offer of show?.offers ?? []) {
    const forOffer = (kind: string) => all.some((c) => c.kind === kind && (c.offerId === offer.id || c.offerId === null));
    if (!forOffer('pause')) {
      warnings.push(`No pause announcement for offer ${offer.id}: if it is paused, the host card can only show the banner.`);
    }
    if (offer.cap && !forOffer('post-bonus')) {
      warnings.push(`No post-bonus CTA for offer ${offer.id}: once its cap of ${offer.cap.orders} is reached, the host has no approved line.`);
    }
  }
  if (!all.some((c) => c.kind === 'cta') && (show?.offers.length ?? 0) > 0) warnings.push('No CTA read (a `cta` cue).');
  return warnings;
}

function uniqueSlug(title: string, taken: Set<string>): string {
  const base =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'segment';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
