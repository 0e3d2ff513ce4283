// The live deck as data: the loaded version's cues in reading order, and the position in them.
// Pure functions; deck.service.ts owns the one mutable copy.
import type { CueKind, CuesState, DeckCue, ScriptContent, ScriptSegment } from '../../shared/contract/index';
import type { DeckRow, StoredVersion } from './script.repo';

/** The stored deck row (minus the ids it resolves) with the version, its approval and the cues. */
export interface DeckPosition extends Omit<DeckRow, 'versionId' | 'cueId'> {
  version: StoredVersion;
  approval: NonNullable<CuesState['loaded']>['approval'];
  cues: DeckCue[];
  index: number;
}

export function flatten(content: ScriptContent): DeckCue[] {
  return content.segments.flatMap((s) => s.cues.map((c) => ({ id: c.id, kind: c.kind, text: c.text, segmentId: s.id, segmentTitle: s.title })));
}

export function segmentOf(content: ScriptContent, segmentId: string): ScriptSegment | null {
  return content.segments.find((s) => s.id === segmentId) ?? null;
}

/** The deck after moving to `index`: the segment timer restarts when the segment changes. */
export function moveTo(deck: DeckPosition, index: number, now: number): DeckPosition {
  const from = deck.cues[deck.index];
  const to = deck.cues[index];
  const newSegment = !from || !to || from.segmentId !== to.segmentId;
  return {
    ...deck,
    index,
    changedAt: now,
    segmentStartedAt: deck.showStartedAt === null ? null : newSegment ? now : deck.segmentStartedAt,
  };
}

export function cueKindsOf(content: ScriptContent, kind: CueKind, offerId: string): DeckCue[] {
  return flatten(content).filter((c) => {
    if (c.kind !== kind) return false;
    const seg = segmentOf(content, c.segmentId);
    return seg?.offerId === offerId || seg?.offerId === null;
  });
}
