// Offers and the commerce toggle: wires one runtime per offer of the loaded show (adapter, control,
// cap), the signals ledger (KPIs, rule windows), the rules and the sandbox; owns `offers` and `kpis`.
import type { Show } from '../../shared/show/show.schema';
import type { TestOrderResult } from '../../shared/contract/index';
import type { CoreModule, ModuleContext } from '../module';
import { conflict } from '../dispatch/command-failure';
import type { OffersPorts } from './offers.ports';
import { isScopedSecret, scopeMessage, storeSecretPrefix } from '../../shared/show/secret-scope';
import { createOffersRepo, type StoredEvent } from './offers.repo';
import { secretNameOf } from './adapter.factory';
import { createKpiCalc } from './kpi.calc';
import { orderEvent } from './commerce.signals';
import { createTriggerEngine, type TriggerEngine } from './trigger.engine';
import { EVENT_SECRET_NAME } from './hmac';
import { createOffersAuditor } from './offers.audit';
import { offerViewOf } from './offer.view';
import { createOfferRuntime, reachCapIfDue, type Alert, type OfferRuntime } from './offer.runtime';
import { createSignalsLedger } from './signals.ledger';
import { loadRules, restoreWindow } from './trigger.window';
import { createSandboxRunner, type SandboxRunner } from './sandbox.runner';

type OfferCommand =
  | 'offer.pause'
  | 'offer.resume'
  | 'offer.refresh'
  | 'offer.rules'
  | 'offer.credentials'
  | 'offer.eventSecret'
  | 'offer.ingest'
  | 'kpi.get'
  | 'offer.testOrder';

