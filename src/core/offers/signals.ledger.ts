// Counts commerce signals as they arrive (webhook, store polling, the sandbox, 5xx answers): drops
// repeats, then moves the KPIs, the rule windows, orders, stock and the cap, then runs the rules.
import type { CommerceEvent, IngestResult } from '../../shared/contract/index';
import type { Show } from '../../shared/show/show.schema';
import type { KpiCalc } from './kpi.calc';
import type { OffersRepo, StoredEvent } from './offers.repo';
import type { OfferRuntime } from './offer.runtime';
import { reachCapIfDue } from './offer.runtime';
import { resolveEvent } from './commerce.signals';
import { trimWindow, WINDOWED } from './trigger.window';

export interface SignalsLedger {
  /** Signals the station produces itself: stored at once. */
  ingestOwn(show: Show, events: readonly StoredEvent[]): void;
  /** Signals sent in (`offer.ingest`): stored through `write`, in the command's transaction. */
  ingest(show: Show, events: readonly CommerceEvent[], write: (fn: () => void) => void): IngestResult;
}

export function createSignalsLedger(deps: {
  repo: OffersRepo;
  kpis: KpiCalc;
  now(): number;
  runtimes(): readonly OfferRuntime[];
  /** Runs the rules of the offers the signals touched. */
  evaluate(touched: OfferRuntime[]): void;
  /** Views and KPIs changed. */
  changed(): void;
}): SignalsLedger {
  const { repo } = deps;

  const apply = (events: readonly StoredEvent[]) => {
    if (events.length === 0) return;
    const now = deps.now();
    deps.kpis.add(events, now);
    const runtimes = deps.runtimes();
    const touched = new Set<OfferRuntime>();
    for (const e of events) {
      const targets = e.offerId ? runtimes.filter((r) => r.offer.id === e.offerId) : runtimes;
      for (const rt of targets) {
        touched.add(rt);
        if (WINDOWED.has(e.type)) rt.window.push({ at: e.receivedAt, type: e.type, count: e.count, latencySeconds: e.latencySeconds });
        if (e.type === 'order' && e.offerId === rt.offer.id) rt.orders += e.count;
        if (e.type === 'stock' && e.sku && e.stock !== null && rt.offer.skus.includes(e.sku)) rt.stock = { ...rt.stock, [e.sku]: e.stock };
      }
    }
    for (const rt of touched) {
      trimWindow(rt.window, rt.rules, now);
      reachCapIfDue(rt);
    }
    deps.evaluate([...touched]);
    deps.changed();
  };

  /** Drops repeats (by key, within the batch and against what is stored). */
  const fresh = (showId: string, events: readonly StoredEvent[]) => {
    const keys = events.map((e) => e.key).filter((k): k is string => k !== null);
    const known = keys.length ? repo.knownKeys(showId, keys) : new Set<string>();
    const seen = new Set<string>();
    const out: StoredEvent[] = [];
    for (const e of events) {
      if (e.key !== null) {
        if (known.has(e.key) || seen.has(e.key)) continue;
        seen.add(e.key);
      }
      out.push(e);
    }
    return out;
  };

  return {
    ingestOwn(show, events) {
      apply(repo.addEvents(show.id, fresh(show.id, events)));
    },
    ingest(show, events, write) {
      const now = deps.now();
      let unmatched = 0;
      const resolved = events.map((e) => {
        const r = resolveEvent(e, show.offers, 'webhook', now);
        if (r.unmatched) unmatched += 1;
        return r.event;
      });
      const kept = fresh(show.id, resolved);
      // Stored in the command's transaction, with its audit row: both land or neither does.
      write(() => void repo.addEvents(show.id, kept));
      apply(kept);
      return { accepted: kept.length, duplicates: resolved.length - kept.length, unmatched };
    },
  };
}
