// The show-day files of the post-show package: the GO record, the incident timeline (JSON and a
// self-contained HTML page), VOD chapters, the experiment log and a pre-filled post-mortem.
import type { AuditEntry, CommentRecord, HealthSample, StationState } from '../../shared/contract/index';
import { buildTimeline } from './timeline.build';
import { bucketComments } from './comment.volume';
import { renderTimelineHtml } from './timeline.html';
import { chapterLines } from './chapters';
import { renderExperimentLog, renderPostMortem } from './post-mortem';

export interface PackageInputs {
  state: StationState;
  now: number;
  audit: readonly AuditEntry[];
  health: readonly HealthSample[];
  comments: readonly CommentRecord[];
}
export interface PackageFile {
  name: string;
  text: string;
}

export function showDayPackageFiles(input: PackageInputs): { files: PackageFile[]; notes: string[] } {
  const day = input.state.showday;
  if (!day.go) return { files: [], notes: ['no GO was declared for this show: no GO record, timeline, chapters or post-mortem'] };
  const timeline = buildTimeline({
    go: day.go,
    end: day.end,
    to: input.now,
    segments: day.segments,
    audit: input.audit,
    health: input.health,
    comments: bucketComments(input.comments, day.go.at, day.end?.at ?? input.now),
    alerts: input.state.alerts.items,
    firings: input.state.offers.firings,
  });
  const chapters = chapterLines(day.segments, timeline.streamStartAt, timeline.to);
  const notes = day.end ? [] : ['the show has not ended: the timeline runs to the time of writing and has no frozen figures'];
  return {
    notes,
    files: [
      { name: 'go-record.json', text: JSON.stringify(day.go, null, 2) + '\n' },
      ...(day.end ? [{ name: 'end-record.json', text: JSON.stringify(day.end, null, 2) + '\n' }] : []),
      { name: 'timeline.json', text: JSON.stringify(timeline, null, 2) + '\n' },
      { name: 'timeline.html', text: renderTimelineHtml(timeline, day.go, day.end, chapters) },
      { name: 'chapters.txt', text: chapters.join('\n') + (chapters.length ? '\n' : '') },
      { name: 'experiment-log.md', text: renderExperimentLog(day.segments, day.go, day.end) },
      { name: 'post-mortem.md', text: renderPostMortem(timeline, day.go, day.end) },
    ],
  };
}