export function createOffersModule(ctx: ModuleContext, ports: OffersPorts): CoreModule<OfferCommand> {
  const repo = createOffersRepo(ctx.db);
  const kpis = createKpiCalc();
  const audit = createOffersAuditor(ctx.audit);
  const alert: Alert = (level, key, message) => ctx.alerts.raise({ source: 'offers', key, level, message });
  let show: Show | null = null;
  let runtimes: OfferRuntime[] = [];
  let engine: TriggerEngine | null = null;
  let sandbox: SandboxRunner | null = null;
  let started = false;
  let closed = false;

  // The slice is rebuilt when it is next read or published, not at each change: a pause changes it
  // three times (the click, the call, the confirmation), the last one on the click's reply path.
  const view = () => ({ items: runtimes.map(offerViewOf), firings: engine?.firings() ?? [] });
  const render = () => {
    if (!closed) ctx.state.invalidate('offers', view);
  };
  const renderKpis = () => {
    if (!closed) ctx.state.set('kpis', kpis.state());
  };

  const ledger = createSignalsLedger({
    repo,
    kpis,
    now: () => ctx.clock.now(),
    runtimes: () => runtimes,
    evaluate: (touched) => engine?.evaluate(touched),
    changed: () => {
      render();
      renderKpis();
    },
  });

  const ingestOwn = (events: readonly StoredEvent[]) => {
    if (show && !closed) ledger.ingestOwn(show, events);
  };

  const storeTrouble = (offerId: string, status: number) => {
    const now = ctx.clock.now();
    ctx.log.warn('offers: the store answered with a server error', { offer: offerId, status });
    ingestOwn([
      { key: null, type: 'store_5xx', offerId, sku: null, count: 1, amount: null, currency: null, stock: null, latencySeconds: null, at: now, receivedAt: now, source: 'store' },
    ]);
  };

  const find = (offerId: string): OfferRuntime => {
    if (!show) throw conflict('No show is loaded, so there is no offer to control.');
    const rt = runtimes.find((r) => r.offer.id === offerId);
    if (!rt) throw conflict(`The show has no offer "${offerId}" (it has: ${runtimes.map((r) => r.offer.id).join(', ') || 'none'}).`);
    return rt;
  };

  const teardown = () => {
    sandbox?.stop();
    sandbox = null;
    for (const rt of runtimes) {
      rt.bonus.stop();
      rt.controller.close();
    }
    runtimes = [];
    engine = null;
  };

  const build = (s: Show) => {
    teardown();
    show = s;
    const now = ctx.clock.now();
    const totals = repo.totals(s.id);
    kpis.reset(totals, s.offers[0]?.price.currency ?? 'USD', now);
    const lastStock = repo.latestStock(s.id);
    runtimes = s.offers.map((offer) => {
      const stock: Record<string, number> = {};
      for (const r of lastStock) if (offer.skus.includes(r.sku)) stock[r.sku] = r.stock;
      const rules = loadRules(repo, s.id, offer, ctx.log);
      return createOfferRuntime({
        show: s,
        offer,
        repo,
        ports,
        clock: ctx.clock,
        log: ctx.log,
        secrets: ctx.secrets,
        audit,
        alert,
        clearAlert: (key, upTo) => ctx.alerts.clear(key, upTo),
        alertStamp: () => ctx.alerts.stamp(),
        changed: render,
        storeTrouble: (status) => storeTrouble(offer.id, status),
        onOrders: (list) => ingestOwn(list.map((o) => orderEvent(o, offer.id, ctx.clock.now()))),
        start: {
          orders: totals.ordersByOffer[offer.id] ?? 0,
          stock: Object.keys(stock).length ? stock : null,
          rules,
          window: restoreWindow(repo, s.id, offer.id, rules, now),
        },
      });
    });
    engine = createTriggerEngine({
      showId: s.id,
      repo,
      now: () => ctx.clock.now(),
      monotonic: () => ctx.clock.monotonic(),
      dispatchPause: (offerId, reason, caller) => ctx.dispatch('offer.pause', { offerId, reason }, caller),
      audit: (e) => audit({ ...e, durationMs: 0 }),
      alarm: (key, message) => alert('critical', key, message),
      changed: render,
    });
    sandbox = createSandboxRunner({
      show: s,
      runtimes,
      sandbox: ports.sandbox,
      timers: ports.timers,
      now: () => ctx.clock.now(),
      ingest: (events) => {
        if (!closed) ingestOwn(events);
      },
    });
    render();
    renderKpis();
    if (started) activate();
  };

  const activate = () => {
    for (const rt of runtimes) {
      rt.controller.activate();
      rt.bonus.resume();
      reachCapIfDue(rt);
    }
    sandbox?.start();
  };

  ctx.show.onLoaded((loaded) => {
    if (!closed) build(loaded.show);
  });

  return {
    handlers: {
      'offer.pause': async ({ offerId, reason }, c) => ({
        state: await find(offerId).controller.request('paused', { actor: c.caller.actor, reason, audit: c.audit, write: c.write }),
      }),
      'offer.resume': async ({ offerId }, c) => ({
        state: await find(offerId).controller.request('live', { actor: c.caller.actor, reason: null, audit: c.audit, write: c.write }),
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
        // Only inside the offer's namespace: a binding can never overwrite a station secret.
        if (!isScopedSecret(name, storeSecretPrefix(offerId))) throw conflict(scopeMessage(name, storeSecretPrefix(offerId)));
        ctx.secrets.set(name, value);
        rt.controller.nudge();
        return { offerId, secret: name };
      },
      'offer.eventSecret': ({ value }) => {
        ctx.secrets.set(EVENT_SECRET_NAME, value);
        return { secret: EVENT_SECRET_NAME };
      },
      'offer.ingest': ({ events }, c) => {
        if (!show) throw conflict('No show is loaded: load one before sending commerce events.');
        return ledger.ingest(show, events, c.write);
      },
      'kpi.get': () => ({ kpis: ctx.state.get('kpis') }),
      'offer.testOrder': async ({ offerId }, c) => {
        const rt = find(offerId);
        const result = rt.adapter.placeTestOrder
          ? await rt.adapter.placeTestOrder(rt.offer.code).catch((e: unknown): TestOrderResult => ({
              ok: false, store: rt.adapter.kind, step: 'start', reason: e instanceof Error ? e.message : String(e), orderCode: null, amount: null, currency: null,
              startedAt: c.now, placedAt: null, confirmedAt: null, refundedAt: null, cancelledAt: null, cancelled: false,
            }))
          : null;
        if (!result) throw conflict(`${rt.offer.name}: the ${rt.adapter.kind} store cannot place a test order.`);
        // The producer's own diagnostics may quote the store, never the offer's credential.
        return { offerId, result: result.reason === null ? result : { ...result, reason: rt.scrub(result.reason) } };
      },
    },
    start() {
      started = true;
      activate();
    },
    close() {
      // The view as it stands, before the runtimes go.
      ctx.state.get('offers');
      closed = true;
      teardown();
    },
  };
}
