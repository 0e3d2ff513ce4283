// The in-station store for rehearsals and the demo show: a toggle, stock per SKU and a bonus
// flag, kept in SQLite so a restart finds it as it was. Labelled REHEARSAL in every view.
import type { CommerceAdapter, StoreReading } from './commerce.adapter';
import type { AdapterMemo } from './adapter.memo';

interface SandboxState {
  paused: boolean;
  bonusActive: boolean;
  stock: Record<string, number>;
}

export type BuyOutcome = 'ok' | 'paused' | 'out_of_stock';

export interface SandboxStore extends CommerceAdapter {
  /** A simulated shopper tries to buy: refused while paused or when the stock is gone. */
  tryBuy(sku: string, quantity: number): BuyOutcome;
  isPaused(): boolean;
  stockOf(sku: string): number;
}

export function createSandboxAdapter(deps: {
  offerId: string;
  initialStock: Record<string, number>;
  memo: AdapterMemo;
  /** Simulated store latency, so a rehearsal shows `pausing` before `paused` as a real store would. */
  latencyMs: number;
  sleep: (ms: number) => Promise<void>;
}): SandboxStore {
  const KEY = 'sandbox.state';
  const stored = deps.memo.get(KEY);
  let state: SandboxState = stored
    ? (JSON.parse(stored) as SandboxState)
    : { paused: false, bonusActive: true, stock: { ...deps.initialStock } };
  const save = () => deps.memo.set(KEY, JSON.stringify(state));
  if (!stored) save();

  const reading = (): StoreReading => ({
    paused: state.paused,
    detail: `sandbox store ${state.paused ? 'paused: carts refused' : 'selling'}${state.bonusActive ? '' : '; bonus ended'}`,
    stock: { ...state.stock },
    bonusActive: state.bonusActive,
  });

  return {
    kind: 'sandbox',
    label: 'Sandbox store (rehearsal)',
    adminUrl: null,
    rehearsal: true,
    async setPaused(paused) {
      await deps.sleep(deps.latencyMs);
      state = { ...state, paused };
      save();
      return reading();
    },
    async read() {
      await deps.sleep(Math.min(deps.latencyMs, 50));
      return reading();
    },
    async removeBonus() {
      await deps.sleep(deps.latencyMs);
      state = { ...state, bonusActive: false };
      save();
      return reading();
    },
    // The simulator reports its orders itself; there is nothing to poll.
    pollOrders: () => Promise.resolve(null),
    close() {},
    tryBuy(sku, quantity) {
      if (state.paused) return 'paused';
      const left = state.stock[sku] ?? 0;
      if (left < quantity) return 'out_of_stock';
      state = { ...state, stock: { ...state.stock, [sku]: left - quantity } };
      save();
      return 'ok';
    },
    isPaused: () => state.paused,
    stockOf: (sku) => state.stock[sku] ?? 0,
  };
}
