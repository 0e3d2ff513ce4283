// VOD chapter markers (YouTube style: `00:00 Intro`) from the segments marked while live, relative
// to the stream's start. Pure: the package writes what this returns.
import type { SegmentMark } from '../../shared/contract/index';
import { oneLine } from '../../shared/text/one-line';

/** YouTube ignores chapters shorter than this; a shorter segment gives way to the next one. */
const MIN_CHAPTER_MS = 10_000;

export function formatOffset(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

export function chapterLines(segments: readonly SegmentMark[], streamStartAt: number, endAt: number): string[] {
  const marks = segments.filter((s) => s.at <= endAt).map((s) => ({ at: Math.max(s.at, streamStartAt), title: titleLine(s.title) }));
  const kept: { at: number; title: string }[] = [];
  for (const m of marks) {
    const last = kept[kept.length - 1];
    if (last && m.at - last.at < MIN_CHAPTER_MS) kept[kept.length - 1] = { at: last.at, title: m.title };
    else kept.push(m);
  }
  // Chapters must start at 00:00: the time before the first segment is the pre-show.
  if (kept.length && kept[0]!.at - streamStartAt >= MIN_CHAPTER_MS) kept.unshift({ at: streamStartAt, title: 'Pre-show' });
  else if (kept.length) kept[0] = { ...kept[0]!, at: streamStartAt };
  return kept.map((k) => `${formatOffset(k.at - streamStartAt)} ${k.title}`);
}

/** A title on one line with no control characters: a chapter file is line-based. */
const titleLine = (t: string) => oneLine(t) || 'Untitled';
