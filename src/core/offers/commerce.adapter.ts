// The one interface every store sits behind (sandbox, Vendure, Shopify, signed webhook): pause,
// resume, read back, end the capped bonus, list new orders. Failures are StoreErrors in words.
import type { StoreKind, TestOrderResult } from '../../shared/contract/index';

export interface StoreReading {
  /** true: every part of the pause is in place; false: none is; 'partial': some are. */
  paused: boolean | 'partial';
  /** What the read-back saw, for the audit row and the producer: "promotion 1 disabled; …". */
  detail: string;
  /** Units a shopper can still buy per SKU, where the store reports it. */
  stock: Record<string, number> | null;
  /** Whether the capped bonus is still on, where the binding names one; null = not known. */
  bonusActive: boolean | null;
}

export interface StoreOrder {
  /** The store's order id or code; counted once per show. */
  id: string;
  at: number;
  /** Total in major units (39.00); null when the store's figure was no number (no revenue is made up). */
  amount: number | null;
  currency: string;
  sku: string | null;
}

export interface StoreOp {
  /** Same for every retry of one intent: stores that honour it apply the change once. */
  key: string;
  reason: string | null;
}

export interface CommerceAdapter {
  readonly kind: StoreKind;
  /** "Vendure 127.0.0.1:3000 · promotion 1" — never a credential. */
  readonly label: string;
  /** The store's own admin page for this offer, where a person pauses it by hand when Baton cannot
   *  reach the store's API; null when the store has none Baton can name. Never carries a credential. */
  readonly adminUrl: string | null;
  readonly rehearsal: boolean;
  /** Applies the pause (true) or resume (false), then reads the state back and returns it. */
  setPaused(paused: boolean, op: StoreOp): Promise<StoreReading>;
  read(): Promise<StoreReading>;
  /** Ends the capped bonus in the store and reads it back. Throws `config` when it cannot. */
  removeBonus(op: StoreOp): Promise<StoreReading>;
  /** Orders placed since the previous call, or null when this store does not list orders. */
  pollOrders(): Promise<StoreOrder[] | null>;
  /**
   * Preflight: a real order with the offer's code, confirmed, refunded and cancelled; its code is
   * left out of `pollOrders` so it never counts as revenue. Absent where the store cannot do it.
   */
  placeTestOrder?(couponCode: string): Promise<TestOrderResult>;
  close(): void;
}

/**
 * unreachable/timeout/server/throttled may pass by themselves and are retried quickly;
 * auth/config/rejected need a person (a password, a binding, the store admin) and are retried
 * slowly in the background in case someone fixes the store side.
 */
export type StoreErrorKind = 'unreachable' | 'timeout' | 'server' | 'throttled' | 'auth' | 'config' | 'rejected' | 'protocol';

const RETRYABLE: ReadonlySet<StoreErrorKind> = new Set(['unreachable', 'timeout', 'server', 'throttled', 'protocol']);

export class StoreError extends Error {
  readonly retryable: boolean;
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    readonly status: number | null = null,
    /** False when the call failed before reaching the store (no credential stored, say). */
    readonly contacted = true,
  ) {
    super(message);
    this.name = 'StoreError';
    this.retryable = RETRYABLE.has(kind);
  }
}

export function asStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new StoreError('protocol', `the store adapter failed: ${message}`, null, false);
}

/** Called per HTTP answer (status) or failure (null): 5xx answers feed the `store_5xx` trigger. */
export type ResponseObserver = (status: number | null) => void;
