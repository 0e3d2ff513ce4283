// Offers and the commerce toggle. An offer is `paused` only after the store's read-back confirms
// it; until then it is `pausing`, and a store that cannot be reached leaves it `error` with the
// intent kept and retried.
import { z } from 'zod';
import { ALL_ROLES, PRODUCER, command } from './command';

export type OfferPhase = 'live' | 'pausing' | 'paused' | 'resuming' | 'error';

export interface OfferView {
  id: string;
  name: string;
  code: string;
  state: OfferPhase;
  /** What the station is trying to reach, kept durably while the store is unreachable. */
  intent: 'live' | 'paused';
  reason: string | null;
  storeLabel: string;
  rehearsal: boolean;
  lastError: string | null;
  attempts: number;
  nextRetryAt: number | null;
  confirmedAt: number | null;
  orders: number;
  cap: { orders: number; bonus: string; reached: boolean } | null;
  stock: Record<string, number> | null;
}

export interface TriggerFiring {
  id: string;
  offerId: string;
  ruleId: string;
  kind: string;
  action: 'pause' | 'alarm';
  at: number;
  evidence: string;
}

export interface OffersState {
  items: OfferView[];
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
  timeToFulfilSeconds: number | null;
}

export const offerCommands = {
  'offer.pause': command<{ state: OfferPhase }>()({
    summary: 'Pause an offer in the store; answers when the store confirms (or with the error).',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ offerId: z.string().min(1), reason: z.string().min(1).max(300) }).strict(),
  }),
  'offer.resume': command<{ state: OfferPhase }>()({
    summary: 'Resume a paused offer; answers when the store confirms.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ offerId: z.string().min(1) }).strict(),
  }),
  'offer.refresh': command<{ state: OfferPhase }>()({
    summary: 'Read the offer’s state back from the store.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ offerId: z.string().min(1) }).strict(),
  }),
  'offer.rules': command<{ offerId: string }>()({
    summary: 'Replace an offer’s rollback trigger rules.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ offerId: z.string().min(1), rules: z.array(z.unknown()) }).strict(),
  }),
  'kpi.get': command<{ kpis: KpiState }>()({
    summary: 'The live KPIs.',
    roles: ALL_ROLES,
    kind: 'read',
    args: z.object({}).strict(),
  }),
};
