// The one comment model: what a source or a sender hands over, and how it becomes a station
// comment (id `<platform>:<message id>`, cleaned text, times). Pure functions, no I/O.
import type { CommentRecord } from '../../shared/contract/index';
import { MAX_COMMENT_CHARS } from '../../shared/contract/index';

/** One comment's handling change: the record to store and the one it replaces. */
export interface HandlingChange {
  next: CommentRecord;
  prev: CommentRecord;
}

/** A comment as a source delivers it, before triage. */
export interface SourceComment {
  platform: string;
  messageId: string;
  author: string;
  text: string;
  /** When the platform says it was sent (ms); the receipt time when it does not say. */
  at: number | null;
  room: string | null;
  lang: string | null;
  /** The platform's own payload, kept for the record (tags, ids); JSON-serialisable. */
  raw: unknown;
}

/** A classified comment waiting to be written; `seq` is given by the database. */
export type PendingComment = Omit<CommentRecord, 'seq'> & { showId: string; triageIntent: CommentRecord['intent']; raw: string | null };

export function stationId(platform: string, messageId: string): string {
  return `${platform.toLowerCase()}:${messageId}`;
}

// C0/C1 controls other than tab and newline can break terminals and logs; they carry no meaning in
// a chat line. Everything else (RTL, emoji, "<b>") is kept and rendered as text by the views.
const CONTROL_G = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** A platform's over-long line is kept, cut at the limit with a visible "…" so nobody reads a cut text as whole. */
export function cleanText(text: string): string {
  const t = text.replace(/\r\n?/g, '\n').replace(CONTROL_G, '');
  return t.length > MAX_COMMENT_CHARS ? `${t.slice(0, MAX_COMMENT_CHARS - 1).replace(/[\uD800-\uDBFF]$/, '')}…` : t;
}

export function cleanLabel(value: string, max: number): string {
  return value.replace(CONTROL_G, '').replace(/\s+/g, ' ').trim().slice(0, max);
}

const MAX_RAW_CHARS = 8_000;

/** The raw payload as stored: JSON, capped so one odd message cannot bloat the database. */
export function rawJson(raw: unknown): string | null {
  if (raw === undefined || raw === null) return null;
  let text: string;
  try {
    text = JSON.stringify(raw);
  } catch {
    return null;
  }
  return text.length > MAX_RAW_CHARS ? JSON.stringify({ truncated: true, head: text.slice(0, MAX_RAW_CHARS) }) : text;
}
