// Turns a received comment into a classified, routed one ready to be written. A classifier fault
// never loses a comment: it lands in the unsure lane with the reason.
import type { Intent } from '../../shared/contract/index';
import type { Triage, TriageResult } from './triage/triage.types';
import { cleanLabel, cleanText, rawJson, stationId, type PendingComment, type SourceComment } from './comment.model';
import { routeOf, type Routing } from './comments.router';
import { decideDemand, type DemandPolicy } from './demand.signal';
import { clusterKeyOf } from './cluster.key';

export interface ClassifyContext {
  triage: Triage;
  routing: Routing;
  unsureBelow: number;
  showId: string;
  pinnedSku: string | null;
  /** What the show lets be read as demand (counted per SKU) and whether it closes on arrival. */
  demand: DemandPolicy;
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
  const queue = routeOf(intent, r.confidence, cx.routing, cx.unsureBelow);
  const lang = c.lang ?? r.lang;
  const demand = decideDemand(text, r, lang, cx.demand);
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
    lang,
    at: c.at ?? meta.receivedAt,
    receivedAt: meta.receivedAt,
    triageIntent: intent,
    intent,
    confidence: Math.round(r.confidence * 1000) / 1000,
    sku: r.sku,
    offerCode: r.offerCode,
    queue,
    status: demand?.close ? 'dismissed' : 'new',
    claimedBy: null,
    claimedAt: null,
    answeredAt: null,
    responseSeconds: null,
    reply: null,
    pinned: false,
    correctedFrom: null,
    note: null,
    reasons: demand ? [demand.reason, ...r.reasons.slice(0, 7)] : r.reasons.slice(0, 8),
    sub: r.sub ?? null,
    candidates: r.candidates?.slice(0, 8) ?? [],
    contextSku: r.contextSku ?? null,
    raw: rawJson(c.raw),
    clusterKey: clusterKeyOf({ queue, intent, lang, sku: r.sku ?? r.contextSku ?? null, sub: r.sub ?? null, text }),
    answeredVia: null,
  };
}
