// The live incident timeline's words: times on the show clock (+mm:ss since GO), the offer pauses
// and resumes as chart markers, the items newest first and narrowed to one minute. Pure.
import type { TimelineItem, TimelineKind } from '../../../../shared/contract/index';

export function showClock(at: number, goAt: number): string {
  const s = Math.floor((at - goAt) / 1000);
  const sign = s < 0 ? '−' : '+';
  const a = Math.abs(s);
  const h = Math.floor(a / 3600);
  const mm = String(Math.floor((a % 3600) / 60)).padStart(2, '0');
  const ss = String(a % 60).padStart(2, '0');
  return h > 0 ? `${sign}${h}:${mm}:${ss}` : `${sign}${mm}:${ss}`;
}

export interface PauseMarker {
  /** Minutes since GO, the chart's x. */
  t: number;
  kind: 'pause' | 'resume';
  label: string;
}

/** Offer pauses and resumes that the store confirmed, as markers on the KPI chart. */
export function pauseMarkers(items: readonly TimelineItem[], goAt: number): PauseMarker[] {
  const out: PauseMarker[] = [];
  for (const i of items) {
    if (i.kind !== 'offer') continue;
    const kind = / paused$/.test(i.label) ? 'pause' : / resumed$/.test(i.label) ? 'resume' : null;
    if (!kind) continue;
    out.push({ t: Math.round(((i.at - goAt) / 60_000) * 10) / 10, kind, label: i.label });
  }
  return out;
}

export const KIND_LABEL: Record<TimelineKind, string> = {
  go: 'GO',
  end: 'END',
  segment: 'segment',
  cue: 'cue',
  offer: 'offer',
  trigger: 'rule',
  alert: 'alert',
  cleared: 'cleared',
  ack: 'ack',
  stream: 'stream',
};

/** Newest first; `minute` (since GO) narrows to that minute of the show. */
export function visibleItems(items: readonly TimelineItem[], goAt: number, minute: number | null): TimelineItem[] {
  const list = minute === null ? [...items] : items.filter((i) => Math.floor((i.at - goAt) / 60_000) === minute);
  return list.reverse();
}

/** The minutes of the show that have items, for the zoom picker (and the one picked, so it stays listed). */
export function minutesWithItems(items: readonly TimelineItem[], goAt: number, picked: number | null = null): number[] {
  const ms = new Set(items.map((i) => Math.floor((i.at - goAt) / 60_000)).filter((m) => m >= 0));
  if (picked !== null && picked >= 0) ms.add(picked);
  return [...ms].sort((a, b) => a - b);
}
