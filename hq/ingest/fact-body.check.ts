// What HQ checks in each fact's body before storing it: the fields its views read, by kind, with
// their types and ranges, and text a database can hold. A station is a separate machine, so a body
// is hostile until this says otherwise. A fact that fails is still stored — flagged with what is
// wrong, never read by a view, counted on the station list and named in the answer — so one bad
// value neither stalls the station's outbox (a refused batch would be resent forever) nor reaches
// anyone's figures.
import { z } from 'zod';
import { COMMERCE_EVENT_TYPES, type HqFactKind } from '../../src/shared/contract/index';
import { MAX_FACT_AMOUNT, MAX_FACT_COUNT, MAX_TIME_MS } from '../db/fact-sql';
import { clip } from '../../src/shared/text/clip';

/** A body longer than this (as JSON) is not kept: the page that shows it would carry it to everyone. */
export const MAX_BODY_CHARS = 64 * 1024;
/** Deeper nesting than this is no fact a station makes (and recursion over it must stay bounded). */
export const MAX_BODY_DEPTH = 16;

const KNOWN_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));
const time = z.number().int().min(0).max(MAX_TIME_MS);
const count = z.number().int().min(0).max(MAX_FACT_COUNT);
const figure = z.number().finite().min(0).max(MAX_FACT_AMOUNT);
const text = (max: number) => z.string().max(max);
const currency = z.string().refine((c) => KNOWN_CURRENCIES.has(c), 'not a currency HQ knows (ISO 4217, e.g. USD)');
/** The show's KPIs: its currency is empty until the shop says. */
/** A running total: refunds may take it below zero. */
const total = z.number().finite().min(-MAX_FACT_AMOUNT).max(MAX_FACT_AMOUNT);
const kpis = z.object({ views: count, addToCart: count, checkouts: count, orders: count, revenue: total, currency: z.union([z.literal(''), currency]) });
const segmentTotals = z.object({ views: count, addToCart: count, checkouts: count, orders: count, revenue: total, paymentErrors: count }).partial();

const BODY: Record<HqFactKind, z.ZodType | null> = {
  // The audit chain is judged by its hashes (a bad row is a visible chain break), not by this.
  audit: null,
  commerce: z.object({
    eventSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullish(),
    key: text(200).nullish(),
    type: z.enum(COMMERCE_EVENT_TYPES),
    offerId: text(200).nullish(),
    sku: text(200).nullish(),
    count,
    amount: figure.nullish(),
    currency: currency.nullish(),
    at: time,
    source: text(64).nullish(),
  }),
  show: z.object({
    title: text(500).optional(),
    brand: text(200).optional(),
    rehearsal: z.boolean().optional(),
    start: text(64)
      .refine((s) => s === '' || !Number.isNaN(Date.parse(s)), 'not a date')
      .optional(),
    durationMinutes: z.number().finite().min(0).max(1e6).optional(),
    timezone: text(64).optional(),
    platforms: z.array(text(64)).max(20).optional(),
    owner: text(200).nullish(),
    approver: text(200).nullish(),
    approverRole: text(200).nullish(),
    people: z.array(z.object({ name: text(200), role: text(200) })).max(500).optional(),
    phase: text(32).optional(),
    kpis: kpis.nullish(),
    experiment: z
      .object({
        goAt: time,
        endAt: time.nullable(),
        final: segmentTotals.nullable(),
        segments: z.array(z.object({ at: time, segmentId: text(200), title: text(500), totals: segmentTotals })).max(2000),
      })
      .nullish(),
    package: z
      .object({ kpis, at: time, counted: z.object({ throughEventSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), events: count }).optional() })
      .optional(),
  }),
  comment_minute: z.object({ minute: time, platform: text(64), intent: text(64), queue: text(64), lang: text(32), count }),
  offer_pause: z.object({ offerId: text(200), reason: text(2000), actor: text(200), outcome: text(32) }),
  alert: z.object({ id: text(200), level: text(32), source: text(64), key: text(200), message: text(2000), raisedAt: time.optional(), updatedAt: time.optional() }),
};

export interface CheckedFact {
  /** What HQ stores: the body, with bad text replaced, or a note of its size when it is too large or deep. */
  body: Record<string, unknown>;
  /** What is wrong with it (short, for the station and the station list); null when nothing is. */
  problem: string | null;
}

// A NUL or a UTF-16 half without its other half: text PostgreSQL's jsonb and text cannot hold.
const BAD_TEXT = /[\u0000]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const BAD_TEXT_ALL = new RegExp(BAD_TEXT.source, 'g');

interface Scan {
  found: 'deep' | 'text' | null;
  /** Characters of text and keys plus a few per value: a bound on the JSON size within 6x (escapes). */
  chars: number;
}

/** Walks a parsed JSON value: too deep, or holding text PostgreSQL cannot store. Bounded recursion. */
function scan(v: unknown, depth: number, acc: Scan): void {
  if (typeof v === 'string') {
    acc.chars += v.length + 2;
    if (BAD_TEXT.test(v)) acc.found = 'text';
    return;
  }
  acc.chars += 24;
  if (!v || typeof v !== 'object') return;
  if (depth > MAX_BODY_DEPTH) {
    acc.found = 'deep';
    return;
  }
  for (const [k, x] of Object.entries(v)) {
    acc.chars += k.length + 3;
    if (BAD_TEXT.test(k)) acc.found = 'text';
    scan(x, depth + 1, acc);
    if (acc.found === 'deep') return;
  }
}

function cleanText(v: unknown): unknown {
  if (typeof v === 'string') return v.replace(BAD_TEXT_ALL, '\ufffd');
  if (Array.isArray(v)) return v.map(cleanText);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.replace(BAD_TEXT_ALL, '\ufffd'), cleanText(x)]));
  return v;
}

/** Cleans text a database cannot hold (NUL, lone surrogates) out of a station's short field. */
export const cleanString = (s: string): string => s.replace(BAD_TEXT_ALL, '\ufffd');

const describe = (issue: z.core.$ZodIssue | undefined) => clip(`${issue?.path.join('.') || '(body)'}: ${issue?.message ?? 'invalid'}`, 200);

/** `kind` null: a kind HQ does not know (flagged already): only the text and size checks apply. */
export function checkFactBody(kind: HqFactKind | null, body: Record<string, unknown>): CheckedFact {
  const acc: Scan = { found: null, chars: 0 };
  scan(body, 1, acc);
  const found = acc.found;
  if (found === 'deep') return { body: { omitted: `nested deeper than ${MAX_BODY_DEPTH} levels` }, problem: `body nested deeper than ${MAX_BODY_DEPTH} levels` };
  const clean = found === 'text' ? (cleanText(body) as Record<string, unknown>) : body;
  // Serialised only when it could be too large: escapes make JSON at most ~6x the counted characters.
  const size = acc.chars * 6 > MAX_BODY_CHARS ? JSON.stringify(clean).length : 0;
  if (size > MAX_BODY_CHARS) return { body: { omitted: `${size} characters` }, problem: `body of ${size} characters (at most ${MAX_BODY_CHARS})` };
  if (found === 'text') return { body: clean, problem: 'text with a NUL character or a lone UTF-16 surrogate' };
  const schema = kind === null ? null : BODY[kind];
  if (!schema) return { body, problem: null };
  const r = schema.safeParse(body);
  return r.success ? { body, problem: null } : { body, problem: describe(r.error.issues[0]) };
}
