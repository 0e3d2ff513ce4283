// Offers and the commerce toggle: pause/resume with read-back, rollback triggers, the order cap
// and the live KPIs. Builds one controller per offer of the loaded show; owns `offers` and `kpis`.
import { z } from 'zod';
import type { CommerceEvent, OfferView } from '../../shared/contract/index';
import { triggerRuleSchema, type Offer, type Show, type TriggerRule } from '../../shared/show/show.schema';
import type { CoreModule, ModuleContext } from '../module';
import { conflict } from '../dispatch/command-failure';
import type { OffersPorts } from './offers.ports';
import { createOffersRepo, type StoredEvent } from './offers.repo';
import { createRepoMemo } from './adapter.memo';
import { createAdapter, isSandbox, secretNameOf } from './adapter.factory';
import { createOfferController, type ControllerAudit, type OfferController } from './offer.controller';
import { createBonusRemover, type BonusRemover } from './bonus.remover';
import { createKpiCalc } from './kpi.calc';
import { orderEvent, resolveEvent } from './commerce.signals';
import { createTriggerEngine, type TriggerEngine, type TriggerTarget } from './trigger.engine';
import type { WindowEvent } from './trigger.rules';
import { createSandboxSimulator, type Simulator } from './sandbox.simulator';
import { EVENT_SECRET_NAME } from './hmac';

type OfferCommand =
  | 'offer.pause'
  | 'offer.resume'
  | 'offer.refresh'
  | 'offer.rules'
  | 'offer.credentials'
  | 'offer.eventSecret'
  | 'offer.ingest'
  | 'kpi.get';

interface OfferRuntime extends TriggerTarget {
  offer: Offer;
  controller: OfferController;
  bonus: BonusRemover;
  rules: TriggerRule[];
  window: WindowEvent[];
  orders: number;
  stock: Record<string, number> | null;
}

/** Only these feed rule windows; views and carts only move the KPIs. */
const WINDOWED = new Set(['payment_ok', 'payment_error', 'store_5xx', 'chargeback', 'fulfilled']);
const MAX_WINDOW_EVENTS = 20_000;
const windowSpanMs = (rules: readonly TriggerRule[]) => Math.max(60, ...rules.map((r) => r.windowSeconds)) * 1000;
const rulesSchema = z.array(triggerRuleSchema);

