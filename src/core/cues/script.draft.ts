// A script as written, before offer placeholders are filled and ids assigned. Both source formats
// (Markdown, JSON) parse into this; `script.build.ts` turns it into the content that gets hashed.
import type { CueKind, ScriptIssue } from '../../shared/contract/index';

export interface DraftCue {
  kind: CueKind;
  text: string;
  /** Where it came from, so an error about it names the line (Markdown) or path (JSON). */
  line: number | null;
  path: string;
}
export interface DraftSegment {
  title: string;
  plannedSeconds: number | null;
  offerId: string | null;
  line: number | null;
  path: string;
  cues: DraftCue[];
}
export interface ScriptDraft {
  title: string;
  offerId: string | null;
  segments: DraftSegment[];
}

export type DraftParse = { ok: true; draft: ScriptDraft } | { ok: false; issues: ScriptIssue[] };

export const MAX_CUE_CHARS = 2000;
export const MAX_CUES = 2000;

/** `2:30`, `90s`, `4m`, `1m30s` → seconds; null when it is none of those. */
export function parseDuration(value: string): number | null {
  const v = value.trim().toLowerCase();
  let m = /^(\d{1,3}):([0-5]\d)$/.exec(v);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  m = /^(?:(\d{1,3})m)?(?:(\d{1,4})s)?$/.exec(v);
  if (m && (m[1] !== undefined || m[2] !== undefined)) return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  return null;
}

export function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
