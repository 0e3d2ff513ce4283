// The rundown as it actually ran: one entry per segment that became current while the show clock
// ran, closed when the next one starts. A reset or a new show clock starts a new list.
import type { CuesState, RundownEntry } from '../../shared/contract/index';

/** Returns `before` itself when nothing changed (callers skip the patch). */
export function nextRundown(before: RundownEntry[], cues: CuesState): RundownEntry[] {
  if (cues.showStartedAt === null || cues.segmentStartedAt === null || !cues.current) return before.length && cues.showStartedAt === null ? [] : before;
  // A clock started after the last recorded start is a new run of the show.
  const fresh = before.length > 0 && (before[0]?.startedAt ?? 0) < cues.showStartedAt;
  const list = fresh ? [] : before;
  const last = list[list.length - 1];
  if (last && last.segmentId === cues.current.segmentId && last.startedAt === cues.segmentStartedAt) return before;
  const closed = last && last.endedAt === null ? [...list.slice(0, -1), { ...last, endedAt: cues.segmentStartedAt }] : list;
  return [...closed, { segmentId: cues.current.segmentId, title: cues.current.segmentTitle, startedAt: cues.segmentStartedAt, endedAt: null }];
}