export function createOffersModule(ctx: ModuleContext, ports: OffersPorts): CoreModule<OfferCommand> {
  const repo = createOffersRepo(ctx.db);
  const kpis = createKpiCalc();
  let show: Show | null = null;
  let runtimes: OfferRuntime[] = [];
  let engine: TriggerEngine | null = null;
  let simulator: Simulator | null = null;
  let simTimer: ReturnType<typeof setInterval> | null = null;
  let started = false;
  let closed = false;

  const audit = (e: ControllerAudit) => ctx.audit.event(e);
  const alert = (level: 'info' | 'warn' | 'critical', key: string, message: string) => ctx.alerts.raise({ source: 'offers', key, level, message });

  const viewOf = (rt: OfferRuntime): OfferView => {
    const { offer, controller } = rt;
    const cap = controller.cap();
    const low = offer.inventory?.lowStock;
    return {
      id: offer.id,
      name: offer.name,
      code: offer.code,
      skus: offer.skus,
      price: offer.price,
      ...controller.view(),
      storeKind: controller.adapter.kind,
      storeLabel: controller.adapter.label,
      rehearsal: controller.adapter.rehearsal,
      orders: rt.orders,
      cap: offer.cap
        ? {
            orders: offer.cap.orders,
            bonus: offer.cap.bonus,
            reached: cap.reachedAt !== null,
            reachedAt: cap.reachedAt,
            bonusRemoval: (cap.bonusRemoval as NonNullable<OfferView['cap']>['bonusRemoval']) ?? null,
          }
        : null,
      stock: rt.stock,
      lowStock: low === undefined || !rt.stock ? [] : offer.skus.filter((s) => rt.stock?.[s] !== undefined && (rt.stock[s] as number) <= low),
      rules: rt.rules,
    };
  };

  const render = () => {
    if (closed) return;
    ctx.state.set('offers', { items: runtimes.map(viewOf), firings: engine?.firings() ?? [] });
  };
  const renderKpis = () => {
    if (!closed) ctx.state.set('kpis', kpis.state());
  };

  /** A restart keeps the rules' memory: the window is rebuilt from the stored signals. */
  const restoreWindow = (showId: string, offerId: string, rules: readonly TriggerRule[]): WindowEvent[] =>
    repo
      .windowEvents(showId, offerId, [...WINDOWED], ctx.clock.now() - windowSpanMs(rules), MAX_WINDOW_EVENTS)
      .map((e) => ({ at: e.receivedAt, type: e.type as WindowEvent['type'], count: e.count, latencySeconds: e.latencySeconds }));

  const find = (offerId: string): OfferRuntime => {
    if (!show) throw conflict('No show is loaded, so there is no offer to control.');
    const rt = runtimes.find((r) => r.offer.id === offerId);
    if (!rt) throw conflict(`The show has no offer "${offerId}" (it has: ${runtimes.map((r) => r.offer.id).join(', ') || 'none'}).`);
    return rt;
  };

  /** Counts new signals: KPIs, rule windows, orders, stock, the cap; then the rules. */
  const apply = (events: readonly StoredEvent[]) => {
    if (events.length === 0) return;
    const now = ctx.clock.now();
    kpis.add(events, now);
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
      const span = windowSpanMs(rt.rules);
      const keepFrom = rt.window.findIndex((w) => w.at > now - span);
      if (keepFrom !== 0) rt.window.splice(0, keepFrom === -1 ? rt.window.length : keepFrom);
      if (rt.window.length > MAX_WINDOW_EVENTS) rt.window.splice(0, rt.window.length - MAX_WINDOW_EVENTS);
      if (rt.offer.cap && rt.orders >= rt.offer.cap.orders) rt.bonus.capReached(rt.orders);
    }
    engine?.evaluate([...touched]);
    render();
    renderKpis();
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

  /** Signals the station produces itself (store polling, sandbox, 5xx answers): stored at once. */
  const ingestOwn = (events: readonly StoredEvent[]) => {
    if (!show || closed) return;
    const kept = repo.addEvents(show.id, fresh(show.id, events));
    apply(kept);
  };

  const storeTrouble = (offerId: string, status: number) => {
    const now = ctx.clock.now();
    ctx.log.warn('offers: the store answered with a server error', { offer: offerId, status });
    ingestOwn([
      { key: null, type: 'store_5xx', offerId, sku: null, count: 1, amount: null, currency: null, stock: null, latencySeconds: null, at: now, receivedAt: now, source: 'store' },
    ]);
  };

  const loadRules = (showId: string, offer: Offer): TriggerRule[] => {
    const text = repo.rules(showId, offer.id);
    if (!text) return offer.triggers;
    const parsed = rulesSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    ctx.log.warn('offers: stored rules no longer valid, using the show file’s', { offer: offer.id });
    return offer.triggers;
  };

  const teardown = () => {
    if (simTimer) clearInterval(simTimer);
    simTimer = null;
    for (const rt of runtimes) {
      rt.bonus.stop();
      rt.controller.close();
    }
    runtimes = [];
    engine = null;
    simulator = null;
  };

  const makeRuntime = (s: Show, offer: Offer, orders: number, stock: Record<string, number> | null): OfferRuntime => {
    const holder: { rt: OfferRuntime | null } = { rt: null };
    const adapter = createAdapter({
      offer,
      products: s.products,
      fetch: ports.fetch,
      timing: ports.timing,
      sandbox: ports.sandbox,
      secrets: ctx.secrets,
      memo: createRepoMemo(repo, s.id, offer.id),
      now: () => ctx.clock.now(),
      observe: (status) => {
        if (status !== null && status >= 500) storeTrouble(offer.id, status);
      },
    });
    const controller = createOfferController({
      showId: s.id,
      offer,
      adapter,
      repo,
      clock: ctx.clock,
      log: ctx.log,
      timing: ports.timing,
      audit,
      alert,
      clearAlert: (key) => ctx.alerts.clear(key),
      changed: render,
      onReading: (reading) => {
        if (holder.rt && reading.stock) holder.rt.stock = { ...holder.rt.stock, ...reading.stock };
      },
      onOrders: (list) => ingestOwn(list.map((o) => orderEvent(o, offer.id, ctx.clock.now()))),
    });
    const rules = loadRules(s.id, offer);
    const rt: OfferRuntime = {
      offer,
      controller,
      bonus: createBonusRemover({ offer, adapter, controller, clock: ctx.clock, timing: ports.timing, audit, alert }),
      rules,
      window: restoreWindow(s.id, offer.id, rules),
      orders,
      stock,
      facts: () => ({ orders: rt.orders, stock: rt.stock, skus: offer.skus }),
      intent: () => controller.view().intent,
    };
    holder.rt = rt;
    return rt;
  };

  const build = (s: Show) => {
    teardown();
    show = s;
    const showId = s.id;
    const totals = repo.totals(showId);
    kpis.reset(totals, s.offers[0]?.price.currency ?? 'USD', ctx.clock.now());
    const lastStock = repo.latestStock(showId);
    runtimes = s.offers.map((offer) => {
      const stock: Record<string, number> = {};
      for (const r of lastStock) if (offer.skus.includes(r.sku)) stock[r.sku] = r.stock;
      return makeRuntime(s, offer, totals.ordersByOffer[offer.id] ?? 0, Object.keys(stock).length ? stock : null);
    });
    engine = createTriggerEngine({
      showId,
      repo,
      now: () => ctx.clock.now(),
      dispatchPause: (offerId, reason, caller) => ctx.dispatch('offer.pause', { offerId, reason }, caller),
      audit: (e) => ctx.audit.event(e),
      alarm: (key, message) => alert('critical', key, message),
      changed: render,
    });
    const simulated = runtimes.filter((rt) => rt.offer.store.adapter === 'sandbox' && rt.offer.store.simulate && isSandbox(rt.controller.adapter));
    if (ports.sandbox.simulate && simulated.length) {
      simulator = createSandboxSimulator({
        offers: () => simulated.flatMap((rt) => (isSandbox(rt.controller.adapter) ? [{ offer: rt.offer, store: rt.controller.adapter }] : [])),
        random: ports.sandbox.random,
        rates: ports.sandbox.rates,
      });
    }
    render();
    renderKpis();
    if (started) activate();
  };

  const activate = () => {
    for (const rt of runtimes) {
      rt.controller.activate();
      rt.bonus.resume();
      if (rt.offer.cap && rt.orders >= rt.offer.cap.orders) rt.bonus.capReached(rt.orders);
    }
    if (simulator && !simTimer) {
      const sim = simulator;
      simTimer = setInterval(() => simulate(sim), ports.sandbox.tickMs);
      simTimer.unref?.();
    }
  };

  const simulate = (sim: Simulator) => {
    if (!show || closed) return;
    const now = ctx.clock.now();
    const offers = show.offers;
    ingestOwn(sim.tick(now, ports.sandbox.tickMs / 1000).map((e) => resolveEvent(e, offers, 'sandbox', now).event));
  };

  ctx.show.onLoaded((loaded) => {
    if (!closed) build(loaded.show);
  });

  const ingestHandler = (events: CommerceEvent[], write: (fn: () => void) => void) => {
    if (!show) throw conflict('No show is loaded: load one before sending commerce events.');
    const s = show;
    const now = ctx.clock.now();
    let unmatched = 0;
    const resolved = events.map((e) => {
      const r = resolveEvent(e, s.offers, 'webhook', now);
      if (r.unmatched) unmatched += 1;
      return r.event;
    });
    const kept = fresh(s.id, resolved);
    // Stored in the command's transaction, with its audit row: both land or neither does.
    write(() => void repo.addEvents(s.id, kept));
    apply(kept);
    return { accepted: kept.length, duplicates: resolved.length - kept.length, unmatched };
  };

  return {
    handlers: {
      'offer.pause': async ({ offerId, reason }, c) => ({
        state: await find(offerId).controller.request('paused', { actor: c.caller.actor, reason }),
      }),
      'offer.resume': async ({ offerId }, c) => ({
        state: await find(offerId).controller.request('live', { actor: c.caller.actor, reason: null }),
      }),
      'offer.refresh': async ({ offerId }) => ({ state: await find(offerId).controller.refresh() }),
      'offer.rules': ({ offerId, rules }, c) => {
        const rt = find(offerId);
        const ids = new Set<string>();
        for (const r of rules) {
          if (ids.has(r.id)) throw conflict(`Two rules are called "${r.id}": rule ids must be unique within an offer.`);
          ids.add(r.id);
        }
        const showId = (show as Show).id;
        c.write(() => repo.saveRules(showId, offerId, JSON.stringify(rules), c.caller.actor, c.now));
        rt.rules = rules;
        render();
        return { offerId, rules };
      },
      'offer.credentials': ({ offerId, value }) => {
        const rt = find(offerId);
        const name = secretNameOf(rt.offer);
        if (!name) throw conflict(`${rt.offer.name} uses the sandbox store, which needs no credentials.`);
        ctx.secrets.set(name, value);
        rt.controller.nudge();
        return { offerId, secret: name };
      },
      'offer.eventSecret': ({ value }) => {
        ctx.secrets.set(EVENT_SECRET_NAME, value);
        return { secret: EVENT_SECRET_NAME };
      },
      'offer.ingest': ({ events }, c) => ingestHandler(events, c.write),
      'kpi.get': () => ({ kpis: ctx.state.get('kpis') }),
    },
    start() {
      started = true;
      activate();
    },
    close() {
      closed = true;
      teardown();
    },
  };
}
