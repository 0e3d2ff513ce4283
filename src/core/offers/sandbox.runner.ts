// Simulated shoppers for the sandbox store in rehearsal: on each tick the simulator's signals are
// counted like any other (KPIs, rules), labelled sandbox. Only offers bound to a simulating sandbox.
import type { Show } from '../../shared/show/show.schema';
import type { Timers } from '../platform/timers';
import type { StoredEvent } from './offers.repo';
import type { SandboxPorts } from './offers.ports';
import type { OfferRuntime } from './offer.runtime';
import { isSandbox } from './adapter.factory';
import { resolveEvent } from './commerce.signals';
import { createSandboxSimulator } from './sandbox.simulator';

export interface SandboxRunner {
  start(): void;
  stop(): void;
}

export function createSandboxRunner(deps: {
  show: Show;
  runtimes: readonly OfferRuntime[];
  sandbox: SandboxPorts;
  timers: Timers;
  now(): number;
  ingest(events: StoredEvent[]): void;
}): SandboxRunner | null {
  const { show, sandbox } = deps;
  const simulated = deps.runtimes.filter((rt) => rt.offer.store.adapter === 'sandbox' && rt.offer.store.simulate && isSandbox(rt.controller.adapter));
  if (!sandbox.simulate || simulated.length === 0) return null;
  const sim = createSandboxSimulator({
    offers: () => simulated.flatMap((rt) => (isSandbox(rt.controller.adapter) ? [{ offer: rt.offer, store: rt.controller.adapter }] : [])),
    random: sandbox.random,
    rates: sandbox.rates,
  });
  let stop: (() => void) | null = null;
  const tick = () => {
    const now = deps.now();
    deps.ingest(sim.tick(now, sandbox.tickMs / 1000).map((e) => resolveEvent(e, show.offers, 'sandbox', now).event));
  };
  return {
    start() {
      stop ??= deps.timers.every(sandbox.tickMs, tick);
    },
    stop() {
      stop?.();
      stop = null;
    },
  };
}
