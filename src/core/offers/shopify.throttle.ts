// Shopify's Admin GraphQL limit is a leaky bucket of cost points, reported with every answer in
// `extensions.cost.throttleStatus`. This keeps the last report and says how long to wait before a
// query of a given cost can run, so Baton waits instead of being THROTTLED mid-pause.
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface CostBucket {
  /** Milliseconds to wait before spending `cost` points (0 = go now). */
  waitFor(cost: number, now: number): number;
  /** Records the bucket as the last answer reported it. */
  update(status: ThrottleStatus, now: number): void;
  readonly last: ThrottleStatus | null;
}

export function createCostBucket(): CostBucket {
  let last: ThrottleStatus | null = null;
  let at = 0;
  return {
    get last() {
      return last;
    },
    update(status, now) {
      last = status;
      at = now;
    },
    waitFor(cost, now) {
      if (!last || last.restoreRate <= 0) return 0;
      const refilled = Math.min(last.maximumAvailable, last.currentlyAvailable + ((now - at) / 1000) * last.restoreRate);
      if (refilled >= cost) return 0;
      return Math.ceil(((cost - refilled) / last.restoreRate) * 1000);
    },
  };
}

export function readThrottleStatus(body: unknown): { status: ThrottleStatus; requested: number | null } | null {
  const cost = (body as { extensions?: { cost?: { requestedQueryCost?: unknown; throttleStatus?: Partial<ThrottleStatus> } } } | null)
    ?.extensions?.cost;
  const t = cost?.throttleStatus;
  if (!t || typeof t.maximumAvailable !== 'number' || typeof t.currentlyAvailable !== 'number' || typeof t.restoreRate !== 'number') {
    return null;
  }
  return {
    status: { maximumAvailable: t.maximumAvailable, currentlyAvailable: t.currentlyAvailable, restoreRate: t.restoreRate },
    requested: typeof cost?.requestedQueryCost === 'number' ? cost.requestedQueryCost : null,
  };
}
