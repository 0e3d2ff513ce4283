// Offers and the commerce toggle. An offer is `paused` only after the store's read-back confirms
// it; until then it is `pausing`, and a store that cannot be reached leaves it `error` with the
// intent kept and retried.
import { z } from 'zod';
import { PRODUCER, command } from './command';
import { triggerRuleSchema, type TriggerRule } from '../show/show.schema';

/**
 * `unknown` until the store has been read once; `pausing`/`resuming` while an operation runs
 * within its deadline; `error` when the store refused, the deadline passed with the intent
 * unconfirmed, or the read-back shows a half-applied pause.
 */
export type OfferPhase = 'unknown' | 'live' | 'pausing' | 'paused' | 'resuming' | 'error';
export type StoreKind = 'sandbox' | 'vendure' | 'shopify' | 'webhook';
/** Where the capped bonus stands once the cap is reached: `manual` = the binding cannot remove it. */
export type BonusRemoval = 'removing' | 'removed' | 'retrying' | 'manual';

export interface OfferView {
  id: string;
  name: string;
  code: string;
  skus: string[];
  price: { amount: number; currency: string };
  state: OfferPhase;
  /** What the station is trying to reach, kept durably while the store is unreachable. */
  intent: 'live' | 'paused';
  /** True while the intent is not yet confirmed by the store's read-back. */
  pending: boolean;
  pendingSince: number | null;
  /** Why the offer was paused (the producer's words or the trigger's evidence). */
  reason: string | null;
  requestedBy: string | null;
  storeKind: StoreKind;
  storeLabel: string;
  /** The store's own admin page for the offer (pause there by hand when the store's API is down); null when unknown. */
  storeAdminUrl: string | null;
  /** False after the last call to the store failed; null before the first call. */
  storeReachable: boolean | null;
  /** Sandbox store: labelled REHEARSAL everywhere. */
  rehearsal: boolean;
  lastError: string | null;
  attempts: number;
  nextRetryAt: number | null;
  /** When the store's read-back last confirmed the current state. */
  confirmedAt: number | null;
  lastReadAt: number | null;
  orders: number;
  cap: { orders: number; bonus: string; reached: boolean; reachedAt: number | null; bonusRemoval: BonusRemoval | null } | null;
  /** Units left per SKU, as the store (or a stock event) last reported them. */
  stock: Record<string, number> | null;
  /** SKUs at or under the offer's `inventory.lowStock`. */
  lowStock: string[];
  /** The rules in force: the show's, or the producer's edit of them (`offer.rules`). */
  rules: TriggerRule[];
}

export interface TriggerFiring {
  id: string;
  offerId: string;
  ruleId: string;
  kind: string;
  action: 'pause' | 'alarm';
  at: number;
  /** The numbers that broke the rule, in words. */
  evidence: string;
  /** What came of it: `pausing`, `paused`, `pause failed: …`, `alarm raised`. */
  outcome: string;
}

export interface OffersState {
  items: OfferView[];
  /** Newest first, the last 50 of the loaded show. */
  firings: TriggerFiring[];
}

export interface KpiState {
  views: number;
  addToCart: number;
  checkouts: number;
  orders: number;
  revenue: number;
  currency: string;
  viewToCart: number | null;
  cartToCheckout: number | null;
  aov: number | null;
  /** Median seconds from order to fulfilment, over the fulfilled orders seen. */
  timeToFulfilSeconds: number | null;
  fulfilled: number;
  paymentErrors: number;
  /** True when any of these figures came from the sandbox store's simulated shoppers. */
  rehearsal: boolean;
  updatedAt: number | null;
}

export const COMMERCE_EVENT_TYPES = [
  'view',
  'add_to_cart',
  'checkout',
  'order',
  'payment_ok',
  'payment_error',
  'refund',
  'chargeback',
  'store_5xx',
  'stock',
  'fulfilled',
] as const;
export type CommerceEventType = (typeof COMMERCE_EVENT_TYPES)[number];

