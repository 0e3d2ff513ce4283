// Turns a received comment into a classified, routed one ready to be written. A classifier fault
// never loses a comment: it lands in the unsure lane with the reason.
import type { Intent } from '../../shared/contract/index';
import type { Triage, TriageResult } from './triage/triage.types';
import { cleanLabel, cleanText, rawJson, stationId, type PendingComment, type SourceComment } from './comment.model';
import { routeOf, type Routing } from './comments.router';

export interface ClassifyContext {
  triage: Triage;
  routing: Routing;
  unsureBelow: number;
  showId: string;
  pinnedSku: string | null;
}

export function classifyComment(
  c: SourceComment,
  meta: { source: string; rehearsal: boolean; receivedAt: number },
  cx: ClassifyContext,
): PendingComment {
  const text = cleanText(c.text);
  let r: TriageResult;
  try {
    r = cx.triage.classify({ text, lang: c.lang, pinnedSku: cx.pinnedSku });
  } catch (error) {
    r = { intent: 'other', confidence: 0, lang: 'und', sku: null, offerCode: null, reasons: [`classifier failed: ${(error as Error).message}`] };
  }
  const intent: Intent = r.intent;
  return {
    id: stationId(c.platform, c.messageId),
    showId: cx.showId,
    source: meta.source,
    rehearsal: meta.rehearsal,
    platform: c.platform.toLowerCase(),
    room: c.room,
    messageId: c.messageId,
    author: cleanLabel(c.author, 128) || 'unknown',
    text,
    lang: c.lang ?? r.lang,
    at: c.at ?? meta.receivedAt,
    receivedAt: meta.receivedAt,
    triageIntent: intent,
    intent,
    confidence: Math.round(r.confidence * 1000) / 1000,
    sku: r.sku,
    offerCode: r.offerCode,
    queue: routeOf(intent, r.confidence, cx.routing, cx.unsureBelow),
    status: 'new',
    claimedBy: null,
    claimedAt: null,
    answeredAt: null,
    responseSeconds: null,
    reply: null,
    pinned: false,
    correctedFrom: null,
    note: null,
    reasons: r.reasons.slice(0, 8),
    sub: r.sub ?? null,
    candidates: r.candidates?.slice(0, 8) ?? [],
    raw: rawJson(c.raw),
  };
}
