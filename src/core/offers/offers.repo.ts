// SQLite access for the offers module: durable intents, rule edits, firings, commerce events and
// adapters' notes. Every row is scoped by show id so two shows never share an intent.
import type { TriggerFiring, CommerceEventType } from '../../shared/contract/index';
import type { Db } from '../storage/database';

export interface ControlRow {
  intent: 'live' | 'paused';
  pending: boolean;
  reason: string | null;
  requestedBy: string | null;
  requestedAt: number | null;
  opKey: string | null;
  confirmedAt: number | null;
  capReachedAt: number | null;
  bonusRemoval: string | null;
}

/** A commerce event as the station keeps it: resolved to one offer (or none = all offers). */
export interface StoredEvent {
  key: string | null;
  type: CommerceEventType;
  offerId: string | null;
  sku: string | null;
  count: number;
  amount: number | null;
  currency: string | null;
  stock: number | null;
  latencySeconds: number | null;
  at: number;
  receivedAt: number;
  source: 'webhook' | 'sandbox' | 'store';
}

export interface EventTotals {
  byType: Record<string, { count: number; amount: number }>;
  ordersByOffer: Record<string, number>;
  latencies: number[];
  rehearsal: boolean;
  currency: string | null;
}

export interface OffersRepo {
  control(showId: string, offerId: string): ControlRow | null;
  saveControl(showId: string, offerId: string, row: ControlRow, now: number): void;
  rules(showId: string, offerId: string): string | null;
  saveRules(showId: string, offerId: string, rulesJson: string, by: string, now: number): void;
  addFiring(showId: string, firing: TriggerFiring): void;
  setFiringOutcome(id: string, outcome: string): void;
  firings(showId: string, limit: number): TriggerFiring[];
  lastFiringAt(showId: string, offerId: string, ruleId: string): number | null;
  /** Keys already stored for this show, out of the given ones. */
  knownKeys(showId: string, keys: readonly string[]): Set<string>;
  /** Inserts events; a repeated key is ignored. Returns the events actually stored. */
  addEvents(showId: string, events: readonly StoredEvent[]): StoredEvent[];
  totals(showId: string): EventTotals;
  latestStock(showId: string): { sku: string; stock: number }[];
  /**
   * The newest `limit` events of the given types for one offer (or for every offer) received after
   * `since`, oldest first: a restarted station rebuilds its rule windows from them, so a payment
   * error surge that began before a crash still counts after it.
   */
  windowEvents(showId: string, offerId: string, types: readonly string[], since: number, limit: number): WindowEventRow[];
  memo(showId: string, offerId: string, key: string): string | null;
  setMemo(showId: string, offerId: string, key: string, value: string): void;
}

export interface WindowEventRow {
  type: string;
  count: number;
  latencySeconds: number | null;
  receivedAt: number;
}

interface ControlDbRow {
  intent: 'live' | 'paused';
  pending: number;
  reason: string | null;
  requested_by: string | null;
  requested_at: number | null;
  op_key: string | null;
  confirmed_at: number | null;
  cap_reached_at: number | null;
  bonus_removal: string | null;
}

interface FiringDbRow {
  id: string;
  offer_id: string;
  rule_id: string;
  kind: string;
  action: 'pause' | 'alarm';
  at: number;
  evidence: string;
  outcome: string;
}

