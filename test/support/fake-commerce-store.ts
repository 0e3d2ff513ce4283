// A scriptable store for unit tests of the toggle: it can be down, refuse, answer slowly, or
// report a read-back that does not match what was asked. Counts every call it gets.
import { StoreError, type CommerceAdapter, type StoreOrder, type StoreReading } from '../../src/core/offers/commerce.adapter';

export interface FakeStore extends CommerceAdapter {
  paused: boolean;
  bonusActive: boolean;
  /** Next calls fail with this until cleared. */
  down: StoreError | null;
  /** Delay per call (ms). */
  latencyMs: number;
  /** When set, a pause/resume leaves this read-back instead of the asked state. */
  stuck: boolean | 'partial' | null;
  orders: StoreOrder[];
  calls: { op: 'set' | 'read' | 'bonus' | 'orders'; paused?: boolean; key?: string }[];
}

export function createFakeStore(init: Partial<Pick<FakeStore, 'paused' | 'latencyMs'>> = {}): FakeStore {
  const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
  const store: FakeStore = {
    kind: 'webhook',
    label: 'Fake store',
    adminUrl: null,
    rehearsal: false,
    paused: init.paused ?? false,
    bonusActive: true,
    down: null,
    latencyMs: init.latencyMs ?? 5,
    stuck: null,
    orders: [],
    calls: [],
    async setPaused(paused, op) {
      store.calls.push({ op: 'set', paused, key: op.key });
      await wait(store.latencyMs);
      if (store.down) throw store.down;
      if (store.stuck === null) store.paused = paused;
      return reading();
    },
    async read() {
      store.calls.push({ op: 'read' });
      await wait(store.latencyMs);
      if (store.down) throw store.down;
      return reading();
    },
    async removeBonus() {
      store.calls.push({ op: 'bonus' });
      await wait(store.latencyMs);
      if (store.down) throw store.down;
      store.bonusActive = false;
      return reading();
    },
    async pollOrders() {
      store.calls.push({ op: 'orders' });
      if (store.down) throw store.down;
      const out = store.orders;
      store.orders = [];
      return out;
    },
    close() {},
  };
  const reading = (): StoreReading => {
    const paused = store.stuck ?? store.paused;
    return { paused, detail: `fake store ${String(paused)}`, stock: { 'BNDL-GLOW-KIT': 42 }, bonusActive: store.bonusActive };
  };
  return store;
}

export const storeDown = () => new StoreError('unreachable', 'cannot reach fake-store: connection refused (is the store running?)');
