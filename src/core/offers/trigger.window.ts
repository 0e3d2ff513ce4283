// The rules' memory of recent signals per offer: which signal types count, how far back, and how
// the window is rebuilt from stored signals after a restart and trimmed as time passes.
import { z } from 'zod';
import { triggerRuleSchema, type Offer, type TriggerRule } from '../../shared/show/show.schema';
import type { Logger } from '../platform/logger';
import type { OffersRepo } from './offers.repo';
import type { WindowEvent } from './trigger.rules';

/** Only these feed rule windows; views and carts only move the KPIs. */
export const WINDOWED: ReadonlySet<string> = new Set(['payment_ok', 'payment_error', 'store_5xx', 'chargeback', 'fulfilled']);
export const MAX_WINDOW_EVENTS = 20_000;
const rulesSchema = z.array(triggerRuleSchema);

export const windowSpanMs = (rules: readonly TriggerRule[]) => Math.max(60, ...rules.map((r) => r.windowSeconds)) * 1000;

/** A restart keeps the rules' memory: the window is rebuilt from the stored signals. */
export function restoreWindow(repo: OffersRepo, showId: string, offerId: string, rules: readonly TriggerRule[], now: number): WindowEvent[] {
  return repo
    .windowEvents(showId, offerId, [...WINDOWED], now - windowSpanMs(rules), MAX_WINDOW_EVENTS)
    .map((e) => ({ at: e.receivedAt, type: e.type as WindowEvent['type'], count: e.count, latencySeconds: e.latencySeconds }));
}

/** Drops what fell out of the longest rule's span, and keeps the window bounded. */
export function trimWindow(window: WindowEvent[], rules: readonly TriggerRule[], now: number): void {
  const span = windowSpanMs(rules);
  const keepFrom = window.findIndex((w) => w.at > now - span);
  if (keepFrom !== 0) window.splice(0, keepFrom === -1 ? window.length : keepFrom);
  if (window.length > MAX_WINDOW_EVENTS) window.splice(0, window.length - MAX_WINDOW_EVENTS);
}

/** The producer's edit of an offer's rules if one is stored and still valid, else the show's. */
export function loadRules(repo: OffersRepo, showId: string, offer: Offer, log: Logger): TriggerRule[] {
  const text = repo.rules(showId, offer.id);
  if (!text) return offer.triggers;
  const parsed = rulesSchema.safeParse(JSON.parse(text));
  if (parsed.success) return parsed.data;
  log.warn('offers: stored rules no longer valid, using the show file’s', { offer: offer.id });
  return offer.triggers;
}