/** One signal from a store, a payment provider or a platform (docs/commerce-webhook.md). */
export const commerceEventSchema = z
  .object({
    /** Sender's id; a repeated id is counted once. */
    id: z.string().min(1).max(128).optional(),
    type: z.enum(COMMERCE_EVENT_TYPES),
    /** When it happened (ms since the epoch); the station's receipt time is used for windows. */
    at: z.number().int().nonnegative().optional(),
    /** Which offer it concerns: by id, by offer code or by SKU; none = every offer. */
    offerId: z.string().min(1).max(64).optional(),
    code: z.string().min(1).max(40).optional(),
    sku: z.string().min(1).max(64).optional(),
    orderId: z.string().min(1).max(128).optional(),
    /** How many of this event (pre-aggregated view counts). */
    count: z.number().int().positive().max(1_000_000).default(1),
    /** Order value (major units, e.g. 39.00). */
    amount: z.number().nonnegative().max(10_000_000).optional(),
    currency: z.string().length(3).toUpperCase().optional(),
    /** `stock`: units left for `sku`. */
    stock: z.number().int().min(-1_000_000).max(100_000_000).optional(),
    /** `fulfilled`: when the order was placed (ms), or the latency directly. */
    placedAt: z.number().int().nonnegative().optional(),
    latencySeconds: z.number().nonnegative().optional(),
    message: z.string().max(300).optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.type === 'stock' && (e.stock === undefined || e.sku === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['stock'], message: 'a stock event needs sku and stock' });
    }
    if (e.type === 'fulfilled' && e.placedAt === undefined && e.latencySeconds === undefined) {
      ctx.addIssue({ code: 'custom', path: ['placedAt'], message: 'a fulfilled event needs placedAt or latencySeconds' });
    }
  });
export type CommerceEvent = z.output<typeof commerceEventSchema>;
export type CommerceEventInput = z.input<typeof commerceEventSchema>;

export interface IngestResult {
  accepted: number;
  duplicates: number;
  /** Events naming an offer, code or SKU the loaded show does not have (still counted in KPIs). */
  unmatched: number;
}

export const offerCommands = {
  'offer.pause': command<{ state: OfferPhase }>()({
    summary: 'Pause an offer in the store; answers when the store’s read-back confirms (or with the error). Repeats join the running pause.',
    roles: ['producer', 'commerce'],
    kind: 'write',
    args: z.object({ offerId: z.string().min(1), reason: z.string().trim().min(1, 'give a reason').max(300) }).strict(),
  }),
  'offer.resume': command<{ state: OfferPhase }>()({
    summary: 'Resume a paused offer; answers when the store’s read-back confirms.',
    roles: ['producer', 'commerce'],
    kind: 'write',
    args: z.object({ offerId: z.string().min(1) }).strict(),
  }),
  'offer.refresh': command<{ state: OfferPhase }>()({
    summary: 'Read the offer’s state back from the store now.',
    roles: ['producer', 'commerce'],
    kind: 'write',
    args: z.object({ offerId: z.string().min(1) }).strict(),
  }),
  'offer.rules': command<{ offerId: string; rules: TriggerRule[] }>()({
    summary: 'Replace an offer’s rollback trigger rules (kept in the station; the show file is not rewritten).',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ offerId: z.string().min(1), rules: z.array(triggerRuleSchema).max(50) }).strict(),
  }),
  'offer.credentials': command<{ offerId: string; secret: string }>()({
    summary: 'Store the offer’s store credential (Vendure password, Shopify token or webhook HMAC key) in the secret store.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ offerId: z.string().min(1), value: z.string().min(1).max(4096) }).strict(),
    secretArgs: ['value'],
  }),
  'offer.eventSecret': command<{ secret: string }>()({
    summary: 'Set the HMAC key that signs POST /api/events (the commerce event webhook).',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ value: z.string().min(16, 'at least 16 characters').max(4096) }).strict(),
    secretArgs: ['value'],
  }),
  'offer.ingest': command<IngestResult>()({
    summary: 'Add commerce events (orders, payments, stock, fulfilment, views, carts) for the triggers and KPIs. POST /api/events is the signed way in.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ events: z.array(commerceEventSchema).min(1).max(1000) }).strict(),
    auditArgs: (a) => ({ count: a.events.length, types: countTypes(a.events) }),
  }),
  'kpi.get': command<{ kpis: KpiState }>()({
    summary: 'The live KPIs.',
    // The roles whose slice shows the kpis domain: revenue and orders are not the host's or the moderator's.
    roles: ['producer', 'commerce', 'customer-service', 'observer'],
    kind: 'read',
    args: z.object({}).strict(),
  }),
};

function countTypes(events: readonly CommerceEvent[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of events) out[e.type] = (out[e.type] ?? 0) + 1;
  return out;
}