export function createOffersRepo(db: Db): OffersRepo {
  const getControl = db.prepare<[string, string], ControlDbRow>(
    `SELECT intent, pending, reason, requested_by, requested_at, op_key, confirmed_at, cap_reached_at, bonus_removal
       FROM offer_control WHERE show_id = ? AND offer_id = ?`,
  );
  const putControl = db.prepare(
    `INSERT INTO offer_control (show_id, offer_id, intent, pending, reason, requested_by, requested_at, op_key, confirmed_at,
                                cap_reached_at, bonus_removal, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (show_id, offer_id) DO UPDATE SET
       intent = excluded.intent, pending = excluded.pending, reason = excluded.reason, requested_by = excluded.requested_by,
       requested_at = excluded.requested_at, op_key = excluded.op_key, confirmed_at = excluded.confirmed_at,
       cap_reached_at = excluded.cap_reached_at, bonus_removal = excluded.bonus_removal, updated_at = excluded.updated_at`,
  );
  const getRules = db.prepare<[string, string], { rules: string }>('SELECT rules FROM offer_rules WHERE show_id = ? AND offer_id = ?');
  const putRules = db.prepare(
    `INSERT INTO offer_rules (show_id, offer_id, rules, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (show_id, offer_id) DO UPDATE SET rules = excluded.rules, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  );
  const putFiring = db.prepare(
    `INSERT INTO offer_firings (id, show_id, offer_id, rule_id, kind, action, at, evidence, outcome)
     VALUES (@id, @showId, @offerId, @ruleId, @kind, @action, @at, @evidence, @outcome)`,
  );
  const putOutcome = db.prepare('UPDATE offer_firings SET outcome = ? WHERE id = ?');
  const listFirings = db.prepare<[string, number], FiringDbRow>(
    'SELECT id, offer_id, rule_id, kind, action, at, evidence, outcome FROM offer_firings WHERE show_id = ? ORDER BY at DESC, rowid DESC LIMIT ?',
  );
  const lastFiring = db.prepare<[string, string, string], { at: number }>(
    'SELECT MAX(at) AS at FROM offer_firings WHERE show_id = ? AND offer_id = ? AND rule_id = ?',
  );
  const hasKey = db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM commerce_events WHERE show_id = ? AND event_key = ?');
  const putEvent = db.prepare(
    `INSERT OR IGNORE INTO commerce_events (show_id, event_key, type, offer_id, sku, count, amount, currency, stock, latency_s, at, received_at, source)
     VALUES (@showId, @key, @type, @offerId, @sku, @count, @amount, @currency, @stock, @latencySeconds, @at, @receivedAt, @source)`,
  );
  const sumByType = db.prepare<[string], { type: string; count: number; amount: number | null }>(
    'SELECT type, SUM(count) AS count, SUM(amount) AS amount FROM commerce_events WHERE show_id = ? GROUP BY type',
  );
  const ordersByOffer = db.prepare<[string], { offer_id: string; count: number }>(
    `SELECT offer_id, SUM(count) AS count FROM commerce_events WHERE show_id = ? AND type = 'order' AND offer_id IS NOT NULL GROUP BY offer_id`,
  );
  const latencies = db.prepare<[string], { latency_s: number }>(
    `SELECT latency_s FROM commerce_events WHERE show_id = ? AND type = 'fulfilled' AND latency_s IS NOT NULL`,
  );
  const anySandbox = db.prepare<[string], { one: number }>(`SELECT 1 AS one FROM commerce_events WHERE show_id = ? AND source = 'sandbox' LIMIT 1`);
  const firstCurrency = db.prepare<[string], { currency: string }>(
    `SELECT currency FROM commerce_events WHERE show_id = ? AND type = 'order' AND currency IS NOT NULL ORDER BY seq LIMIT 1`,
  );
  const stockRows = db.prepare<[string], { sku: string; stock: number }>(
    `SELECT sku, stock FROM commerce_events WHERE seq IN (
       SELECT MAX(seq) FROM commerce_events WHERE show_id = ? AND type = 'stock' AND sku IS NOT NULL GROUP BY sku)`,
  );
  const recentEvents = db.prepare<[string, string, string, number, number], { type: string; count: number; latency_s: number | null; received_at: number }>(
    `SELECT type, count, latency_s, received_at FROM commerce_events
      WHERE show_id = ? AND (offer_id = ? OR offer_id IS NULL) AND type IN (SELECT value FROM json_each(?)) AND received_at > ?
      ORDER BY seq DESC LIMIT ?`,
  );
  const getMemo = db.prepare<[string, string, string], { value: string }>(
    'SELECT value FROM offer_store_memo WHERE show_id = ? AND offer_id = ? AND key = ?',
  );
  const putMemo = db.prepare(
    `INSERT INTO offer_store_memo (show_id, offer_id, key, value) VALUES (?, ?, ?, ?)
     ON CONFLICT (show_id, offer_id, key) DO UPDATE SET value = excluded.value`,
  );

  // Adapters read their notes on every store call (a pause reads the saved thresholds twice) and
  // only this repo writes them, so each is read from SQLite once and then kept, written through.
  const memos = new Map<string, string | null>();
  const memoKey = (showId: string, offerId: string, key: string) => JSON.stringify([showId, offerId, key]);

  const insertEvents = db.transaction((showId: string, events: readonly StoredEvent[]) => {
    const stored: StoredEvent[] = [];
    for (const e of events) {
      const info = putEvent.run({ showId, ...e });
      if (info.changes > 0) stored.push(e);
    }
    return stored;
  });

  return {
    control(showId, offerId) {
      const r = getControl.get(showId, offerId);
      if (!r) return null;
      return {
        intent: r.intent,
        pending: r.pending === 1,
        reason: r.reason,
        requestedBy: r.requested_by,
        requestedAt: r.requested_at,
        opKey: r.op_key,
        confirmedAt: r.confirmed_at,
        capReachedAt: r.cap_reached_at,
        bonusRemoval: r.bonus_removal,
      };
    },
    saveControl(showId, offerId, row, now) {
      // Positional: this runs twice on every pause's path (the intent before the store call, the
      // confirmation in the reply's commit), and binding by name looks each of the twelve up.
      putControl.run(
        showId,
        offerId,
        row.intent,
        row.pending ? 1 : 0,
        row.reason,
        row.requestedBy,
        row.requestedAt,
        row.opKey,
        row.confirmedAt,
        row.capReachedAt,
        row.bonusRemoval,
        now,
      );
    },
    rules: (showId, offerId) => getRules.get(showId, offerId)?.rules ?? null,
    saveRules(showId, offerId, rulesJson, by, now) {
      putRules.run(showId, offerId, rulesJson, by, now);
    },
    addFiring(showId, f) {
      putFiring.run({ showId, ...f });
    },
    setFiringOutcome(id, outcome) {
      putOutcome.run(outcome, id);
    },
    firings(showId, limit) {
      return listFirings.all(showId, limit).map((r) => ({
        id: r.id,
        offerId: r.offer_id,
        ruleId: r.rule_id,
        kind: r.kind,
        action: r.action,
        at: r.at,
        evidence: r.evidence,
        outcome: r.outcome,
      }));
    },
    lastFiringAt: (showId, offerId, ruleId) => lastFiring.get(showId, offerId, ruleId)?.at ?? null,
    knownKeys(showId, keys) {
      const out = new Set<string>();
      for (const k of keys) if (hasKey.get(showId, k)) out.add(k);
      return out;
    },
    addEvents: (showId, events) => (events.length === 0 ? [] : insertEvents(showId, events)),
    totals(showId) {
      const byType: EventTotals['byType'] = {};
      for (const r of sumByType.all(showId)) byType[r.type] = { count: r.count, amount: r.amount ?? 0 };
      const orders: Record<string, number> = {};
      for (const r of ordersByOffer.all(showId)) orders[r.offer_id] = r.count;
      return {
        byType,
        ordersByOffer: orders,
        latencies: latencies.all(showId).map((r) => r.latency_s),
        rehearsal: anySandbox.get(showId) !== undefined,
        currency: firstCurrency.get(showId)?.currency ?? null,
      };
    },
    latestStock: (showId) => stockRows.all(showId),
    windowEvents: (showId, offerId, types, since, limit) =>
      recentEvents
        .all(showId, offerId, JSON.stringify(types), since, limit)
        .reverse()
        .map((r) => ({ type: r.type, count: r.count, latencySeconds: r.latency_s, receivedAt: r.received_at })),
    memo(showId, offerId, key) {
      const k = memoKey(showId, offerId, key);
      const known = memos.get(k);
      if (known !== undefined) return known;
      const value = getMemo.get(showId, offerId, key)?.value ?? null;
      memos.set(k, value);
      return value;
    },
    setMemo(showId, offerId, key, value) {
      putMemo.run(showId, offerId, key, value);
      memos.set(memoKey(showId, offerId, key), value);
    },
  };
}
