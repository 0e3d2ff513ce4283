// A fact's envelope (seq, kind, showId, at, body), read one fact at a time. A batch used to be
// refused whole for one fact's bad envelope — a kind this HQ does not know yet (a newer station),
// a time past any calendar, a show id too long — and the station resent that batch forever: its
// outbox stalled behind one fact. Now a fact HQ can place (its seq is a usable number) is stored
// flagged with what is wrong, acknowledged, and counted on the station list like a bad body; only a
// fact without a usable seq cannot be stored (there is nothing to store it under or acknowledge).
import { HQ_FACT_KINDS } from '../../src/shared/contract/index';
import { MAX_TIME_MS } from '../db/fact-sql';
import { clip } from '../../src/shared/text/clip';
import { cleanString } from './fact-body.check';

export const MAX_SHOW_ID_CHARS = 128;
/** The longest note of what is wrong with a fact, as stored, answered and shown on the station list. */
export const MAX_PROBLEM_CHARS = 300;
/** What a stored fact's kind column holds for a kind HQ does not know (it is flagged). */
export const MAX_UNKNOWN_KIND_CHARS = 64;

const KINDS: ReadonlySet<string> = new Set(HQ_FACT_KINDS);

/** A fact placed under its seq: `problem` says what is wrong with its envelope (null: nothing). */
export interface PlacedFact {
  seq: number;
  /** A kind HQ knows, or (flagged) the cleaned text the station sent. */
  kind: string;
  known: boolean;
  showId: string;
  at: number;
  body: Record<string, unknown>;
  problem: string | null;
}

export type EnvelopeOutcome = { placed: PlacedFact } | { unplaced: string };

const usableSeq = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
const shortly = (v: unknown) => clip(cleanString(typeof v === 'string' ? v : JSON.stringify(v) ?? String(v)), 40);

/** The notes of what is wrong with a fact (null: nothing), as one note within MAX_PROBLEM_CHARS. */
export function joinProblems(parts: readonly (string | null)[]): string | null {
  return clip(parts.filter((p): p is string => p !== null).join('; '), MAX_PROBLEM_CHARS) || null;
}

export function checkFactEnvelope(raw: unknown): EnvelopeOutcome {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { unplaced: 'a fact that is not an object' };
  const f = raw as Record<string, unknown>;
  if (!usableSeq(f.seq)) return { unplaced: `a fact whose seq is not a positive whole number (${shortly(f.seq)})` };
  const problems: string[] = [];
  const known = typeof f.kind === 'string' && KINDS.has(f.kind);
  let kind: string;
  if (known) kind = f.kind as string;
  else {
    kind = typeof f.kind === 'string' ? clip(cleanString(f.kind), MAX_UNKNOWN_KIND_CHARS) : '';
    problems.push(`kind "${shortly(f.kind)}" is not one this HQ knows (${HQ_FACT_KINDS.join(', ')}): update HQ`);
  }
  let showId = '';
  if (typeof f.showId === 'string' && f.showId.length <= MAX_SHOW_ID_CHARS) showId = cleanString(f.showId);
  else {
    showId = typeof f.showId === 'string' ? clip(cleanString(f.showId), MAX_SHOW_ID_CHARS) : '';
    problems.push(typeof f.showId === 'string' ? `showId of ${f.showId.length} characters (at most ${MAX_SHOW_ID_CHARS})` : 'showId is not text');
  }
  let at = 0;
  if (typeof f.at === 'number' && Number.isInteger(f.at) && f.at >= 0 && f.at <= MAX_TIME_MS) at = f.at;
  else problems.push(`at (${shortly(f.at)}) is not a time HQ can show as a date`);
  let body: Record<string, unknown> = {};
  if (typeof f.body === 'object' && f.body !== null && !Array.isArray(f.body)) body = f.body as Record<string, unknown>;
  else problems.push('body is not an object');
  return { placed: { seq: f.seq, kind, known, showId, at, body, problem: joinProblems(problems) } };
}
